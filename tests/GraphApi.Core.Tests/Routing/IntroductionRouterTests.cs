using GraphApi.Core.Graph;
using GraphApi.Core.Routing;

namespace GraphApi.Core.Tests.Routing;

public sealed partial class IntroductionRouterTests
{
    private static readonly DateOnly Today = new(2024, 1, 1);

    private static RouteResult Find(GraphSnapshot graph, string from, string to, int k = 3, int maxHops = 6,
        string[]? avoid = null, RouteQueryOptions? rules = null) =>
        IntroductionRouter.Find(graph, new IntroductionQuery([from], RouteTarget.Actor(to))
        {
            K = k,
            MaxHops = maxHops,
            Avoid = avoid ?? [],
            Options = rules ?? new RouteQueryOptions(Today),
        });

    /// <summary>a–b–t scores 0.9×0.85, a–c–t 0.75×0.9, a–t 0.4.</summary>
    private static GraphSnapshot Triangle() => new TestGraph()
        .Tie("a", "b", "MOU")
        .Tie("b", "t", "MANAGES")
        .Tie("a", "c", "PARTNER_OF")
        .Tie("c", "t", "MOU")
        .Tie("a", "t", "MET_AT")
        .Build();

    [Fact]
    public void Routes_come_best_first_with_exact_scores_and_costs()
    {
        var graph = Triangle();

        var result = Find(graph, "a", "t");

        Assert.Equal(["a>b>t", "a>c>t", "a>t"], graph.Paths(result));
        Assert.Equal([0.9 * 0.85, 0.75 * 0.9, 0.4], result.Routes.Select(r => r.Score), new ToleranceComparer(1e-12));
        Assert.Equal(-Math.Log(0.9) - Math.Log(0.85), result.Routes[0].Cost, 12);
        Assert.Equal([0.9, 0.85], result.Routes[0].Strengths);
        Assert.Null(result.Reason);
    }

    [Fact]
    public void K_limits_the_number_of_routes()
    {
        var graph = Triangle();

        Assert.Equal(["a>b>t"], graph.Paths(Find(graph, "a", "t", k: 1)));
        Assert.Equal(["a>b>t", "a>c>t"], graph.Paths(Find(graph, "a", "t", k: 2)));
    }

    [Fact]
    public void Equal_cost_routes_are_ordered_by_fewer_hops_then_by_id_sequence()
    {
        var graph = new TestGraph()
            .Tie("a", "y", "MOU").Tie("y", "t", "MOU")
            .Tie("a", "b", "MOU").Tie("b", "t", "MOU")
            .Tie("a", "p", "MOU", strength: 1.0).Tie("p", "q", "MOU").Tie("q", "t", "MOU")
            .Build();

        var result = Find(graph, "a", "t", k: 3);

        Assert.Equal(["a>b>t", "a>y>t", "a>p>q>t"], graph.Paths(result));
        Assert.Equal(result.Routes[0].Score, result.Routes[2].Score, 12);
    }

    [Fact]
    public void Ties_are_travelled_against_their_stored_direction()
    {
        var graph = new TestGraph().Tie("b", "a", "MEMBER_OF").Tie("t", "b", "MANAGES").Build();

        var route = Assert.Single(Find(graph, "a", "t").Routes);

        Assert.Equal("a>b>t", graph.Path(route));
        Assert.All(route.Relationships, r => Assert.NotEqual(route.Actors[0], graph.SourceOf(r)));
    }

    [Fact]
    public void A_hop_uses_the_strongest_of_parallel_ties_and_routes_are_not_repeated_per_tie()
    {
        var graph = new TestGraph()
            .Tie("a", "t", "MET_AT", id: "r1")
            .Tie("t", "a", "MOU", id: "r2")
            .Tie("a", "t", "PARTNER_OF", id: "r3")
            .Build();

        var route = Assert.Single(Find(graph, "a", "t", k: 3).Routes);

        Assert.Equal(["r2"], graph.RelationshipIds(route));
    }

    [Fact]
    public void Parallel_ties_of_equal_strength_break_by_relationship_id()
    {
        var graph = new TestGraph().Tie("a", "t", "MOU", id: "r9").Tie("t", "a", "MOU", id: "r5").Build();

        Assert.Equal(["r5"], graph.RelationshipIds(Find(graph, "a", "t").Routes[0]));
    }

    [Fact]
    public void MaxHops_finds_the_best_short_route_even_when_the_cheapest_route_to_a_broker_is_long()
    {
        // The cheapest way to m is the free 3-hop chain a–p–q–m, which leaves no hop budget for m–t at maxHops 2.
        var graph = new TestGraph()
            .Tie("a", "p", "MOU", strength: 1.0).Tie("p", "q", "MOU", strength: 1.0).Tie("q", "m", "MOU", strength: 1.0)
            .Tie("a", "m", "MET_AT", strength: 0.5)
            .Tie("m", "t", "MOU")
            .Build();

        Assert.Equal(["a>p>q>m>t"], graph.Paths(Find(graph, "a", "t", k: 1)));
        var bounded = Find(graph, "a", "t", k: 3, maxHops: 2);
        Assert.Equal(["a>m>t"], graph.Paths(bounded));
        Assert.Equal(0.45, bounded.Routes[0].Score, 12);
        Assert.Empty(Find(graph, "a", "t", maxHops: 1).Routes);
    }

    [Fact]
    public void Avoided_actors_are_never_passed_through()
    {
        var graph = Triangle();

        var result = Find(graph, "a", "t", avoid: ["b"]);

        Assert.Equal(["a>c>t", "a>t"], graph.Paths(result));
    }

