using GraphApi.Core.Graph;

namespace GraphApi.Core.Analysis;

/// <summary>
/// The undirected simple graph the centrality measures and gateway routes run on: one edge per pair of actors
/// that share at least one relationship (parallel relationships collapse; there are no self-loops), in CSR form
/// with sorted neighbour lists. An edge's cost is the route cost −ln(strength) of its strongest relationship,
/// because an introduction travels the best tie between two actors.
/// </summary>
public sealed class SimpleGraph
{
    private readonly int[] _offsets;
    private readonly int[] _neighbours;
    private readonly long[] _quantisedCosts;

    private SimpleGraph(int[] offsets, int[] neighbours, double[] costs)
    {
        _offsets = offsets;
        _neighbours = neighbours;
        _quantisedCosts = Array.ConvertAll(costs, Routing.HopCosts.Quantise);
    }

    public int NodeCount => _offsets.Length - 1;

    /// <summary>Number of undirected edges.</summary>
    public int EdgeCount => _neighbours.Length / 2;

    public static SimpleGraph From(GraphSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        snapshot = snapshot.Compacted();
        var n = snapshot.ActorCount;
        var offsets = new int[n + 1];
        var neighbours = new List<int>(snapshot.RelationshipCount * 2);
        var costs = new List<double>(snapshot.RelationshipCount * 2);
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
                var cost = RouteCost.Of(snapshot.BaseStrength(arcs.Relationships[arc]));
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
        return new SimpleGraph(offsets, [.. neighbours], [.. costs]);
    }

    public int Degree(int node) => _offsets[node + 1] - _offsets[node];

    public ReadOnlySpan<int> Neighbours(int node) => _neighbours.AsSpan(_offsets[node], Degree(node));

    /// <summary>
    /// Costs aligned with <see cref="Neighbours"/> in whole nano-nats, exactly as the introduction routes compare
    /// them (<see cref="Routing.HopCosts.Quantise"/>): the one cost rule that gateway routes and weighted betweenness share with the router.
    /// </summary>
    public ReadOnlySpan<long> QuantisedCosts(int node) => _quantisedCosts.AsSpan(_offsets[node], Degree(node));
}
