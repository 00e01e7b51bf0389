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
    }

    public int NodeCount => Offsets.Length - 1;

    public int[] Offsets { get; }

    public int[] Neighbours { get; }

    /// <summary>Arc costs in nano-nats, aligned with <see cref="Neighbours"/>.</summary>
    public long[] Costs { get; }

    public int Degree(int node) => Offsets[node + 1] - Offsets[node];
}
