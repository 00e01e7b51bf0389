using GraphApi.Core.Analysis;
using GraphApi.Core.Routing;
using GraphApi.Core.Tests.Routing;

namespace GraphApi.Core.Tests.Analysis;

/// <summary>
/// Weighted Brandes on graphs full of zero-cost ties (strength 1), where the all-pairs reference is not defined: two
/// actors joined by such a tie are equally far from every source, and the README's rule is that the tie counts as a
/// shortest-path step only from whichever of the two the search settles first. So the reference here is Brandes
/// written from that definition on the route engine's own settling order: σ(v) sums σ(u) over tight arcs u→v from
/// nodes settled before v, δ(v) sums σ(v)/σ(w)·(1 + δ(w)) over tight arcs v→w to nodes settled after v.
/// </summary>
public sealed class WeightedBrandesDagTests
{
    [Fact]
    public void Zero_cost_ties_count_only_from_the_node_settled_first()
    {
        var zeroCostArcs = 0;
        for (var seed = 1; seed <= 300; seed++)
        {
            var random = new Random(seed);
            var n = random.Next(4, 40);
            var snapshot = TieHeavyGraphs.Build(random, n, dated: false, TieHeavyGraphs.ZeroCostHeavy, ties: n + random.Next(2 * n));
            var graph = PackedGraph.From(SimpleGraph.From(snapshot));
            zeroCostArcs += graph.Costs.Count(c => c == 0);
            var expected = FromSettlingOrder(graph);
            var actual = new double[graph.NodeCount];
            var search = new DijkstraBrandes(graph);
            for (var source = 0; source < graph.NodeCount; source++)
            {
                search.Run([source], actual, new int[1], new double[1]);
            }
            for (var v = 0; v < graph.NodeCount; v++)
            {
                Assert.True(Math.Abs(expected[v] - actual[v]) <= 1e-9 * Math.Max(1, expected[v]), $"seed {seed}, node {v}: {expected[v]} vs {actual[v]}");
            }
        }
        Assert.True(zeroCostArcs > 1_000, $"only {zeroCostArcs} zero-cost arcs");
    }

    /// <summary>Σ over sources of δ_s(v), from the definition on each source's settling order.</summary>
    private static double[] FromSettlingOrder(PackedGraph graph)
    {
        var n = graph.NodeCount;
        var dependencies = new double[n];
        var tree = new BestRouteTree(n);
        for (var source = 0; source < n; source++)
        {
            tree.SettleCosts(graph.Arcs, source);
            var order = tree.Settled.ToArray();
            var position = Enumerable.Repeat(int.MaxValue, n).ToArray();
            for (var i = 0; i < order.Length; i++)
            {
                position[order[i]] = i;
            }
            bool Step(int from, int to, int arc) =>
                position[from] < position[to] && tree.Cost(from) + graph.Costs[arc] == tree.Cost(to);
            var sigma = new double[n];
            sigma[source] = 1;
            foreach (var v in order.Skip(1))
            {
                for (var a = graph.Offsets[v]; a < graph.Offsets[v + 1]; a++)
                {
                    sigma[v] += Step(graph.Neighbours[a], v, a) ? sigma[graph.Neighbours[a]] : 0;
                }
            }
            var delta = new double[n];
            foreach (var v in order.Reverse())
            {
                for (var a = graph.Offsets[v]; a < graph.Offsets[v + 1]; a++)
                {
                    var w = graph.Neighbours[a];
                    delta[v] += Step(v, w, a) ? sigma[v] / sigma[w] * (1 + delta[w]) : 0;
                }
                dependencies[v] += v == source ? 0 : delta[v];
            }
        }
        return dependencies;
    }
}
