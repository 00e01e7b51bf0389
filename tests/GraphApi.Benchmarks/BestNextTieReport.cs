using System.Diagnostics;
using System.Globalization;
using GraphApi.Core.Routing;
using GraphApi.TestSupport;

namespace GraphApi.Benchmarks;

/// <summary>
/// `best-next-tie ACTORS TIES_PER_ACTOR [FROM_ACTORS=20] [SEED=2025]`: in-process time of the best next tie over
/// every actor of a synthetic network (candidates = all not tied to From, maxHops 6, limit 10), for seeded random
/// From actors, towards any KR cluster and towards one KR actor; median and worst of five runs each.
/// </summary>
internal static class BestNextTieReport
{
    private const int Repetitions = 5;

    /// <summary>Where one answer's time goes: the router's current best, the bounded backward search, the reachability walk, the rest.</summary>
    private static void Phases(Core.Graph.GraphSnapshot graph, string from, RouteTarget to)
    {
        var costs = new HopCosts(graph, new RouteQueryOptions(BenchmarkNetwork.Today));
        var source = graph.IndexOf(from);
        var targets = graph.ActorSlotsInIdOrder().Where(a => a != source && to.Predicate!(graph.ActorAt(a))).ToArray();
        // The phases reuse one scratch without clearing it, which only makes them cheaper than in a real answer.
        var scratch = BestNextTieScratch.Rent(graph.ActorSlots);
        var excluded = new bool[graph.ActorSlots];
        excluded[source] = true;
        var phases = new List<(string, Action)>
        {
            ("targets", () => _ = graph.ActorSlotsInIdOrder().Count(a => a != source && to.Predicate!(graph.ActorAt(a)))),
            ("router", () => IntroductionRouter.Find(graph, new IntroductionQuery([from], to) { K = 1, Options = new(BenchmarkNetwork.Today) })),
            ("backward", () => HopBoundedCosts.Run(graph, costs, targets, excluded, 5, HopCosts.QuantisedCostOf(0.85), scratch, CancellationToken.None)),
            ("reach", () => TargetReach.Within(graph, costs, true, [source], targets, 6, BestNextTieScratch.Rent(graph.ActorSlots), CancellationToken.None)),
            ("scratch", () => BestNextTieScratch.Return(BestNextTieScratch.Rent(graph.ActorSlots))),
            ("whole but one candidate", () => _ = BestNextTie.Find(graph, new BestNextTieQuery(from, to) { Candidates = a => a.Id == from, Options = new(BenchmarkNetwork.Today) })),
            ("whole", () => BestNextTie.Find(graph, new BestNextTieQuery(from, to) { Options = new(BenchmarkNetwork.Today) })),
            ("brute force, 20 candidates", () => BruteForce(graph, from, to, 20)),
        };
        foreach (var (name, action) in phases)
        {
            var times = new List<double>();
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            for (var r = 0; r < Repetitions; r++)
            {
                var clock = Stopwatch.StartNew();
                action();
                times.Add(clock.Elapsed.TotalMilliseconds);
            }
            var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / Repetitions;
            times.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"phase {name}: wall median {times[Repetitions / 2]:F1} ms, CPU {cpu:F1} ms"));
        }
    }

    /// <summary>
    /// The obvious way, for scale: add the tie to the snapshot (a delta write) and rerun the router, for a few
    /// candidates; a whole answer needs this once per actor.
    /// </summary>
    private static void BruteForce(Core.Graph.GraphSnapshot graph, string from, RouteTarget to, int candidates)
    {
        var random = new Random(7);
        for (var i = 0; i < candidates; i++)
        {
            var other = graph.ActorAt(random.Next(graph.ActorCount)).Id;
            var withTie = graph.With(graph.Version + 1, upsertRelationships:
                [new Core.Domain.Relationship { Id = "zz-what-if", Source = from, Target = other, Type = "MOU" }]);
            IntroductionRouter.Find(withTie, new IntroductionQuery([from], to) { Options = new(BenchmarkNetwork.Today), K = 1 });
        }
    }

    public static void Run(string[] args)
    {
        if (args.Length < 2)
        {
            throw new ArgumentException("usage: best-next-tie ACTORS TIES_PER_ACTOR [FROM_ACTORS=20] [SEED=2025]");
        }
        var actors = int.Parse(args[0], CultureInfo.InvariantCulture);
        var ties = int.Parse(args[1], CultureInfo.InvariantCulture);
        var fromCount = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 20;
        var seed = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 2025;
        var graph = SyntheticNetwork.Generate(new SyntheticNetworkOptions { Actors = actors, RelationshipsPerActor = ties, Seed = seed }).ToSnapshot();
        Console.WriteLine($"{graph.ActorCount:N0} actors, {graph.RelationshipCount:N0} relationships");
        var random = new Random(seed);
        var krClusters = RouteTarget.Matching(a => a.Kind == "Cluster" && a.Region == "KR");
        var medians = new Dictionary<string, List<double>> { ["filter"] = [], ["actor"] = [] };
        // The process's CPU time per answer as well: on a loaded machine wall time mostly measures the wait for a core.
        var cpuTimes = new Dictionary<string, List<double>> { ["filter"] = [], ["actor"] = [] };
        for (var i = 0; i < fromCount; i++)
        {
            var from = SyntheticNetwork.ActorId(random.Next(actors));
            var oneActor = RouteTarget.Actor(SyntheticNetwork.ActorId(random.Next(actors)));
            foreach (var (name, to) in new[] { ("filter", krClusters), ("actor", oneActor) })
            {
                if (to.ActorId == from)
                {
                    continue;
                }
                var query = new BestNextTieQuery(from, to) { Options = new(BenchmarkNetwork.Today) };
                var result = BestNextTie.Find(graph, query);
                var times = new List<double>();
                var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
                for (var r = 0; r < Repetitions; r++)
                {
                    var clock = Stopwatch.StartNew();
                    BestNextTie.Find(graph, query);
                    times.Add(clock.Elapsed.TotalMilliseconds);
                }
                var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / Repetitions;
                times.Sort();
                medians[name].Add(times[Repetitions / 2]);
                cpuTimes[name].Add(cpu);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{from} -> {to.ActorId ?? "any KR cluster"}: {times[Repetitions / 2]:F1} ms (max {times[^1]:F1}, CPU {cpu:F1} ms/answer); {result.Targets} targets, {result.ReachableTargets} reachable, {result.CandidatesTried} tried, best {(result.Candidates.Count > 0 ? result.Candidates[0].BestScore.ToString("F4", CultureInfo.InvariantCulture) : "-")}"));
            }
        }
        Phases(graph, SyntheticNetwork.ActorId(new Random(seed).Next(actors)), krClusters);
        foreach (var (name, list) in medians)
        {
            list.Sort();
            var cpu = cpuTimes[name];
            cpu.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name}: wall median {list[list.Count / 2]:F1} ms, p90 {list[(int)(list.Count * 0.9)]:F1} ms, max {list[^1]:F1} ms; " +
                $"CPU median {cpu[cpu.Count / 2]:F1} ms, p90 {cpu[(int)(cpu.Count * 0.9)]:F1} ms, max {cpu[^1]:F1} ms over {list.Count} from actors"));
        }
    }
}
