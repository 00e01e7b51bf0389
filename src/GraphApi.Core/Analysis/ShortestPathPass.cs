namespace GraphApi.Core.Analysis;

/// <summary>
/// One single-source shortest-path search per source on the <see cref="PackedGraph"/>, each followed by Brandes'
/// dependency accumulation when betweenness is wanted, and by the source's closeness when that is wanted (a
/// source's own distances are all closeness needs on an undirected graph). Unweighted searches are breadth-first
/// (<see cref="BreadthFirstBrandes"/>); weighted ones are Dijkstra on the router's quantised costs
/// (<see cref="DijkstraBrandes"/>).
/// <para>
/// Sources are split into a fixed number of contiguous chunks, whatever the core count; each chunk sums its own
/// dependencies in source order and the chunks are added in chunk order, so the floating-point result is the same
/// on every run. Workspaces are pooled so each worker thread reuses one.
/// </para>
/// </summary>
internal static class ShortestPathPass
{
    private const int ChunkCount = 16;

    /// <summary>Dependency sums and closeness per node in the snapshot's numbering (null when not asked for).</summary>
    public sealed record Result(double[]? DependencySums, double[]? Closeness);

    /// <param name="sources">Sources in the snapshot's numbering.</param>
    public static Result Run(PackedGraph graph, int[] sources, bool weighted, bool betweenness, bool closeness, CancellationToken cancellationToken)
    {
        var n = graph.NodeCount;
        var pool = new System.Collections.Concurrent.ConcurrentBag<BrandesSearch>([BrandesSearch.For(graph, weighted)]);
        pool.TryPeek(out var first);
        var batchSize = first!.BatchSize;
        // Chunks of whole batches: a chunk that ended mid-batch would run a batch's search for a few sources.
        var batches = (sources.Length + batchSize - 1) / batchSize;
        var chunks = Math.Min(ChunkCount, Math.Max(1, batches));
        var sums = betweenness ? new double[chunks][] : null;
        var closenessValues = closeness ? new double[n] : null;
        var options = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount, TaskScheduler = TaskScheduler.Current };
        // Sources in packed order, so that a batch's sources are neighbours in the graph (see BreadthFirstBrandes).
        var packedSources = Array.ConvertAll(sources, s => graph.PackedOf[s]);
        Array.Sort(packedSources);
        Parallel.For(0, chunks, options, chunk =>
        {
            var search = pool.TryTake(out var pooled) ? pooled : BrandesSearch.For(graph, weighted);
            var accumulator = betweenness ? new double[n] : null;
            Span<int> reached = stackalloc int[batchSize];
            Span<double> distanceSums = stackalloc double[batchSize];
            var end = (int)Math.Min(packedSources.Length, (long)batches * (chunk + 1) / chunks * batchSize);
            for (var index = (int)((long)batches * chunk / chunks * batchSize); index < end; index += batchSize)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    // Abandon the workspace (it may be mid-search); Parallel.For reports the cancellation.
                    return;
                }
                var batch = packedSources.AsSpan(index, Math.Min(batchSize, end - index));
                // Without closeness, empty spans: the searches then skip their per-source distance summary.
                search.Run(batch, accumulator, closenessValues is null ? [] : reached, closenessValues is null ? [] : distanceSums);
                for (var i = 0; closenessValues is not null && i < batch.Length; i++)
                {
                    closenessValues[graph.OriginalOf[batch[i]]] = Closeness(n, reached[i], distanceSums[i]);
                }
            }
            if (sums is not null)
            {
                sums[chunk] = accumulator!;
            }
            pool.Add(search);
        });
        cancellationToken.ThrowIfCancellationRequested();
        return new Result(sums is null ? null : AddInOriginalOrder(sums, graph.OriginalOf), closenessValues);
    }

    /// <summary>
    /// NetworkX's closeness_centrality with wf_improved: (r − 1) / Σd scaled by (r − 1) / (n − 1), where r counts
    /// the nodes the source reaches (itself included) — Wasserman and Faust's correction for disconnected graphs.
    /// </summary>
    private static double Closeness(int n, int reached, double distanceSum) =>
        distanceSum > 0 && n > 1 ? (reached - 1) / distanceSum * ((reached - 1) / (double)(n - 1)) : 0.0;

    /// <summary>The chunks' sums added in chunk order, moved from the packed numbering back to the snapshot's.</summary>
    private static double[] AddInOriginalOrder(double[][] chunks, int[] originalOf)
    {
        var n = originalOf.Length;
        var total = new double[n];
        foreach (var chunk in chunks)
        {
            for (var p = 0; p < n; p++)
            {
                total[originalOf[p]] += chunk[p];
            }
        }
        return total;
    }
}
