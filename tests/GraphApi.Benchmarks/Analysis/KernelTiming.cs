using System.Diagnostics;
using System.Globalization;
using GraphApi.Core.Analysis;
using GraphApi.Core.Graph;

namespace GraphApi.Benchmarks.Analysis;

/// <summary>
/// One worker's Brandes search plus accumulation from a fixed set of sources on one thread, the fastest of several
/// rounds: on a shared machine the minimum of short rounds is the figure least disturbed by other processes, and
/// nanoseconds per arc compare kernels independently of the graph's size. The sources are consecutive in the packed
/// order from the middle of the graph, as the exact pass batches them.
/// </summary>
internal static class KernelTiming
{
    public static void Report(GraphSnapshot snapshot, bool weighted, int sources, int rounds)
    {
        var graph = PackedGraph.From(SimpleGraph.From(snapshot));
        var search = BrandesSearch.For(graph, weighted);
        var dependencies = new double[graph.NodeCount];
        var best = double.PositiveInfinity;
        // CPU time, not wall time: with the machine's cores shared, wall time measures the other processes.
        using var process = Process.GetCurrentProcess();
        for (var round = 0; round < rounds; round++)
        {
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            for (var s = 0; s < sources; s += search.BatchSize)
            {
                var batch = Enumerable.Range(s, search.BatchSize).Select(i => graph.NodeCount / 2 + i).ToArray();
                search.Run(batch, dependencies, new int[batch.Length], new double[batch.Length]);
            }
            process.Refresh();
            best = Math.Min(best, (process.TotalProcessorTime - cpu).TotalSeconds);
        }
        var perSource = best / sources;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"kernel {(weighted ? "weighted" : "unweighted")}: {perSource * 1e3:0.000} ms per source, {perSource * 1e9 / graph.Neighbours.Length:0.00} ns per arc, x{graph.NodeCount} sources = {perSource * graph.NodeCount:0.00} s on one core (CPU, best of {rounds})"));
    }
}
