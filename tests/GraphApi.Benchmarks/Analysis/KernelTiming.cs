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
        Report(graph, BrandesSearch.For(graph, weighted), weighted ? "weighted" : "unweighted", sources, rounds);
        if (!weighted && BreadthFirstBrandes.For(graph) is not BreadthFirstBrandes<FourLanes>)
        {
            // The kernel a machine without AVX-512 runs, for comparison.
            Report(graph, new BreadthFirstBrandes<FourLanes>(graph), "unweighted, four lanes", sources, rounds);
        }
    }

    /// <summary>The unweighted kernel once over <paramref name="sources"/> sources, as the timed rounds run it, untimed.</summary>
    public static void RunOnce(GraphSnapshot snapshot, int sources)
    {
        var graph = PackedGraph.From(SimpleGraph.From(snapshot));
        var search = BrandesSearch.For(graph, weighted: false);
        var dependencies = new double[graph.NodeCount];
        for (var s = 0; s < sources; s += search.BatchSize)
        {
            var batch = Enumerable.Range(s, Math.Min(search.BatchSize, sources - s)).Select(i => graph.NodeCount / 2 + i).ToArray();
            search.Run(batch, dependencies, [], []);
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"kernel-run: {sources} sources, {search.BatchSize} per batch"));
    }

    private static void Report(PackedGraph graph, BrandesSearch search, string name, int sources, int rounds)
    {
        var dependencies = new double[graph.NodeCount];
        var best = double.PositiveInfinity;
        // Warm-up rounds first, so that tiered compilation has put the kernel's final code in place.
        for (var round = -rounds; round < rounds; round++)
        {
            // The thread's CPU time, not wall time: with the machine's cores shared, wall time measures the other processes.
            var cpu = ThreadCpuClock.Seconds();
            for (var s = 0; s < sources; s += search.BatchSize)
            {
                var batch = Enumerable.Range(s, search.BatchSize).Select(i => graph.NodeCount / 2 + i).ToArray();
                // Betweenness only, as the exact pass runs it (no per-source distance summary).
                search.Run(batch, dependencies, [], []);
            }
            var spent = ThreadCpuClock.Seconds() - cpu;
            best = round >= 0 ? Math.Min(best, spent) : best;
        }
        var perSource = best / sources;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"kernel {name} ({search.BatchSize} per batch): {perSource * 1e3:0.000} ms per source, {perSource * 1e9 / graph.Neighbours.Length:0.00} ns per arc, x{graph.NodeCount} sources = {perSource * graph.NodeCount:0.00} s on one core (CPU, best of {rounds})"));
    }
}

/// <summary>The calling thread's CPU time (Linux CLOCK_THREAD_CPUTIME_ID, nanoseconds): the process's counter ticks in
/// 10 ms steps, too coarse for rounds of a few tens of milliseconds.</summary>
internal static class ThreadCpuClock
{
    private const int ThreadCpuTime = 3;

    public static double Seconds()
    {
        if (!OperatingSystem.IsLinux())
        {
            using var process = System.Diagnostics.Process.GetCurrentProcess();
            return process.TotalProcessorTime.TotalSeconds;
        }
        _ = ClockGetTime(ThreadCpuTime, out var time);
        return time.Seconds + time.Nanoseconds * 1e-9;
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
