using GraphApi.Core.Graph;
using GraphApi.Core.Routing;

namespace GraphApi.Core.Tests.Routing;

/// <summary>
/// The label queue's tie rule on sequences, which compares two chains from their last common label on, against
/// the rule written out in full: the actor-id sequences from the source, then the relationship-id sequences.
/// </summary>
public sealed class LabelOrderTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Sequences_compare_as_whole_chains_from_the_source(int seed)
    {
        var random = new Random(seed);
        // Few actors and ties, so chains often share actors and differ only in a tie somewhere in the middle.
        var graph = TieHeavyGraphs.Build(random, 4, dated: false, ties: 6);
        var workspace = SearchWorkspace.Rent(graph.ActorSlots);
        try
        {
            workspace.Order.Graph = graph;
            workspace.LabelCount = 0;
            for (var root = 0; root < 3; root++)
            {
                workspace.AddLabel(random.Next(graph.ActorSlots), -1, -1, 0, 0);
            }
            for (var i = 0; i < 600; i++)
            {
                var pred = random.Next(workspace.LabelCount);
                if (workspace.LabelHops[pred] < 6)
                {
                    workspace.AddLabel(random.Next(graph.ActorSlots), pred, random.Next(graph.RelationshipSlots), workspace.LabelHops[pred] + 1, 0);
                }
            }
            var byHops = Enumerable.Range(0, workspace.LabelCount).GroupBy(l => workspace.LabelHops[l]).Select(g => g.ToArray()).ToArray();
            var relationshipDecided = 0;
            for (var i = 0; i < 20_000; i++)
            {
                var group = byHops[random.Next(byHops.Length)];
                var (a, b) = (group[random.Next(group.Length)], group[random.Next(group.Length)]);
                var (expected, byRelationships) = Spelled(graph, workspace, a, b);
                Assert.Equal(expected, Math.Sign(workspace.Order.CompareSequences(a, b)));
                relationshipDecided += byRelationships ? 1 : 0;
            }
            Assert.True(relationshipDecided > 100, $"only {relationshipDecided} comparisons were decided by the ties");
        }
        finally
        {
            SearchWorkspace.Return(workspace);
        }
    }

    /// <summary>The rule in full: whole chains from the source, actors first, then ties (from the first hop), then label numbers.</summary>
    private static (int Sign, bool ByRelationships) Spelled(GraphSnapshot graph, SearchWorkspace workspace, int a, int b)
    {
        var chainA = Chain(workspace, a);
        var chainB = Chain(workspace, b);
        for (var i = 0; i < Math.Min(chainA.Count, chainB.Count); i++)
        {
            if (graph.CompareActors(workspace.LabelNode[chainA[i]], workspace.LabelNode[chainB[i]]) is var c and not 0)
            {
                return (Math.Sign(c), false);
            }
        }
        if (chainA.Count != chainB.Count)
        {
            return (chainA.Count.CompareTo(chainB.Count), false);
        }
        for (var i = 1; i < chainA.Count; i++)
        {
            if (graph.CompareRelationships(workspace.LabelRelationship[chainA[i]], workspace.LabelRelationship[chainB[i]]) is var c and not 0)
            {
                return (Math.Sign(c), true);
            }
        }
        return (a.CompareTo(b), false);
    }

    private static List<int> Chain(SearchWorkspace workspace, int label)
    {
        var chain = new List<int>();
        for (; label >= 0; label = workspace.LabelPred[label])
        {
            chain.Insert(0, label);
        }
        return chain;
    }
}
