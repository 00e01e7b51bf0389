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
        // Compacted: actor slots are then the actors in id order, which the route tie rule needs.
        return new SimpleGraph(CostGraph.For(snapshot.Compacted(), rules: null));
    }

    public int Degree(int node) => Arcs.Degree(node);

    public ReadOnlySpan<int> Neighbours(int node) => Arcs.Neighbours.AsSpan(Arcs.Offsets[node], Degree(node));

    /// <summary>
    /// Costs aligned with <see cref="Neighbours"/> in whole nano-nats, exactly as the introduction routes compare
    /// them (<see cref="HopCosts.Quantise"/>): the one cost rule that gateway routes and weighted betweenness share with the router.
    /// </summary>
    public ReadOnlySpan<long> QuantisedCosts(int node) => Arcs.Costs.AsSpan(Arcs.Offsets[node], Degree(node));
}
