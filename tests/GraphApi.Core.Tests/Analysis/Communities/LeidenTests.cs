using GraphApi.Core.Analysis;
using GraphApi.Core.Analysis.Communities;
using GraphApi.Core.Graph;
using GraphApi.TestSupport;

namespace GraphApi.Core.Tests.Analysis.Communities;

public class LeidenTests
{
    public static IEnumerable<object[]> RandomCases() =>
        from seed in Enumerable.Range(1, 12)
        from shape in new[] { (N: 40, M: 25), (N: 60, M: 90), (N: 80, M: 320), (N: 30, M: 200) }
        select new object[] { shape.N, shape.M, seed };

    private static CommunityResult Detect(GraphSnapshot snapshot, double resolution = 1.0, int seed = 42) =>
        CommunityDetection.Compute(snapshot, new CommunityOptions(resolution, seed), CancellationToken.None);

    [Theory]
    [MemberData(nameof(RandomCases))]
    public void Every_community_is_connected_on_random_graphs_with_isolates_and_several_components(int n, int m, int seed)
    {
        var snapshot = TestGraphs.Random(n, m, seed);
        var graph = SimpleGraph.From(snapshot);
        foreach (var resolution in new[] { 0.5, 1.0, 2.0 })
        {
            var result = Detect(snapshot, resolution, seed);
            for (var c = 0; c < result.Communities.Count; c++)
            {
                Assert.True(CommunityGraphs.Connected(graph, result.Community, c), $"community {c} (γ = {resolution}) is not connected");
            }
        }
    }

    [Theory]
    [MemberData(nameof(RandomCases))]
    public void Modularity_equals_its_definition(int n, int m, int seed)
    {
        var snapshot = TestGraphs.Random(n, m, seed);
        foreach (var resolution in new[] { 0.3, 1.0, 1.7 })
        {
            var result = Detect(snapshot, resolution, seed);
            Assert.Equal(CommunityGraphs.Modularity(SimpleGraph.From(snapshot), result.Community, resolution), result.Modularity, 12);
        }
    }

    /// <summary>
    /// Both are heuristics, so on one graph a lucky Louvain order may edge ahead of Leiden by a little; over the seeds
    /// Leiden's total must not be lower, and no single graph may fall behind by more than <paramref name="slack"/>.
    /// Where the groups are clear (slack 0) both must find them and Leiden may not be lower at all; where they blur
    /// (most of an actor's ties leave its group) the slack is the issue's own tolerance against igraph, 0.01.
    /// </summary>
    [Theory]
    [InlineData(4, 25, 440, 0.2, 0.0)]
    [InlineData(6, 20, 470, 0.45, 0.0)]
    [InlineData(3, 40, 590, 0.6, 0.01)]
    [InlineData(8, 12, 670, 0.7, 0.01)]
    [InlineData(10, 15, 930, 0.6, 0.01)]
    public void Modularity_is_no_lower_than_a_plain_Louvain_on_planted_groups(int groups, int size, int ties, double mixing, double slack)
    {
        double leidenTotal = 0, louvainTotal = 0;
        for (var seed = 1; seed <= 10; seed++)
        {
            var snapshot = SyntheticNetwork.PlantedPartition(groups * size, groups, ties, mixing, seed);
            var graph = SimpleGraph.From(snapshot);
            var louvain = CommunityGraphs.Modularity(graph, ReferenceLouvain.Detect(graph.NodeCount, CommunityGraphs.Edges(graph), 1.0), 1.0);
            var leiden = Detect(snapshot, 1.0, seed).Modularity;
            Assert.True(leiden >= louvain - slack - 1e-12, $"seed {seed}: Leiden {leiden} < Louvain {louvain} − {slack}");
            leidenTotal += leiden;
            louvainTotal += louvain;
        }
        Assert.True(leidenTotal >= louvainTotal - 1e-12, $"Leiden's total {leidenTotal} < Louvain's {louvainTotal}");
    }

    [Theory]
    [MemberData(nameof(RandomCases))]
    public void The_same_seed_gives_the_same_answer(int n, int m, int seed)
    {
        var snapshot = TestGraphs.Random(n, m, seed);
        var first = Detect(snapshot, 1.0, seed);
        var second = Detect(snapshot, 1.0, seed);
        Assert.Equal(first.Community, second.Community);
        Assert.Equal(first.Modularity, second.Modularity);
        Assert.Equal(first.Bridges, second.Bridges);
    }

    [Theory]
    [MemberData(nameof(RandomCases))]
    public void A_tiny_resolution_gives_one_community_per_component(int n, int m, int seed)
    {
        var snapshot = TestGraphs.Random(n, m, seed);
        var components = Components.Label(SimpleGraph.From(snapshot));
        var result = Detect(snapshot, 1e-6, seed);
        // Same partition: actors share a community exactly when they share a component.
        for (var u = 0; u < n; u++)
        {
            for (var v = u + 1; v < n; v++)
            {
                Assert.Equal(components[u] == components[v], result.Community[u] == result.Community[v]);
            }
        }
    }

    [Theory]
    [MemberData(nameof(RandomCases))]
    public void A_resolution_above_twice_the_edge_count_gives_singletons(int n, int m, int seed)
    {
        var snapshot = TestGraphs.Random(n, m, seed);
        // Joining C gains w(v, C) − γ·k_v·K_C / 2m, and k_v·K_C ≥ w(v, C) ≥ 1: negative once γ > 2m.
        var result = Detect(snapshot, 2.0 * SimpleGraph.From(snapshot).EdgeCount + 1, seed);
        Assert.Equal(n, result.Communities.Count);
        // Every neighbour in a community of its own: P = 1 − k·(1/k)² = 1 − 1/k.
        for (var v = 0; v < n; v++)
        {
            Assert.Equal(result.Degree[v] == 0 ? 0 : 1 - 1.0 / result.Degree[v], result.Participation[v], 12);
        }
    }

    [Fact]
    public void Planted_groups_are_found_exactly_when_they_are_clear()
    {
        var snapshot = SyntheticNetwork.PlantedPartition(100, 5, 590, 0.04, 7);
        var result = Detect(snapshot);
        for (var u = 0; u < 100; u++)
        {
            for (var v = u + 1; v < 100; v++)
            {
                Assert.Equal(SyntheticNetwork.PlantedGroupOf(u, 5) == SyntheticNetwork.PlantedGroupOf(v, 5), result.Community[u] == result.Community[v]);
            }
        }
    }
}
