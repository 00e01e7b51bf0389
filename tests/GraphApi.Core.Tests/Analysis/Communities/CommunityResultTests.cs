using GraphApi.Core.Analysis;
using GraphApi.Core.Analysis.Communities;
using GraphApi.Core.Graph;

namespace GraphApi.Core.Tests.Analysis.Communities;

public class CommunityResultTests
{
    private static CommunityResult Detect(GraphSnapshot snapshot) =>
        CommunityDetection.Compute(snapshot, new CommunityOptions(), CancellationToken.None);

    /// <summary>Two 5-cliques (a0..a4 and b0..b4) tied by a4–b0, b0 also tied to a3, plus the isolate z.</summary>
    private static GraphSnapshot TwoCliques()
    {
        var ids = new[] { "a0", "a1", "a2", "a3", "a4", "b0", "b1", "b2", "b3", "b4", "z" };
        var ties = new List<(string, string)>();
        foreach (var side in new[] { "a", "b" })
        {
            for (var i = 0; i < 5; i++)
            {
                for (var j = i + 1; j < 5; j++)
                {
                    ties.Add(($"{side}{i}", $"{side}{j}"));
                }
            }
        }
        ties.Add(("a4", "b0"));
        ties.Add(("a3", "b0"));
        return TestGraphs.Build(ids.Select(id => TestGraphs.Actor(id)), ties.Select(t => TestGraphs.Tie(t.Item1, t.Item2)));
    }

    [Fact]
    public void Two_cliques_are_two_communities_and_the_actors_tying_them_are_the_bridges()
    {
        var snapshot = TwoCliques();
        var result = Detect(snapshot);
        int Of(string id) => result.Community[snapshot.IndexOf(id)];
        Assert.Equal(3, result.Communities.Count);
        // Equal sizes: the community with the smaller first member id comes first; the isolate is last.
        Assert.Equal([0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2], new[] { "a0", "a1", "a2", "a3", "a4", "b0", "b1", "b2", "b3", "b4", "z" }.Select(Of));
        Assert.Equal([5, 5, 1], result.Communities.Select(c => c.Size));
        // b0 has 4 ties inside and 2 to the a's: P = 1 − (4/6)² − (2/6)² = 4/9.
        Assert.Equal(4.0 / 9, result.Participation[snapshot.IndexOf("b0")], 12);
        Assert.Equal(["b0", "a3", "a4"], result.Bridges.Select(v => snapshot.ActorAt(v).Id));
        // Top members by neighbours inside: all a's have 4; a3 and a4 have degree 5, so they lead, then by id.
        Assert.Equal(["a3", "a4", "a0", "a1", "a2"], result.Communities[0].TopMembers.Select(v => snapshot.ActorAt(v).Id));
        Assert.Equal(0, result.Participation[snapshot.IndexOf("z")]);
    }

    [Theory]
    [MemberData(nameof(TestGraphs.Seeds), 10, MemberType = typeof(TestGraphs))]
    public void Numbering_participation_and_bridges_follow_their_definitions(int seed)
    {
        var snapshot = TestGraphs.Random(70, 140, seed);
        var graph = SimpleGraph.From(snapshot);
        var result = Detect(snapshot);
        var sizes = result.Communities.Select(c => c.Size).ToList();
        Assert.Equal(sizes.OrderDescending(), sizes);
        Assert.Equal(Enumerable.Range(0, sizes.Count), result.Communities.Select(c => c.Number));
        for (var c = 0; c < sizes.Count; c++)
        {
            Assert.Equal(sizes[c], result.Community.Count(x => x == c));
        }
        var first = Enumerable.Range(0, sizes.Count).Select(c => result.Community.ToList().IndexOf(c)).ToList();
        for (var c = 1; c < sizes.Count; c++)
        {
            Assert.True(sizes[c] < sizes[c - 1] || first[c] > first[c - 1], $"communities {c - 1} and {c} are out of order");
        }
        for (var v = 0; v < graph.NodeCount; v++)
        {
            var byCommunity = graph.Neighbours(v).ToArray().GroupBy(w => result.Community[w]).Select(g => (double)g.Count()).ToList();
            var k = graph.Degree(v);
            Assert.Equal(k == 0 ? 0 : 1 - byCommunity.Sum(x => x / k * (x / k)), result.Participation[v], 12);
        }
        var expected = Enumerable.Range(0, graph.NodeCount).Where(v => graph.Degree(v) >= 2 && result.Participation[v] > 0)
            .OrderByDescending(v => result.Participation[v]).ThenByDescending(graph.Degree).ThenBy(v => v);
        Assert.Equal(expected, result.Bridges);
    }
}
