using GraphApi.Core.Layout;
using GraphApi.Core.Tests.Analysis;

namespace GraphApi.Core.Tests.Layout;

public sealed class OverviewGraphTests
{
    [Theory]
    [MemberData(nameof(TestGraphs.Seeds), 5, MemberType = typeof(TestGraphs))]
    public void Edges_are_exactly_the_tied_pairs_among_the_matching_actors_once_each(int seed)
    {
        var graph = TestGraphs.Random(60, 200, seed);

        var overview = OverviewGraph.Build(graph, a => a.Region == "EU", 1000, CancellationToken.None);

        var ids = overview.Actors.Select(slot => graph.ActorAt(slot).Id).ToArray();
        Assert.Equal(graph.Actors.Where(a => a.Region == "EU").Select(a => a.Id).Order(StringComparer.Ordinal), ids);
        var expected = graph.Relationships
            .Where(r => r.Source != r.Target && ids.Contains(r.Source) && ids.Contains(r.Target))
            .Select(r => Pair(Array.IndexOf(ids, r.Source), Array.IndexOf(ids, r.Target)))
            .Distinct().Order();
        var actual = overview.Sources.Zip(overview.Targets, (s, t) => (s, t)).ToArray();
        Assert.Equal(expected, actual);
        Assert.All(actual, pair => Assert.True(pair.s < pair.t));
        Assert.False(overview.Truncated);
    }

    [Fact]
    public void A_cap_keeps_the_best_connected_actors_and_says_it_truncated()
    {
        // A star: the hub and two of its leaves have the most ties among the matching actors; leaves tie on degree,
        // so the smaller ids are kept.
        var actors = new[] { "hub", "leaf-a", "leaf-b", "leaf-c", "leaf-d", "loner" }.Select(id => TestGraphs.Actor(id)).ToList();
        var ties = new[] { "leaf-a", "leaf-b", "leaf-c", "leaf-d" }.Select(leaf => TestGraphs.Tie("hub", leaf)).ToList();
        ties.Add(TestGraphs.Tie("leaf-c", "leaf-d", "MET_AT"));
        var graph = TestGraphs.Build(actors, ties);

        var overview = OverviewGraph.Build(graph, _ => true, 3, CancellationToken.None);

        Assert.Equal(["hub", "leaf-c", "leaf-d"], overview.Actors.Select(slot => graph.ActorAt(slot).Id));
        Assert.Equal(6, overview.Matching);
        Assert.True(overview.Truncated);
        Assert.Equal([(0, 1), (0, 2), (1, 2)], overview.Sources.Zip(overview.Targets, (s, t) => (s, t)));
    }

    private static (int, int) Pair(int a, int b) => a < b ? (a, b) : (b, a);
}
