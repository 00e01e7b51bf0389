namespace GraphApi.Core.Analysis;

/// <summary>
/// The guarantee a sampled betweenness answer met: with probability at least 1 − <paramref name="Delta"/>, every
/// actor's estimate is within <paramref name="Epsilon"/> of its exact betweenness as a fraction of all ordered pairs
/// of distinct actors, b(v) = Σ_{s≠t} σ_st(v)/σ_st / (n(n − 1)); that is, within ε·n(n − 1)/2 of the raw
/// (unordered-pair) value and within ε·n/(n − 2) of the normalised one. <paramref name="Samples"/> pairs were drawn
/// with <paramref name="Seed"/>, a number fixed by ε, δ and <paramref name="VertexDiameterBound"/>.
/// </summary>
public sealed record BetweennessGuarantee(double Epsilon, double Delta, int Samples, int VertexDiameterBound, int Seed)
{
    /// <summary>The universal constant of the ε-sample bound, the value Riondato and Kornaropoulos use.</summary>
    public const double Constant = 0.5;

    /// <summary>
    /// Riondato and Kornaropoulos (2016), Theorem 2: r = ⌈(c / ε²)(⌊log₂(VD − 2)⌋ + 1 + ln(1/δ))⌉ sampled shortest
    /// paths make every estimate ε-accurate with probability 1 − δ, where VD bounds the number of nodes on any
    /// shortest path (the VC dimension of the range set is at most ⌊log₂(VD − 2)⌋ + 1); VD is at least 3 here.
    /// </summary>
    public static int SampleSize(double epsilon, double delta, int vertexDiameterBound)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(epsilon);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(delta);
        ArgumentOutOfRangeException.ThrowIfLessThan(vertexDiameterBound, 3);
        var vcDimension = Math.Floor(Math.Log2(vertexDiameterBound - 2)) + 1;
        // −ln δ, not ln(1/δ): 1/δ overflows to infinity for the smallest δ, and the sample size with it.
        var samples = Math.Ceiling(Constant / (epsilon * epsilon) * (vcDimension - Math.Log(delta)));
        return samples > int.MaxValue ? int.MaxValue : (int)samples;
    }
}

/// <summary>
/// Betweenness estimated with a stated (ε, δ) guarantee, after Riondato and Kornaropoulos, "Fast approximation of
/// betweenness centrality through sampling" (Data Min. Knowl. Disc. 30, 2016): draw r ordered pairs (s ≠ t)
/// uniformly, one shortest s–t path uniformly among all of them (<see cref="PathSampler"/>), and credit 1/r to each
/// of its inner nodes. Unweighted graphs only. The vertex-diameter bound is 2·ecc + 1 of each component's search
/// root, the largest over components: any two nodes of a component are at most ecc hops from its root each.
/// <para>
/// Sample i draws from its own random stream (seed, i), and the per-node counts are integers, so the answer is the
/// same on every run, whatever the number of cores.
/// </para>
/// </summary>
internal static class SampledBetweenness
{
    private const int ChunkCount = 64;

    /// <summary>Per node in the snapshot's numbering, the estimated raw betweenness (unordered pairs, as the exact one).</summary>
    public static (double[] Betweenness, BetweennessGuarantee Guarantee) Estimate(
        PackedGraph graph, double epsilon, double delta, int seed, CancellationToken cancellationToken)
    {
        var n = graph.NodeCount;
        var bound = VertexDiameterBound(graph);
        // With no shortest path of three nodes there is no inner node: every betweenness is exactly 0, nothing to sample.
        var samples = bound <= 2 ? 0 : BetweennessGuarantee.SampleSize(epsilon, delta, bound);
        var counts = CountInnerNodes(graph, samples, seed, cancellationToken);
        // b̃(v) = count / r estimates Σ over ordered pairs / (n(n − 1)); the raw value counts each unordered pair once.
        var scale = samples == 0 ? 0.0 : n * (n - 1.0) / 2.0 / samples;
        var betweenness = new double[n];
        for (var p = 0; p < n; p++)
        {
            betweenness[graph.OriginalOf[p]] = counts[p] * scale;
        }
        return (betweenness, new BetweennessGuarantee(epsilon, delta, samples, bound, seed));
    }

    private static long[] CountInnerNodes(PackedGraph graph, int samples, int seed, CancellationToken cancellationToken)
    {
        var n = graph.NodeCount;
        var chunks = Math.Max(1, Math.Min(ChunkCount, samples));
        var partial = new long[chunks][];
        var options = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount, TaskScheduler = TaskScheduler.Current };
        var pool = new System.Collections.Concurrent.ConcurrentBag<PathSampler>();
        Parallel.For(0, chunks, options, chunk =>
        {
            var sampler = pool.TryTake(out var pooled) ? pooled : new PathSampler(graph);
            var counts = new long[n];
            var end = (int)((long)samples * (chunk + 1) / chunks);
            for (var i = (int)((long)samples * chunk / chunks); i < end && !cancellationToken.IsCancellationRequested; i++)
            {
                var random = new SplitMix(seed, i);
                var s = random.Next(n);
                var t = random.Next(n - 1);
                sampler.Sample(s, t >= s ? t + 1 : t, ref random, counts);
            }
            partial[chunk] = counts;
            pool.Add(sampler);
        });
        cancellationToken.ThrowIfCancellationRequested();
        var total = new long[n];
        foreach (var counts in partial)
        {
            for (var p = 0; p < n; p++)
            {
                total[p] += counts[p];
            }
        }
        return total;
    }

    /// <summary>
    /// The largest 2·ecc(root) + 1 over components, where a component's root is its first node in the packed order
    /// (the breadth-first root the packing started it from): no shortest path has more nodes than that.
    /// </summary>
    internal static int VertexDiameterBound(PackedGraph graph)
    {
        var n = graph.NodeCount;
        var level = new int[n];
        Array.Fill(level, -1);
        var queue = new int[n];
        var bound = Math.Min(n, 1);
        for (var root = 0; root < n; root++)
        {
            if (level[root] >= 0)
            {
                continue;
            }
            level[root] = 0;
            queue[0] = root;
            int head = 0, tail = 1, eccentricity = 0;
            while (head < tail)
            {
                var v = queue[head++];
                eccentricity = level[v];
                for (var a = graph.Offsets[v]; a < graph.Offsets[v + 1]; a++)
                {
                    var w = graph.Neighbours[a];
                    if (level[w] < 0)
                    {
                        level[w] = level[v] + 1;
                        queue[tail++] = w;
                    }
                }
            }
            // A component of c nodes has no path of more than c nodes either.
            bound = Math.Max(bound, Math.Min(2 * eccentricity + 1, tail));
        }
        return bound;
    }
}
