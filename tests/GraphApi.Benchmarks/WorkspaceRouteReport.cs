using System.Diagnostics;
using System.Globalization;
using GraphApi.Core.Domain;
using GraphApi.Core.Graph;
using GraphApi.Core.Routing;
using GraphApi.TestSupport;

namespace GraphApi.Benchmarks;

/// <summary>
/// `workspace-routes [ACTORS=100000] [TIES_PER_ACTOR=4] [PRIVATE_TIES=10000] [PAIRS=50] [SEED=2025]`: routes to one actor
/// (k = 1 and k = 3, maxHops 8) for a member of a workspace holding PRIVATE_TIES private ties between public actors —
/// asked of the workspace's overlay (the public snapshot plus its records as a delta) — against the same questions on
/// the public graph, alternately, in one process. Prints the time to build the overlay once, each side's median wall
/// time and this thread's CPU per question (best of several rounds), and the ratios workspace / public.
/// </summary>
internal static class WorkspaceRouteReport
{
    private const int Repetitions = 5;
    private const int CpuRounds = 7;

    public static void Run(string[] args)
    {
        int Arg(int i, int fallback) => args.Length > i ? int.Parse(args[i], CultureInfo.InvariantCulture) : fallback;
        var (actors, perActor, privateTies, pairCount, seed) = (Arg(0, 100_000), Arg(1, 4), Arg(2, 10_000), Arg(3, 50), Arg(4, 2025));
        var network = SyntheticNetwork.Generate(new SyntheticNetworkOptions { Actors = actors, RelationshipsPerActor = perActor, Seed = seed });
        var publicGraph = network.ToSnapshot();
        var random = new Random(seed);
        var connected = Enumerable.Range(0, publicGraph.ActorCount).Where(v => publicGraph.Degree(v) > 0).Select(v => publicGraph.ActorAt(v).Id).ToArray();
        var ours = new List<Relationship>(privateTies);
        for (var i = 0; ours.Count < privateTies; i++)
        {
            var (source, target) = (connected[random.Next(connected.Length)], connected[random.Next(connected.Length)]);
            if (source != target)
            {
                ours.Add(new Relationship { Id = $"ours-{i}", Source = source, Target = target, Type = "MET_AT", Workspace = "ours" });
            }
        }
        var state = publicGraph.With(publicGraph.Version + 1, upsertRelationships: ours);
        var clock = Stopwatch.StartNew();
        var overlay = state.ForWorkspace("ours");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{publicGraph.ActorCount} actors, {publicGraph.RelationshipCount} public ties, {privateTies} private ties: overlay built in {clock.Elapsed.TotalMilliseconds:F0} ms ({overlay.RelationshipCount} ties in the view)"));
        var publicView = state.PublicView();
        var questions = Pairs(random, connected, pairCount);
        Compare("delta overlay", publicView, overlay, questions);
        clock.Restart();
        while (!state.ForWorkspace("ours").IsCompact)
        {
            Thread.Sleep(10);
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"compacted overlay swapped in {clock.Elapsed.TotalMilliseconds:F0} ms later"));
        Compare("compacted overlay", publicView, state.ForWorkspace("ours"), questions);
    }

    private static List<(string, string)> Pairs(Random random, string[] connected, int pairCount) =>
        [.. Enumerable.Range(0, pairCount).Select(_ => (connected[random.Next(connected.Length)], connected[random.Next(connected.Length)])).Where(p => p.Item1 != p.Item2)];

    private static void Compare(string what, GraphSnapshot publicView, GraphSnapshot overlay, List<(string, string)> pairs)
    {
        Console.WriteLine(what + ":");
        foreach (var k in new[] { 1, 3 })
        {
            var queries = pairs.Select(p => new IntroductionQuery([p.Item1], RouteTarget.Actor(p.Item2)) { K = k, MaxHops = 8, Options = new(BenchmarkNetwork.Today) }).ToList();
            // Untimed passes first on both sides, so the JIT has tiered the hot methods up before anything is timed.
            for (var pass = 0; pass < 2; pass++)
            {
                queries.ForEach(q => { IntroductionRouter.Find(publicView, q); IntroductionRouter.Find(overlay, q); });
            }
            var (publicWall, workspaceWall) = (new List<double>(), new List<double>());
            foreach (var query in queries)
            {
                publicWall.Add(Median(() => IntroductionRouter.Find(publicView, query)));
                workspaceWall.Add(Median(() => IntroductionRouter.Find(overlay, query)));
            }
            var (publicCpu, workspaceCpu) = (double.MaxValue, double.MaxValue);
            for (var round = 0; round < CpuRounds; round++)
            {
                publicCpu = Math.Min(publicCpu, CpuPerQuestion(publicView, queries));
                workspaceCpu = Math.Min(workspaceCpu, CpuPerQuestion(overlay, queries));
            }
            publicWall.Sort();
            workspaceWall.Sort();
            var (pm, wm) = (publicWall[publicWall.Count / 2], workspaceWall[workspaceWall.Count / 2]);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"k={k}: median public {pm:F3} ms, workspace {wm:F3} ms = {wm / pm:F2}x; CPU per question public {publicCpu:F3} ms, workspace {workspaceCpu:F3} ms = {workspaceCpu / publicCpu:F2}x ({queries.Count} questions)"));
        }
    }

    private static double Median(Action search)
    {
        var times = new double[Repetitions];
        for (var i = 0; i < Repetitions; i++)
        {
            var clock = Stopwatch.StartNew();
            search();
            times[i] = clock.Elapsed.TotalMilliseconds;
        }
        Array.Sort(times);
        return times[Repetitions / 2];
    }

    private static double CpuPerQuestion(GraphSnapshot graph, List<IntroductionQuery> queries)
    {
        var before = ThreadCpu.Seconds();
        for (var i = 0; i < Repetitions; i++)
        {
            queries.ForEach(q => IntroductionRouter.Find(graph, q));
        }
        return (ThreadCpu.Seconds() - before) * 1e3 / (Repetitions * queries.Count);
    }
}
