using System.Runtime.InteropServices;

namespace GraphApi.Core.Analysis;

/// <summary>One arc of a <see cref="GatewayGraph"/>: the neighbour and the hop's cost in nano-nats, side by side.</summary>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
internal readonly struct CostArc(int to, long cost)
{
    public readonly int To = to;
    public readonly long Cost = cost;
}

/// <summary>
/// The <see cref="SimpleGraph"/> packed for thousands of route searches: each node's arcs are one run of 12-byte
/// (neighbour, quantised cost) pairs, so a relaxation reads one stream instead of two arrays. Nodes keep the
/// snapshot's actor order and each node's arcs stay in the order of the neighbours' ids, which the tie rule on id
/// sequences needs (see <see cref="BestRouteTree"/>). Renumbering nodes in breadth-first or degree order for
/// locality was measured and gained nothing at 10k or 100k actors (docs/performance.md), so there is none.
/// </summary>
internal sealed class GatewayGraph
{
    private readonly int[] _offsets;
    private readonly CostArc[] _arcs;

    private GatewayGraph(int[] offsets, CostArc[] arcs)
    {
        _offsets = offsets;
        _arcs = arcs;
    }

    public int NodeCount => _offsets.Length - 1;

    public static GatewayGraph From(SimpleGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var offsets = new int[graph.NodeCount + 1];
        var arcs = new CostArc[2 * graph.EdgeCount];
        for (var node = 0; node < graph.NodeCount; node++)
        {
            var neighbours = graph.Neighbours(node);
            var costs = graph.QuantisedCosts(node);
            var at = offsets[node];
            for (var a = 0; a < neighbours.Length; a++)
            {
                arcs[at + a] = new CostArc(neighbours[a], costs[a]);
            }
            offsets[node + 1] = at + neighbours.Length;
        }
        return new GatewayGraph(offsets, arcs);
    }

    /// <summary>The node's arcs, in the order of the neighbours' actor ids.</summary>
    public ReadOnlySpan<CostArc> Arcs(int node) => _arcs.AsSpan(_offsets[node], _offsets[node + 1] - _offsets[node]);
}
