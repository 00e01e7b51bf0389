using GraphApi.Core.Graph;
using GraphApi.Core.Routing;

namespace GraphApi.Core.Tests.Routing;

public sealed class BestNextTieTests
{
    private const int Graphs = 400;
    private static readonly DateOnly Today = new(2024, 6, 1);
    private static readonly string[] Types = ["MOU", "MANAGES", "PARTNER_OF", "MET_AT", "MEMBER_OF", "SUPPORTS"];
    private static readonly double?[] Strengths = [null, null, null, 1.0, 0.5, 0.9];

    [Fact]
    public void Ranking_matches_adding_each_tie_and_rerunning_the_router_on_random_graphs() => CheckRandomCases(sources: 1, seedBase: 17);

    [Fact]
    public void From_several_actors_the_ranking_matches_adding_the_tie_from_the_first_and_rerunning_the_router() => CheckRandomCases(sources: 3, seedBase: 5_003);

    private static void CheckRandomCases(int sources, int seedBase)
    {
        var ranked = 0;
        var improving = 0;
        var opening = 0;
        var fromSeveral = 0;
        for (var seed = 0; seed < Graphs; seed++)
        {
            var random = new Random(seed * 104_729 + seedBase);
            var (graph, query) = RandomCase(random, sources);
            var context = $"seed {seed}, from {string.Join(",", query.From)}, maxHops {query.MaxHops}, to {query.To.ActorId ?? "filter"}, limit {query.Limit}, tied {query.IncludeTied}";
            var brute = new BestNextTieBruteForce(graph, query);
            var (current, reachable, expected) = brute.Run();
            var actual = BestNextTie.Find(graph, query);

            Assert.True(Same(current, actual.Current), $"{context}: current best differs");
            Assert.True(reachable == actual.ReachableTargets, $"{context}: reachable {actual.ReachableTargets}, expected {reachable}");
            var currentCost = current is null ? long.MaxValue : brute.QuantisedCost(graph, current);
            Assert.True(expected.Select(e => e.Actor).SequenceEqual(actual.Candidates.Select(c => c.Actor)),
                $"{context}: ranking {Ids(graph, actual.Candidates.Select(c => c.Actor))}, expected {Ids(graph, expected.Select(e => e.Actor))}");
            for (var i = 0; i < expected.Count; i++)
            {
                CheckCandidate(graph, expected[i], actual.Candidates[i], currentCost, $"{context}, candidate {i}");
            }
            ranked += expected.Count;
            improving += expected.Count(e => e.OpenedCost < currentCost);
            opening += expected.Count(e => e.NewlyReachable > 0);
            fromSeveral += query.From.Count > 1 && expected.Count > 0 ? 1 : 0;
        }
        // Guards the generator: cases without improving or target-opening ties would check little.
        Assert.True(ranked >= Graphs && improving >= Graphs / 2 && opening >= Graphs / 4,
            $"the random cases produced too few candidates ({ranked}, {improving} improving, {opening} opening targets)");
        Assert.True(sources == 1 || fromSeveral >= Graphs / 4, $"only {fromSeveral} cases from several actors ranked a candidate");
    }

