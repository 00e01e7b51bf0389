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
/// (neighbour, quantised cost) pairs, so a relaxation reads one cache line, and nodes are renumbered in breadth-first
/// order so that neighbours mostly sit near each other in the searches' per-node arrays. The renumbering must not
/// change any route: each node's arcs stay in the order of the neighbours' actor ids (the snapshot's order), which
/// is the order the tie rule on id sequences needs (see <see cref="BestRouteTree"/>).
/// </summary>
internal sealed class GatewayGraph
{
    private readonly int[] _offsets;
    private readonly CostArc[] _arcs;
    private readonly int[] _actorOf;
    private readonly int[] _nodeOf;

    private GatewayGraph(int[] offsets, CostArc[] arcs, int[] actorOf, int[] nodeOf)
    {
        _offsets = offsets;
        _arcs = arcs;
        _actorOf = actorOf;
        _nodeOf = nodeOf;
    }

    public int NodeCount => _actorOf.Length;

    public static GatewayGraph From(SimpleGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var actorOf = BreadthFirstOrder(graph);
        var nodeOf = new int[actorOf.Length];
        for (var node = 0; node < actorOf.Length; node++)
        {
            nodeOf[actorOf[node]] = node;
        }
        var offsets = new int[actorOf.Length + 1];
        var arcs = new CostArc[2 * graph.EdgeCount];
        for (var node = 0; node < actorOf.Length; node++)
        {
            var neighbours = graph.Neighbours(actorOf[node]);
            var costs = graph.QuantisedCosts(actorOf[node]);
            var at = offsets[node];
            for (var a = 0; a < neighbours.Length; a++)
            {
                arcs[at + a] = new CostArc(nodeOf[neighbours[a]], costs[a]);
            }
            offsets[node + 1] = at + neighbours.Length;
        }
        return new GatewayGraph(offsets, arcs, actorOf, nodeOf);
    }

    /// <summary>The node's arcs, in the order of the neighbours' actor ids.</summary>
    public ReadOnlySpan<CostArc> Arcs(int node) => _arcs.AsSpan(_offsets[node], _offsets[node + 1] - _offsets[node]);

    /// <summary>The snapshot index of the actor that <paramref name="node"/> stands for.</summary>
    public int Actor(int node) => _actorOf[node];

    public int Node(int actor) => _nodeOf[actor];

    /// <summary>Actors in breadth-first order from each component's first actor: the new numbering, as a list of old numbers.</summary>
    private static int[] BreadthFirstOrder(SimpleGraph graph)
    {
        var n = graph.NodeCount;
        var order = new int[n];
        var placed = new bool[n];
        var (head, tail) = (0, 0);
        for (var root = 0; root < n; root++)
        {
            if (placed[root])
            {
                continue;
            }
            placed[root] = true;
            order[tail++] = root;
            while (head < tail)
            {
                foreach (var w in graph.Neighbours(order[head++]))
                {
                    if (!placed[w])
                    {
                        placed[w] = true;
                        order[tail++] = w;
                    }
                }
            }
        }
        return order;
    }
}
