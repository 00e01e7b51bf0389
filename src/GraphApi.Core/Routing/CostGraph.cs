using GraphApi.Core.Graph;

namespace GraphApi.Core.Routing;

/// <summary>
/// An undirected graph for the all-routes searches, in CSR form: node v's arcs are
/// <c>Neighbours[Offsets[v]..Offsets[v + 1]]</c>, each with its hop's cost in whole nano-nats aligned in
/// <see cref="Costs"/> (<see cref="HopCosts.Quantise"/>, the router's unit). Each node's neighbours are in ascending
/// node order; when nodes are numbered in actor-id order that is the order the tie rule on id sequences needs
/// (see <see cref="BestRouteTree"/>).
/// </summary>
internal sealed class CostGraph
{
    public CostGraph(int[] offsets, int[] neighbours, long[] costs)
    {
        ArgumentNullException.ThrowIfNull(offsets);
        ArgumentNullException.ThrowIfNull(neighbours);
        ArgumentNullException.ThrowIfNull(costs);
        if (offsets.Length == 0 || offsets[^1] != neighbours.Length || costs.Length != neighbours.Length)
        {
            throw new ArgumentException("offsets, neighbours and costs do not describe one CSR graph", nameof(offsets));
        }
        Offsets = offsets;
        Neighbours = neighbours;
        Costs = costs;
        MaxCost = costs.Length == 0 ? 0 : costs.Max();
    }

    public int NodeCount => Offsets.Length - 1;

    public int[] Offsets { get; }

    public int[] Neighbours { get; }

    /// <summary>Arc costs in nano-nats, aligned with <see cref="Neighbours"/>.</summary>
    public long[] Costs { get; }

    /// <summary>The costliest arc, the largest step a search's queue must span.</summary>
    public long MaxCost { get; }

    public int Degree(int node) => Offsets[node + 1] - Offsets[node];

    /// <summary>
    /// One arc each way per pair of actors tied by at least one relationship the query may use, costing what the
    /// cheapest of them costs under its rules (<see cref="HopCosts.QuantisedCost"/>: type filter, asOf, decay); with
    /// no rules, every relationship at its base cost. Nodes are the snapshot's actor slots (in actor-id order only on a
    /// compacted snapshot, which the tree's tie rule needs; costs alone do not care); self-ties are dropped.
    /// </summary>
    public static CostGraph For(GraphSnapshot snapshot, HopCosts? rules)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var n = snapshot.ActorSlots;
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
                var cost = rules is null ? snapshot.Fields(arcs.Relationships[arc]).QuantisedCost : rules.QuantisedCost(arcs.Relationships[arc]);
                if (w == v || cost < 0)
                {
                    continue;
                }
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
        return new CostGraph(offsets, [.. neighbours], [.. costs]);
    }
}