    [Fact]
    public void Avoiding_the_target_gives_no_route_and_says_why()
    {
        var result = Find(Triangle(), "a", "t", avoid: ["t"]);

        Assert.Empty(result.Routes);
        Assert.Contains("avoid", result.Reason);
    }

    [Fact]
    public void Several_from_actors_start_routes_and_are_never_passed_through()
    {
        var graph = new TestGraph().Tie("a", "m", "MET_AT").Tie("m", "t", "MOU").Tie("b", "t", "MET_AT").Tie("a", "b", "MOU", strength: 1.0).Build();

        var result = IntroductionRouter.Find(graph, new IntroductionQuery(["a", "b"], RouteTarget.Actor("t")) { Options = new RouteQueryOptions(Today) });

        Assert.Equal(["b>t", "a>m>t"], graph.Paths(result));
    }

    [Fact]
    public void A_filter_target_reaches_the_nearest_match_and_can_pass_through_one_match_to_another()
    {
        var graph = new TestGraph()
            .Actor("k1", "MiniCluster", "KR").Actor("k2", "MiniCluster", "KR").Actor("f1", "MiniCluster", "FR")
            .Tie("a", "f1", "MOU").Tie("a", "k1", "MET_AT").Tie("k1", "k2", "MOU").Tie("a", "x", "PARTNER_OF").Tie("x", "k2", "MET_AT")
            .Build();
        var query = new IntroductionQuery(["a"], RouteTarget.Matching(x => x.Kind == "MiniCluster" && x.Country == "KR"))
        {
            Options = new RouteQueryOptions(Today),
        };

        var result = IntroductionRouter.Find(graph, query);

        Assert.Equal(["a>k1", "a>k1>k2", "a>x>k2"], graph.Paths(result));
    }

    [Fact]
    public void DistinctTargets_gives_each_target_its_best_route()
    {
        var graph = new TestGraph()
            .Actor("k1", "MiniCluster", "KR").Actor("k2", "MiniCluster", "KR").Actor("k3", "MiniCluster", "KR")
            .Tie("a", "b", "MOU").Tie("b", "k1", "MANAGES").Tie("a", "k1", "MET_AT").Tie("b", "k2", "MET_AT").Tie("a", "k3", "LOCATED_IN", strength: 0.1)
            .Build();
        var query = new IntroductionQuery(["a"], RouteTarget.Matching(x => x.Kind == "MiniCluster")) { Options = new RouteQueryOptions(Today) };

        Assert.Equal(["a>b>k1", "a>k1", "a>b>k2"], graph.Paths(IntroductionRouter.Find(graph, query)));
        Assert.Equal(["a>b>k1", "a>b>k2", "a>k3"], graph.Paths(IntroductionRouter.Find(graph, query with { DistinctTargets = true })));
    }

    [Fact]
    public void Disjoint_routes_do_not_share_a_broker_or_repeat_a_direct_tie()
    {
        var graph = new TestGraph()
            .Tie("a", "b", "MOU").Tie("b", "t", "MOU").Tie("b", "c", "MOU").Tie("c", "t", "MOU")
            .Tie("a", "d", "MET_AT").Tie("d", "t", "MET_AT").Tie("a", "t", "LOCATED_IN")
            .Build();
        var query = new IntroductionQuery(["a"], RouteTarget.Actor("t")) { K = 4, Options = new RouteQueryOptions(Today) };

        Assert.Equal(["a>b>t", "a>b>c>t", "a>t", "a>d>t"], graph.Paths(IntroductionRouter.Find(graph, query)));
        Assert.Equal(["a>b>t", "a>t", "a>d>t"], graph.Paths(IntroductionRouter.Find(graph, query with { Disjoint = true })));
    }

    [Fact]
    public void No_route_is_an_empty_answer_with_a_reason()
    {
        var graph = new TestGraph().Tie("a", "b", "MOU").Tie("c", "t", "MOU").Actor("k", "MiniCluster", "KR").Build();

        var result = Find(graph, "a", "t");
        Assert.Empty(result.Routes);
        Assert.Contains("no route of at most 6 hops", result.Reason);

        var none = IntroductionRouter.Find(graph, new IntroductionQuery(["a"], RouteTarget.Matching(x => x.Kind == "Ministry")) { Options = new(Today) });
        Assert.Contains("no actor", none.Reason);
    }

    [Fact]
    public void Out_of_range_arguments_are_refused()
    {
        var graph = Triangle();
        var query = new IntroductionQuery(["a"], RouteTarget.Actor("t")) { Options = new(Today) };

        Assert.Throws<ArgumentOutOfRangeException>(() => IntroductionRouter.Find(graph, query with { K = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => IntroductionRouter.Find(graph, query with { K = 11 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => IntroductionRouter.Find(graph, query with { MaxHops = 9 }));
        Assert.Throws<ArgumentException>(() => IntroductionRouter.Find(graph, new IntroductionQuery(["a"], RouteTarget.Actor("a")) { Options = new(Today) }));
        Assert.Throws<KeyNotFoundException>(() => IntroductionRouter.Find(graph, new IntroductionQuery(["zz"], RouteTarget.Actor("t")) { Options = new(Today) }));
    }

    [Fact]
    public void The_search_stops_when_cancelled()
    {
        var network = TestSupport.SyntheticNetwork.Generate(new TestSupport.SyntheticNetworkOptions { Actors = 20_000, Seed = 3 });
        var graph = network.ToSnapshot();
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var query = new IntroductionQuery([graph.ActorAt(0).Id], RouteTarget.Matching(_ => false)) { Options = new(Today), MaxHops = 8 };

        Assert.Throws<OperationCanceledException>(() => IntroductionRouter.Find(graph, query, cancelled.Token));
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
