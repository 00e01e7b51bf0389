using GraphApi.Core.Graph;
using GraphApi.Core.Routing;

namespace GraphApi.Core.Tests.Routing;

/// <summary>The router against <see cref="ReferenceRoutes"/> on hundreds of seeded random small graphs.</summary>
public sealed class RandomGraphRouteTests
{
    private const int Graphs = 300;
    private static readonly DateOnly Today = new(2024, 6, 1);
    private static readonly string[] Types = ["MOU", "MANAGES", "PARTNER_OF", "MET_AT", "MEMBER_OF", "SUPPORTS"];
    private static readonly double?[] Strengths = [null, null, null, 1.0, 0.5, 0.9];

    public static TheoryData<string> Modes => ["plain", "distinct", "disjoint", "disjoint+distinct"];

    [Theory]
    [MemberData(nameof(Modes))]
    public void Routes_match_brute_force_enumeration(string mode)
    {
        var checkedRoutes = 0;
        var casesWithAlternatives = 0;
        for (var seed = 0; seed < Graphs; seed++)
        {
            var random = new Random(seed * 7919 + mode.Length);
            var (graph, query, reference) = RandomCase(random, mode);

            var expected = mode switch
            {
                "plain" => reference.Best(query.K),
                "distinct" => reference.DistinctTargets(query.K),
                "disjoint" => reference.Disjoint(query.K, distinctTargets: false),
                _ => reference.Disjoint(query.K, distinctTargets: true),
            };
            var actual = IntroductionRouter.Find(graph, query).Routes;

            var context = $"seed {seed}, mode {mode}, k {query.K}, maxHops {query.MaxHops}";
            Assert.True(expected.Count == actual.Count, $"{context}: expected {expected.Count} routes, got {actual.Count}");
            for (var i = 0; i < expected.Count; i++)
            {
                Assert.True(expected[i].Actors.SequenceEqual(actual[i].Actors), $"{context}: route {i} expected {string.Join(">", expected[i].Actors)} got {string.Join(">", actual[i].Actors)}");
                Assert.True(expected[i].Relationships.SequenceEqual(actual[i].Relationships), $"{context}: route {i} ties differ");
            }
            checkedRoutes += expected.Count;
            casesWithAlternatives += expected.Count > 1 ? 1 : 0;
        }
        // Guards the generator: cases that all came out empty would make this test pass without checking anything.
        Assert.True(checkedRoutes >= Graphs / 2 && casesWithAlternatives >= Graphs / 10,
            $"the random cases produced too few routes ({checkedRoutes}, {casesWithAlternatives} with alternatives) to mean anything");
    }

    private static (GraphSnapshot, IntroductionQuery, ReferenceRoutes) RandomCase(Random random, string mode)
    {
        var n = random.Next(4, 10);
        var builder = new TestGraph();
        for (var i = 0; i < n; i++)
        {
            builder.Actor($"n{i}", random.Next(3) == 0 ? "MiniCluster" : "Cluster");
        }
        var m = random.Next(n, 3 * n);
        for (var e = 0; e < m; e++)
        {
            var a = random.Next(n);
            var b = (a + 1 + random.Next(n - 1)) % n;
            var since = random.Next(3) == 0 ? null : (2000 + random.Next(24)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var until = since is not null && random.Next(4) == 0 ? (int.Parse(since, System.Globalization.CultureInfo.InvariantCulture) + random.Next(6)).ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
            builder.Tie($"n{a}", $"n{b}", Types[random.Next(Types.Length)], Strengths[random.Next(Strengths.Length)], since, until);
        }
        var graph = builder.Build();

        var from = new HashSet<int> { random.Next(n) };
        if (random.Next(3) == 0)
        {
            from.Add(random.Next(n));
        }
        var avoid = new HashSet<int>();
        if (random.Next(3) == 0)
        {
            var avoided = random.Next(n);
            if (!from.Contains(avoided))
            {
                avoid.Add(avoided);
            }
        }
        var useFilter = mode.Contains("distinct", StringComparison.Ordinal) || random.Next(2) == 0;
        int[] targets;
        RouteTarget to;
        if (useFilter)
        {
            to = RouteTarget.Matching(x => x.Kind == "MiniCluster");
            targets = [.. Enumerable.Range(0, n).Where(i => graph.ActorAt(i).Kind == "MiniCluster")];
        }
        else
        {
            var candidates = Enumerable.Range(0, n).Where(i => !from.Contains(i)).ToArray();
            var id = candidates[random.Next(candidates.Length)];
            to = RouteTarget.Actor(graph.ActorAt(id).Id);
            targets = [id];
        }
        HashSet<string>? types = random.Next(4) == 0 ? [.. Types.Where(_ => random.Next(2) == 0)] : null;
        DateOnly? asOf = random.Next(4) == 0 ? new DateOnly(2005 + random.Next(19), 1 + random.Next(12), 1) : null;
        double? halfLife = random.Next(3) == 0 ? 1 + random.Next(15) : null;
        var query = new IntroductionQuery([.. from.Select(i => graph.ActorAt(i).Id)], to)
        {
            K = random.Next(1, 8),
            MaxHops = random.Next(1, 6),
            Avoid = [.. avoid.Select(i => graph.ActorAt(i).Id)],
            Options = new RouteQueryOptions(Today) { AsOf = asOf, HalfLifeYears = halfLife, RelationshipTypes = types },
            DistinctTargets = mode.Contains("distinct", StringComparison.Ordinal),
            Disjoint = mode.StartsWith("disjoint", StringComparison.Ordinal),
        };
        var reference = new ReferenceRoutes(graph, new ReferenceQuery(from, [.. targets], avoid, query.MaxHops, types, asOf, Today, halfLife));
        return (graph, query, reference);
    }
}
