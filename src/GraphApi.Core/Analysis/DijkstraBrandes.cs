using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using GraphApi.Core.Routing;

namespace GraphApi.Core.Analysis;

/// <summary>
/// Weighted Brandes on the route engine: <see cref="BestRouteTree.SettleCosts"/> gives each node's least cost in the
/// router's whole nano-nats and the order they were settled in, so two paths are equally short exactly when their
/// integer costs are equal (no tolerance; the ties the introduction routes see). As each node is settled the search
/// reports its tight arcs (cost(u) + c = cost(v)), which is all the shortest-path DAG is: the node's path count is
/// summed from them there and then, and its predecessors are kept in one flat list in settling order, so the
/// accumulation walks only the DAG's arcs (about one per node on the service's graphs) instead of every arc.
/// </summary>
/// <remarks>
/// A node's path count is zero until it is settled, and a tight arc passes on only its tail's count, so only arcs
/// from nodes settled before the node count, and only those are kept as its predecessors. So a zero-cost tie
/// (strength 1) between two nodes of equal cost counts one way only, from the node settled first: the DAG is the
/// settling order's, and both passes see the same one.
/// </remarks>
internal sealed class DijkstraBrandes : BrandesSearch
{
    private readonly CostGraph _graph;
    private readonly BestRouteTree _tree;
    // Path count σ and the sum of successors' coefficients (1 + δ(w))/σ(w) of a node side by side.
    private readonly Counts[] _counts;
    // Predecessors of the i-th settled node are _predecessors[_firstPredecessor[i].._firstPredecessor[i + 1]].
    private readonly int[] _predecessors;
    private readonly int[] _firstPredecessor;

    public DijkstraBrandes(PackedGraph graph)
    {
        _graph = graph.Arcs;
        _tree = new BestRouteTree(graph.NodeCount);
        _counts = new Counts[graph.NodeCount];
        _predecessors = new int[graph.Neighbours.Length];
        _firstPredecessor = new int[graph.NodeCount + 1];
    }

    public override int BatchSize => 1;

    public override void Run(ReadOnlySpan<int> sources, double[]? dependencies, Span<int> reached, Span<double> distanceSums)
    {
        for (var i = 0; i < sources.Length; i++)
        {
            _counts[sources[i]].Sigma = 1;
            var counter = new PathCounter(_counts, _predecessors, _firstPredecessor);
            _tree.SettleCosts(_graph, sources[i], ref counter);
            var order = _tree.Settled;
            _firstPredecessor[order.Length] = counter.PredecessorCount;
            if (!reached.IsEmpty)
            {
                reached[i] = order.Length;
                distanceSums[i] = counter.CostSum / HopCosts.Resolution;
            }
            if (dependencies is not null)
            {
                Accumulate(order, dependencies);
            }
            else
            {
                foreach (var v in order)
                {
                    _counts[v] = default;
                }
            }
        }
    }

    /// <summary>
    /// In reverse settling order, δ(w) = σ(w) Σ (1 + δ(x))/σ(x) over w's successors x, all done by then; w's
    /// coefficient then goes to each of its predecessors' sums, and w's counts are cleared for the next source
    /// (nothing reads them again: its successors are done and its predecessors add only to their own sums).
    /// </summary>
    private void Accumulate(ReadOnlySpan<int> order, double[] dependencies)
    {
        ref var counts = ref MemoryMarshal.GetArrayDataReference(_counts);
        ref var predecessors = ref MemoryMarshal.GetArrayDataReference(_predecessors);
        var first = _firstPredecessor;
        for (var i = order.Length - 1; i >= 1; i--)
        {
            var w = order[i];
            ref var node = ref Unsafe.Add(ref counts, w);
            var delta = node.Sigma * node.Successors;
            dependencies[w] += delta;
            var coefficient = (1 + delta) / node.Sigma;
            node = default;
            for (int p = first[i], last = first[i + 1]; p < last; p++)
            {
                Unsafe.Add(ref counts, Unsafe.Add(ref predecessors, p)).Successors += coefficient;
            }
        }
        _counts[order[0]] = default;
    }

    /// <summary>σ(v) = Σ σ(u) over tight arcs u→v from settled nodes (a node's σ is zero until it is settled).</summary>
    private struct PathCounter(Counts[] counts, int[] predecessors, int[] firstPredecessor) : ISettleObserver
    {
        private int _settled;

        public int PredecessorCount { get; private set; }

        /// <summary>Σ of the settled nodes' costs, which closeness needs.</summary>
        public long CostSum { get; private set; }

        public static bool WatchesTightArcs => true;

        public void Settled(int node, long cost)
        {
            firstPredecessor[_settled++] = PredecessorCount;
            CostSum += cost;
        }

        public void TightArc(int from, int node)
        {
            var sigma = At(from).Sigma;
            if (sigma > 0)
            {
                At(node).Sigma += sigma;
                predecessors[PredecessorCount++] = from;
            }
        }

        // Unchecked: nodes come from the graph, and the bounds checks show in this hot loop.
        private readonly ref Counts At(int node) => ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(counts), node);
    }

    private struct Counts
    {
        public double Sigma;
        // Σ (1 + δ(x))/σ(x) over the successors x accumulated so far.
        public double Successors;
    }
}
