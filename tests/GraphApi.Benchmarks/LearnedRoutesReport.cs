using System.Diagnostics;
using System.Globalization;
using GraphApi.Core.Introductions;
using GraphApi.Core.Routing;
using GraphApi.TestSupport;

namespace GraphApi.Benchmarks;

/// <summary>
/// `learned-routes ACTORS TIES_PER_ACTOR TRIED [PAIRS=200] [SEED=2025]`: what routing on learned strengths costs
/// next to stated ones, on the same synthetic network and random actor pairs (k = 1 and 3, maxHops 8): TRIED random
/// relationships get ledger trials (random successes and failures) and so a learned strength. Prints the median
/// and p90 per mode (and for a copy of the graph that states the learned strengths, which must answer the same), how
/// often the best route changed, and the time to turn the trials into learned strengths.
/// </summary>
internal static class LearnedRoutesReport
{
    private const int Repetitions = 5;

    public static void Run(string[] args)
    {
        if (args.Length < 3)
        {
            throw new ArgumentException("usage: learned-routes ACTORS TIES_PER_ACTOR TRIED [PAIRS=200] [SEED=2025]");
        }
        int Arg(int i, int fallback) => args.Length > i ? int.Parse(args[i], CultureInfo.InvariantCulture) : fallback;
        var seed = Arg(4, 2025);
        var graph = SyntheticNetwork.Generate(new SyntheticNetworkOptions { Actors = Arg(0, 0), RelationshipsPerActor = Arg(1, 0), Seed = seed }).ToSnapshot();
        var random = new Random(seed);
        var relationships = graph.Relationships;
        var trials = new Dictionary<string, TrialCount>(StringComparer.Ordinal);
        while (trials.Count < Math.Min(Arg(2, 0), relationships.Count))
        {
            trials[relationships[random.Next(relationships.Count)].Id] = new TrialCount(random.Next(0, 4), random.Next(0, 4));
        }
        var clock = Stopwatch.StartNew();
        var learned = trials.ToDictionary(t => t.Key, t => LearnedStrength.Estimate(graph.BaseStrength(graph.RelationshipIndexOf(t.Key)), t.Value), StringComparer.Ordinal);
        var overrides = new StrengthOverrides(graph, learned);
        var estimateMs = clock.Elapsed.TotalMilliseconds;
        // The same strengths stated on the relationships themselves: routing it must give the same answers at its own
        // speed, which separates what the learned strengths cost from what the different cost landscape costs.
        var restated = Core.Graph.GraphSnapshot.Build(graph.Actors,
            graph.Relationships.Select(r => learned.TryGetValue(r.Id, out var s) ? r with { Strength = s } : r), graph.Version, graph.Catalogue);
        var actors = graph.Actors;
        var pairs = Enumerable.Range(0, Arg(3, 200)).Select(_ => (actors[random.Next(actors.Count)].Id, actors[random.Next(actors.Count)].Id)).Where(p => p.Item1 != p.Item2).ToList();
        foreach (var k in new[] { 1, 3 })
        {
            var stated = new List<double>();
            var relearned = new List<double>();
            var restatedTimes = new List<double>();
            var changed = 0;
            foreach (var (from, to) in pairs)
            {
                var query = new IntroductionQuery([from], RouteTarget.Actor(to)) { Options = new(BenchmarkNetwork.Today), K = k, MaxHops = 8 };
                var withLearned = query with { Options = query.Options with { Strengths = overrides } };
                var (a, timeA) = Time(graph, query);
                var (b, timeB) = Time(graph, withLearned);
                var (c, timeC) = Time(restated, query);
                if (!BestActors(b).SequenceEqual(BestActors(c)))
                {
                    throw new InvalidOperationException($"{from} -> {to}: learned and restated best routes differ");
                }
                restatedTimes.Add(timeC);
                stated.Add(timeA);
                relearned.Add(timeB);
                changed += BestActors(a).SequenceEqual(BestActors(b)) ? 0 : 1;
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"k={k}: stated median {Median(stated):F3} ms p90 {Percentile(stated, 0.9):F3} ms; learned ({learned.Count} tried ties) median {Median(relearned):F3} ms p90 {Percentile(relearned, 0.9):F3} ms; the same strengths stated: median {Median(restatedTimes):F3} ms p90 {Percentile(restatedTimes, 0.9):F3} ms; best route changed for {changed} of {pairs.Count} pairs"));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"learned strengths of {learned.Count} tried ties computed and resolved for the router in {estimateMs:F2} ms (once per snapshot and ledger change)"));
    }

    private static (RouteResult Result, double Milliseconds) Time(Core.Graph.GraphSnapshot graph, IntroductionQuery query)
    {
        var result = IntroductionRouter.Find(graph, query);
        var times = new List<double>();
        for (var i = 0; i < Repetitions; i++)
        {
            var clock = Stopwatch.StartNew();
            IntroductionRouter.Find(graph, query);
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        return (result, Median(times));
    }

    private static IReadOnlyList<int> BestActors(RouteResult result) => result.Routes.Count > 0 ? result.Routes[0].Actors : [];

    private static double Median(List<double> values) => Percentile(values, 0.5);

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)(sorted.Count * p))];
    }
}