    private static void CheckCandidate(GraphSnapshot graph, BestNextTieBruteForce.Expected expected, TieCandidate actual, long currentCost, string context)
    {
        Assert.True(expected.NewlyReachable == actual.NewlyReachable, $"{context}: newly reachable {actual.NewlyReachable}, expected {expected.NewlyReachable}");
        Assert.True(expected.OpenedActors[0] == actual.Source, $"{context}: the tie is made by {graph.ActorAt(actual.Source).Id}");
        int[] opened = [actual.Source, .. actual.Continuation.Actors];
        Assert.True(expected.OpenedActors.SequenceEqual(opened), $"{context}: opened {Ids(graph, opened)}, expected {Ids(graph, expected.OpenedActors)}");
        Assert.True(expected.ContinuationRelationships.SequenceEqual(actual.Continuation.Relationships), $"{context}: continuation ties differ");
        // The brute force's two ways must agree: the best route with the tie is the better of today's and the opened one.
        Assert.Equal(Math.Min(expected.OpenedCost, currentCost), expected.BestCost);
        if (expected.OpenedCost < currentCost)
        {
            var bestWithTie = expected.BestWithTie!;
            Assert.True(bestWithTie.Actors.SequenceEqual(opened), $"{context}: with the tie the router takes {string.Join('>', bestWithTie.Actors)}");
            Assert.True(actual.Gain > 0, $"{context}: an improving tie has a positive gain");
            Assert.Equal(actual.Score, actual.BestScore);
        }
        else
        {
            Assert.Equal(0, actual.Gain);
        }
        Assert.Equal(Math.Exp(-expected.OpenedCost / HopCosts.Resolution), actual.Score, 1e-6);
    }

    private static bool Same(Route? expected, Route? actual) =>
        expected is null ? actual is null
        : actual is not null && expected.Actors.SequenceEqual(actual.Actors) && expected.Relationships.SequenceEqual(actual.Relationships);

    private static string Ids(GraphSnapshot graph, IEnumerable<int> actors) => string.Join(",", actors.Select(a => graph.ActorAt(a).Id));

