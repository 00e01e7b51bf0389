using System.Diagnostics;
using System.Globalization;
using GraphApi.Core.Routing;
using GraphApi.TestSupport;

namespace GraphApi.Benchmarks;

/// <summary>
/// `route-pairs ACTORS TIES_PER_ACTOR PAIRS_TSV [SEED=2025]`: in-process time of each route question of a
/// <c>peers-export</c> run (the same network and pairs the HTTP comparison uses), k = 1 and k = 3, with whether
/// the bidirectional search answered alone or the hop-bounded search had to run: where the time goes, per pair.
/// Last, this thread's CPU time per question over every pair (best of several rounds), which other processes on a
/// loaded machine inflate far less than the wall time: compare builds by it, run alternately.
/// </summary>
internal static class RoutePairsReport
{
    private const int Repetitions = 5;
    private const int CpuRounds = 7;

    public static void Run(string[] args)
    {
        if (args.Length < 3)
        {
            throw new ArgumentException("usage: route-pairs ACTORS TIES_PER_ACTOR PAIRS_TSV [SEED=2025]");
        }
        var actors = int.Parse(args[0], CultureInfo.InvariantCulture);
        var ties = int.Parse(args[1], CultureInfo.InvariantCulture);
        var seed = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 2025;
        var network = SyntheticNetwork.Generate(new SyntheticNetworkOptions { Actors = actors, RelationshipsPerActor = ties, Seed = seed });
        var graph = network.ToSnapshot();
        var pairs = File.ReadLines(args[2]).Where(l => l.Length > 0).Select(l => l.Split('\t')).Select(p => (p[0], p[1])).ToList();
        var medians = new Dictionary<int, List<double>> { [1] = [], [3] = [] };
        // Two untimed passes over every question first, as the HTTP harness does: the JIT tiers the hot methods up
        // over the first few hundred searches, and a per-pair warm-up alone left the first pairs on slower code.
        for (var pass = 0; pass < 2; pass++)
        {
            foreach (var (from, to) in pairs)
            {
                foreach (var k in new[] { 1, 3 })
                {
                    IntroductionRouter.Find(graph, new IntroductionQuery([from], RouteTarget.Actor(to)) { Options = new(BenchmarkNetwork.Today), K = k, MaxHops = 8 });
                }
            }
        }
        foreach (var (from, to) in pairs)
        {
            var line = $"{from} -> {to}:";
            foreach (var k in new[] { 1, 3 })
            {
                var query = new IntroductionQuery([from], RouteTarget.Actor(to)) { Options = new(BenchmarkNetwork.Today), K = k, MaxHops = 8 };
                var result = IntroductionRouter.Find(graph, query);
                var times = new List<double>();
                for (var i = 0; i < Repetitions; i++)
                {
                    var clock = Stopwatch.StartNew();
                    IntroductionRouter.Find(graph, query);
                    times.Add(clock.Elapsed.TotalMilliseconds);
                }
                times.Sort();
                medians[k].Add(times[Repetitions / 2]);
                var outcome = k == 1 ? IntroductionRouter.FindBidirectional(graph, query).Outcome.ToString() : "";
                line += string.Create(CultureInfo.InvariantCulture, $" k={k} {times[Repetitions / 2]:F3} ms ({result.Routes.Count} routes, hops {string.Join('/', result.Routes.Select(r => r.Hops))}) {outcome}");
            }
            Console.WriteLine(line);
        }
        foreach (var (k, list) in medians)
        {
            list.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"k={k}: median {list[list.Count / 2]:F3} ms, p90 {list[(int)(list.Count * 0.9)]:F3} ms over {list.Count} pairs"));
        }
        ColdQuestions(graph, pairs);
        foreach (var k in new[] { 1, 3 })
        {
            var queries = pairs.Select(p => new IntroductionQuery([p.Item1], RouteTarget.Actor(p.Item2)) { K = k, MaxHops = 8, Options = new(BenchmarkNetwork.Today) }).ToList();
            var best = double.MaxValue;
            for (var round = 0; round < CpuRounds; round++)
            {
                var before = ThreadCpuSeconds();
                for (var i = 0; i < Repetitions; i++)
                {
                    foreach (var query in queries)
                    {
                        IntroductionRouter.Find(graph, query);
                    }
                }
                best = Math.Min(best, (ThreadCpuSeconds() - before) * 1e3 / (Repetitions * queries.Count));
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"k={k}: CPU {best:F3} ms per question (this thread's, best of {CpuRounds} rounds of {Repetitions * queries.Count} questions)"));
        }
    }

    /// <summary>
    /// k = 1 with the caches taken before each question, as in the HTTP harness's interleaved runs where the peers'
    /// work comes between: 32 MB written first (beyond this machine's 2 MB L2 per core), then the question timed.
    /// </summary>
    private static void ColdQuestions(GraphApi.Core.Graph.GraphSnapshot graph, List<(string, string)> pairs)
    {
        var sweep = new byte[32 << 20];
        var medians = new List<double>();
        foreach (var (from, to) in pairs)
        {
            var query = new IntroductionQuery([from], RouteTarget.Actor(to)) { Options = new(BenchmarkNetwork.Today), K = 1, MaxHops = 8 };
            var times = new List<double>();
            for (var i = 0; i < Repetitions; i++)
            {
                for (var at = 0; at < sweep.Length; at += 64)
                {
                    sweep[at]++;
                }
                var clock = Stopwatch.StartNew();
                IntroductionRouter.Find(graph, query);
                times.Add(clock.Elapsed.TotalMilliseconds);
            }
            times.Sort();
            medians.Add(times[Repetitions / 2]);
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"k=1 cold (32 MB written before each question): median {Median(medians):F3} ms, mean {medians.Average():F3} ms over {medians.Count} pairs"));
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    /// <summary>
    /// This thread's CPU time in seconds (Linux <c>CLOCK_THREAD_CPUTIME_ID</c>): a search runs on the calling thread,
    /// so other processes on the machine and the runtime's own threads do not count; elsewhere, the process's time.
    /// </summary>
    private static double ThreadCpuSeconds()
    {
        if (!OperatingSystem.IsLinux())
        {
            using var process = Process.GetCurrentProcess();
            return process.TotalProcessorTime.TotalSeconds;
        }
        _ = ClockGetTime(ClockThreadCpuTime, out var now);
        return now.Seconds + (now.Nanoseconds * 1e-9);
    }

    private const int ClockThreadCpuTime = 3;

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out CpuTime time);

    [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential)]
    private struct CpuTime
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
