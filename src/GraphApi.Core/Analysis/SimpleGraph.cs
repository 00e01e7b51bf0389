using GraphApi.Core.Graph;
using GraphApi.Core.Routing;

namespace GraphApi.Core.Analysis;

/// <summary>
/// The undirected simple graph the centrality measures and gateway routes run on: one edge per pair of actors
/// that share at least one relationship (parallel relationships collapse; there are no self-loops), in CSR form
/// with sorted neighbour lists. An edge's cost is the route cost of its strongest relationship (the snapshot's
/// quantised −ln(strength), the router's own figure), because an introduction travels the best tie between two actors.
/// </summary>
public sealed class SimpleGraph
{
    private SimpleGraph(CostGraph arcs) => Arcs = arcs;

    /// <summary>The graph as the route engine reads it, nodes in snapshot (actor-id) order.</summary>
    internal CostGraph Arcs { get; }

    public int NodeCount => Arcs.NodeCount;

    /// <summary>Number of undirected edges.</summary>
    public int EdgeCount => Arcs.Neighbours.Length / 2;

    public static SimpleGraph From(GraphSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        snapshot = snapshot.Compacted();
        var n = snapshot.ActorCount;
        var offsets = new int[n + 1];
        var neighbours = new List<int>(snapshot.RelationshipCount * 2);
        var costs = new List<long>(snapshot.RelationshipCount * 2);
        for (var v = 0; v < n; v++)
        {
            // The snapshot keeps each actor's arcs sorted by neighbour, so parallel relationships are adjacent.
            var arcs = snapshot.Arcs(v);
            for (var arc = 0; arc < arcs.Length; arc++)
            {
                var w = arcs.Targets[arc];
                if (w == v)
                {
                    continue;
                }
                var cost = snapshot.Fields(arcs.Relationships[arc]).QuantisedCost;
                if (neighbours.Count > offsets[v] && neighbours[^1] == w)
                {
                    costs[^1] = Math.Min(costs[^1], cost);
                    continue;
                }
                neighbours.Add(w);
                costs.Add(cost);
            }
            offsets[v + 1] = neighbours.Count;
        }
        return new SimpleGraph(new CostGraph(offsets, [.. neighbours], [.. costs]));
    }

    public int Degree(int node) => Arcs.Degree(node);

    public ReadOnlySpan<int> Neighbours(int node) => Arcs.Neighbours.AsSpan(Arcs.Offsets[node], Degree(node));

    /// <summary>
    /// Costs aligned with <see cref="Neighbours"/> in whole nano-nats, exactly as the introduction routes compare
    /// them (<see cref="HopCosts.Quantise"/>): the one cost rule that gateway routes and weighted betweenness share with the router.
    /// </summary>
    public ReadOnlySpan<long> QuantisedCosts(int node) => Arcs.Costs.AsSpan(Arcs.Offsets[node], Degree(node));
}