    /// <param name="sources">1: one From actor (the draws of the original single-source cases, unchanged); more: up to that many.</param>
    private static (GraphSnapshot, BestNextTieQuery) RandomCase(Random random, int sources)
    {
        var n = sources == 1 ? random.Next(4, 11) : random.Next(6, 14);
        var builder = new TestGraph();
        for (var i = 0; i < n; i++)
        {
            builder.Actor($"n{i}", random.Next(3) == 0 ? "MiniCluster" : "Cluster");
        }
        // Sparse as well as dense graphs, so that new ties often open targets no route reaches yet.
        var m = random.Next(n / 2, 2 * n);
        for (var e = 0; e < m; e++)
        {
            var a = random.Next(n);
            var b = (a + 1 + random.Next(n - 1)) % n;
            var since = random.Next(3) == 0 ? null : (2000 + random.Next(24)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            builder.Tie($"n{a}", $"n{b}", Types[random.Next(Types.Length)], Strengths[random.Next(Strengths.Length)], since);
        }
        var graph = builder.Build();
        var from = random.Next(n);
        // Further From actors follow the first round the ring of ids, so the target (drawn after the last of them) is never one.
        var fromCount = sources == 1 ? 1 : random.Next(1, sources + 1);
        var fromIds = Enumerable.Range(0, fromCount).Select(i => $"n{(from + i) % n}").ToArray();
        RouteTarget to = random.Next(2) == 0
            ? RouteTarget.Matching(x => x.Kind == "MiniCluster")
            : RouteTarget.Actor($"n{(from + fromCount + random.Next(n - fromCount)) % n}");
        DateOnly? asOf = random.Next(5) == 0 ? new DateOnly(2005 + random.Next(19), 1, 1) : null;
        double? halfLife = random.Next(4) == 0 ? 1 + random.Next(15) : null;
        var query = new BestNextTieQuery(fromIds, to)
        {
            MaxHops = random.Next(1, 7),
            Limit = random.Next(4) == 0 ? random.Next(1, 3) : BestNextTieQuery.MaxLimit,
            IncludeTied = random.Next(4) == 0,
            Candidates = random.Next(4) == 0 ? a => a.Kind == "Cluster" : null,
            TieType = random.Next(3) == 0 ? "MET_AT" : "MOU",
            Options = new RouteQueryOptions(Today) { AsOf = asOf, HalfLifeYears = halfLife },
        };
        return (graph, query);
    }

    [Fact]
    public void A_hand_built_case_ranks_by_score_then_newly_reachable_then_id()
    {
        // s - a (MOU 0.9) - k1 (MiniCluster); b - k1 (MANAGES 0.85); c - k2 (MET_AT 0.4); d isolated.
        var graph = new TestGraph()
            .Actor("s").Actor("a").Actor("b").Actor("c").Actor("d")
            .Actor("k1", "MiniCluster", "KR").Actor("k2", "MiniCluster", "KR")
            .Tie("s", "a", "MOU").Tie("a", "k1", "MET_AT").Tie("b", "k1", "MANAGES").Tie("c", "k2", "MET_AT")
            .Build();
        var result = BestNextTie.Find(graph, new BestNextTieQuery("s", RouteTarget.Matching(x => x.Kind == "MiniCluster")) { Options = new(Today), MaxHops = 3 });

        Assert.Equal("s>a>k1", graph.Path(result.Current!));
        Assert.Equal(2, result.Targets);
        Assert.Equal(1, result.ReachableTargets);
        // Direct ties to k1 (0.9) and k2 (0.9, opening k2) beat b (0.9 × 0.85); k2 opens a target, so it comes before k1.
        Assert.Equal(["k2", "k1", "b", "c"], result.Candidates.Select(c => graph.ActorAt(c.Actor).Id));
        var k2 = result.Candidates[0];
        Assert.Equal(1, k2.NewlyReachable);
        Assert.Equal(0.9, k2.Score, 12);
        Assert.Equal(0.9 - (0.9 * 0.4), k2.Gain, 12);
        var c = result.Candidates[3];
        Assert.Equal("c>k2", graph.Path(c.Continuation));
        Assert.Equal(0, c.Gain);
        Assert.Equal(1, c.NewlyReachable);
    }

    [Fact]
    public void From_a_set_today_is_the_best_from_any_of_them_and_the_tie_is_made_by_the_first_in_id_order()
    {
        // s1 - a (MOU) - k (MET_AT 0.4); s2 - b (MOU) - k (MANAGES 0.85); c isolated.
        var graph = new TestGraph()
            .Actor("s1").Actor("s2").Actor("a").Actor("b").Actor("c").Actor("k", "MiniCluster", "KR")
            .Tie("s1", "a", "MOU").Tie("a", "k", "MET_AT").Tie("s2", "b", "MOU").Tie("b", "k", "MANAGES")
            .Build();
        var result = BestNextTie.Find(graph, new BestNextTieQuery(["s2", "s1"], RouteTarget.Actor("k")) { Options = new(Today), MaxHops = 3 });

        Assert.Equal("s2>b>k", graph.Path(result.Current!));
        // a and b are tied to the set already; a tie to c opens nothing.
        Assert.Equal(2, result.CandidatesTried);
        var only = Assert.Single(result.Candidates);
        Assert.Equal("k", graph.ActorAt(only.Actor).Id);
        Assert.Equal("s1", graph.ActorAt(only.Source).Id);
        Assert.Equal(0.9, only.Score, 12);
        Assert.Equal(0.9 - (0.9 * 0.85), only.Gain, 12);
    }

    [Fact]
    public void With_maxHops_one_only_targets_can_be_candidates()
    {
        var graph = new TestGraph().Actor("s").Actor("a").Actor("k", "MiniCluster", "KR").Tie("a", "k", "MOU").Build();
        var result = BestNextTie.Find(graph, new BestNextTieQuery("s", RouteTarget.Actor("k")) { Options = new(Today), MaxHops = 1 });

        Assert.Null(result.Current);
        Assert.Equal(["k"], result.Candidates.Select(c => graph.ActorAt(c.Actor).Id));
        Assert.Equal(0, result.Candidates[0].Continuation.Hops);
    }

    [Fact]
    public void The_target_may_not_be_the_from_actor()
    {
        var graph = new TestGraph().Tie("s", "a").Build();
        Assert.Throws<ArgumentException>(() => BestNextTie.Find(graph, new BestNextTieQuery("s", RouteTarget.Actor("s")) { Options = new(Today) }));
    }
}
