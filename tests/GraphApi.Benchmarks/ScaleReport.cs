using System.Diagnostics;
using System.Globalization;
using GraphApi.Core.Domain;
using GraphApi.Core.Graph;
using GraphApi.Core.Routing;
using GraphApi.TestSupport;

namespace GraphApi.Benchmarks;

/// <summary>
/// `scale ACTORS [TIES_PER_ACTOR]`: in-process timings (min / median / p90 / p99 / max) of what the scale issues
/// are about, on one synthetic network: building a snapshot from records, one write published as a delta, a
/// merge, and routes to one far actor (k = 1 and 3) on the compact and on a delta snapshot.
/// </summary>
internal static class ScaleReport
{
    public static void Run(string[] args)
    {
        var actors = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
        var ties = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 4;
        var network = SyntheticNetwork.Generate(new SyntheticNetworkOptions { Actors = actors, RelationshipsPerActor = ties, Seed = 2025 });
        Console.WriteLine($"network: {network.Actors.Count:N0} actors, {network.Relationships.Count:N0} relationships, {Environment.ProcessorCount} cores");

        var snapshot = Time("snapshot build from records", 3, () => network.ToSnapshot());
        var random = new Random(7);
        var writes = new List<double>();
        var delta = snapshot;
        for (var i = 0; i < 4096; i++)
        {
            var tie = new Relationship
            {
                Id = $"w{i:D6}",
                Source = delta.ActorAt(random.Next(actors)).Id,
                Target = delta.ActorAt(random.Next(actors)).Id,
                Type = "MOU",
            };
            if (tie.Source == tie.Target)
            {
                continue;
            }
            var clock = Stopwatch.StartNew();
            delta = delta.With(delta.Version + 1, upsertRelationships: [tie]);
            writes.Add(clock.Elapsed.TotalMilliseconds);
        }
        Report("one relationship write published as a delta (4096 in a row)", writes);
        Time("merge of a 4096-write delta (Compacted)", 3, () => delta.WithVersion(delta.Version).Compacted());

        var pairs = FarPairs(snapshot, random, 100);
        foreach (var (name, graph) in new[] { ("compact", snapshot), ("delta of 4096 writes", delta) })
        {
            foreach (var k in new[] { 1, 3 })
            {
                var times = new List<double>();
                foreach (var (from, to) in pairs)
                {
                    var query = new IntroductionQuery([from], RouteTarget.Actor(to)) { Options = new(BenchmarkNetwork.Today), K = k, MaxHops = 8 };
                    IntroductionRouter.Find(graph, query);
                    var clock = Stopwatch.StartNew();
                    IntroductionRouter.Find(graph, query);
                    times.Add(clock.Elapsed.TotalMilliseconds);
                }
                Report($"route to one far actor, k={k}, maxHops 8, {name} snapshot ({pairs.Count} pairs)", times);
            }
        }
    }

    /// <summary>Pairs 4–8 hops apart (by BFS), the kind of far introduction the issue measures.</summary>
    private static List<(string From, string To)> FarPairs(GraphSnapshot graph, Random random, int count)
    {
        var pairs = new List<(string, string)>();
        while (pairs.Count < count)
        {
            var from = graph.ActorAt(random.Next(graph.ActorCount)).Id;
            var to = graph.ActorAt(random.Next(graph.ActorCount)).Id;
            if (FewestHops.Find(graph, from, to) is { Hops: >= 4 and <= 8 })
            {
                pairs.Add((from, to));
            }
        }
        return pairs;
    }

    private static T Time<T>(string what, int runs, Func<T> work)
    {
        var times = new List<double>();
        T result = default!;
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            result = work();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        Report(what, times);
        return result;
    }

    private static void Report(string what, List<double> times)
    {
        times.Sort();
        double At(double q) => times[Math.Min(times.Count - 1, (int)(q * times.Count))];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what}: min {times[0]:F3} ms, median {At(0.5):F3}, p90 {At(0.9):F3}, p99 {At(0.99):F3}, max {times[^1]:F3} (n={times.Count})"));
    }
}
