using GraphApi.Core.Analysis;
using GraphApi.Core.Analysis.Communities;

namespace GraphApi.Core.Tests.Analysis.Communities;

/// <summary>
/// Refinement is what keeps Leiden's communities connected: whatever partition it is given (here random ones, whose
/// communities are mostly disconnected), its refined communities lie inside the given ones and are each connected.
/// </summary>
public class RefinementTests
{
    [Theory]
    [MemberData(nameof(TestGraphs.Seeds), 30, MemberType = typeof(TestGraphs))]
    public void Refined_communities_are_connected_parts_of_the_given_ones(int seed)
    {
        var graph = SimpleGraph.From(TestGraphs.Random(60, 90 + 5 * seed, seed));
        var random = new Random(seed);
        var groups = 2 + seed % 6;
        var community = Enumerable.Range(0, graph.NodeCount).Select(_ => random.Next(groups)).ToArray();
        var mix = new SplitMix(seed, 0);
        foreach (var resolution in new[] { 0.05, 1.0 })
        {
            var refined = Refinement.Run(LevelGraph.From(graph), community, groups, resolution, ref mix, CancellationToken.None);
            var merged = 0;
            foreach (var part in refined.Distinct())
            {
                var members = Enumerable.Range(0, graph.NodeCount).Where(v => refined[v] == part).ToList();
                Assert.Single(members.Select(v => community[v]).Distinct());
                Assert.True(CommunityGraphs.Connected(graph, refined, part), $"refined community {part} (γ = {resolution}) is not connected");
                merged += members.Count - 1;
            }
            // Not vacuous: at a low resolution, nodes with ties inside their community do merge.
            Assert.True(resolution > 0.5 || merged > 0, "refinement merged nothing");
        }
    }
}
