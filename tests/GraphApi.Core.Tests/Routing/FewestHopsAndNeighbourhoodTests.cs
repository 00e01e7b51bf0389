using GraphApi.Core.Routing;
using GraphApi.TestSupport;

namespace GraphApi.Core.Tests.Routing;

public sealed class FewestHopsAndNeighbourhoodTests
{
    [Fact]
    public void Fewest_hops_ignores_strength_and_breaks_ties_by_id_sequence_then_strongest_tie()
    {
        var graph = new TestGraph()
            .Tie("a", "z", "MOU").Tie("z", "t", "MOU")
            .Tie("a", "m", "MET_AT").Tie("m", "t", "LOCATED_IN", id: "r8").Tie("t", "m", "MET_AT", id: "r9")
            .Tie("a", "p", "MOU").Tie("p", "q", "MOU").Tie("q", "t", "MOU")
            .Build();

        var route = FewestHops.Find(graph, "a", "t")!;

        Assert.Equal("a>m>t", graph.Path(route));
        Assert.Equal(["r03", "r9"], graph.RelationshipIds(route));
        Assert.Equal(0.4 * 0.4, route.Score, 12);
    }

    [Fact]
    public void Fewest_hops_is_null_when_unreachable_and_empty_from_an_actor_to_itself()
    {
        var graph = new TestGraph().Tie("a", "b").Tie("c", "d").Build();

        Assert.Null(FewestHops.Find(graph, "a", "d"));
        Assert.Equal(0, FewestHops.Find(graph, "a", "a")!.Hops);
    }

    [Fact]
    public void Neighbourhood_lists_actors_by_depth_then_id_and_the_ties_among_them()
    {
        var graph = new TestGraph()
            .Tie("c", "b1").Tie("c", "a1").Tie("a1", "x2").Tie("b1", "x2").Tie("x2", "y3").Tie("a1", "b1", "MET_AT")
            .Build();

        var one = Neighbourhood.Of(graph, "c", 1, 100);
        var two = Neighbourhood.Of(graph, "c", 2, 100);

        Assert.Equal(["c:0", "a1:1", "b1:1"], one.Nodes.Select(n => $"{graph.ActorAt(n.Actor).Id}:{n.Depth}"));
        Assert.Equal(["r01", "r02", "r06"], one.Relationships.Select(r => graph.RelationshipAt(r).Id));
        Assert.Equal(["c:0", "a1:1", "b1:1", "x2:2"], two.Nodes.Select(n => $"{graph.ActorAt(n.Actor).Id}:{n.Depth}"));
        Assert.Equal(5, two.Relationships.Count);
        Assert.False(two.Truncated);
        var capped = Neighbourhood.Of(graph, "c", 3, 2);
        Assert.True(capped.Truncated);
        Assert.Equal(2, capped.Nodes.Count);
        Assert.Throws<ArgumentOutOfRangeException>(() => Neighbourhood.Of(graph, "c", 4, 100));
    }

    [Fact]
    public void Explanations_read_in_the_direction_of_travel_whichever_way_each_tie_is_stored()
    {
        var graph = new TestGraph()
            .Actor("pole-eau", name: "Pôle Eau").Actor("kicox", "Agency", "KR", "KICOX").Actor("gumi", "MiniCluster", "KR", "Gumi mini cluster")
            .Tie("pole-eau", "kicox", "MOU", since: "2016-05").Tie("kicox", "gumi", "MANAGES").Tie("x", "gumi", "MET_AT", eventName: "TCI 2015", inferred: true)
            .Build();

        var routes = IntroductionRouter.Find(graph, new IntroductionQuery(["pole-eau"], RouteTarget.Actor("x")) { Options = new(new DateOnly(2025, 1, 1)) }).Routes;

        Assert.Equal("Pôle Eau signed an MoU with KICOX (2016), which manages Gumi mini cluster, which met X at TCI 2015 (inferred)",
            RouteExplainer.Explain(graph, routes[0]));
        // Travelled against their stored direction, directed ties are said from the side the ask leaves.
        var back = IntroductionRouter.Find(graph, new IntroductionQuery(["x"], RouteTarget.Actor("pole-eau")) { Options = new(new DateOnly(2025, 1, 1)) }).Routes;
        Assert.Equal("X met Gumi mini cluster at TCI 2015 (inferred), which is managed by KICOX, which signed an MoU with Pôle Eau (2016)",
            RouteExplainer.Explain(graph, back[0]));
    }

    [Fact]
    public void The_synthetic_network_is_reproducible_grouped_and_heavy_tailed()
    {
        var options = new SyntheticNetworkOptions { Actors = 5_000, Seed = 7 };
        var first = SyntheticNetwork.Generate(options);
        var again = SyntheticNetwork.Generate(options);

        Assert.Equal(first.Relationships.Select(r => (r.Source, r.Target, r.Type)), again.Relationships.Select(r => (r.Source, r.Target, r.Type)));
        Assert.InRange(first.Relationships.Count, 4.8 * 5_000, 5 * 5_000);
        Assert.Equal(SyntheticNetwork.Groups.Order(), first.Actors.Select(a => a.Region).Distinct().Order());
        var graph = first.ToSnapshot();
        var degrees = Enumerable.Range(0, graph.ActorCount).Select(graph.Degree).OrderDescending().ToArray();
        // Preferential attachment: the best-connected actor has many times the median degree.
        Assert.True(degrees[0] > 10 * degrees[degrees.Length / 2], $"max degree {degrees[0]}, median {degrees[degrees.Length / 2]}");
    }
}
