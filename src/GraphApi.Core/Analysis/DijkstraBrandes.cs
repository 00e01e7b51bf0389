using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using GraphApi.Core.Routing;

namespace GraphApi.Core.Analysis;

/// <summary>
/// Weighted Brandes on the route engine: <see cref="BestRouteTree.SettleCosts"/> gives each node's least cost in the
/// router's whole nano-nats and the order they were settled in, so two paths are equally short exactly when their
/// integer costs are equal (no tolerance; the ties the introduction routes see). Path counts and the accumulation
/// are counted as the search relaxes arcs (<see cref="PathCounter"/>), and the accumulation scans each node's arcs
/// for tight ones (cost(v) + c = cost(w)) instead of keeping predecessor lists.
/// </summary>
/// <remarks>
/// A path count takes arcs only from nodes settled before the node, and the accumulation, in reverse settling order,
/// only coefficients of nodes settled after it (the others still hold zero). So a zero-cost tie (strength 1)
/// between two nodes of equal cost counts one way only, from the node settled first: the DAG is the settling
/// order's, and both passes see the same one.
/// </remarks>
internal sealed class DijkstraBrandes : BrandesSearch
{
    private readonly CostGraph _graph;
    private readonly BestRouteTree _tree;
    // Path count σ and coefficient (1 + δ)/σ of a node side by side: each tight arc scanned touches one line.
    private readonly Counts[] _counts;

    public DijkstraBrandes(PackedGraph graph)
    {
        _graph = graph.Arcs;
        _tree = new BestRouteTree(graph.NodeCount);
        _counts = new Counts[graph.NodeCount];
    }

    public override int BatchSize => 1;

    public override void Run(ReadOnlySpan<int> sources, double[]? dependencies, Span<int> reached, Span<double> distanceSums)
    {
        for (var i = 0; i < sources.Length; i++)
        {
            _counts[sources[i]].Sigma = 1;
            var counter = new PathCounter(_counts);
            _tree.SettleCosts(_graph, sources[i], ref counter);
            var order = _tree.Settled;
            reached[i] = order.Length;
            distanceSums[i] = DistanceSum(order);
            if (dependencies is not null)
            {
                Accumulate(order, dependencies);
            }
            foreach (var v in order)
            {
                _counts[v] = default;
            }
        }
    }

    private double DistanceSum(ReadOnlySpan<int> order)
    {
        long sum = 0;
        foreach (var v in order)
        {
            sum += _tree.Cost(v);
        }
        return sum / HopCosts.Resolution;
    }

    /// <summary>δ(v) = σ(v) Σ (1 + δ(w))/σ(w) over tight arcs v→w to nodes settled after v, in reverse settling order.</summary>
    private void Accumulate(ReadOnlySpan<int> order, double[] dependencies)
    {
        ref var counts = ref MemoryMarshal.GetArrayDataReference(_counts);
        ref var cost = ref MemoryMarshal.GetArrayDataReference(_tree.Costs);
        var (offsets, neighbours, costs) = (_graph.Offsets, _graph.Neighbours, _graph.Costs);
        for (var i = order.Length - 1; i >= 1; i--)
        {
            var v = order[i];
            var here = Unsafe.Add(ref cost, v);
            var sum = 0.0;
            for (int a = offsets[v], last = offsets[v + 1]; a < last; a++)
            {
                var w = neighbours[a];
                sum += Unsafe.Add(ref cost, w) == here + costs[a] ? Unsafe.Add(ref counts, w).Coefficient : 0.0;
            }
            ref var node = ref Unsafe.Add(ref counts, v);
            var delta = node.Sigma * sum;
            dependencies[v] += delta;
            node.Coefficient = (1 + delta) / node.Sigma;
        }
    }

    /// <summary>σ as the search goes: an improving arc passes on its tail's count, a tying arc adds it unless its head is settled.</summary>
    private readonly struct PathCounter(Counts[] counts) : ISettleObserver
    {
        public void Settled(int node) => At(node).Settled = true;

        public void Improved(int from, int to) => At(to).Sigma = At(from).Sigma;

        public void Tied(int from, int to)
        {
            ref var head = ref At(to);
            if (!head.Settled)
            {
                head.Sigma += At(from).Sigma;
            }
        }

        // Unchecked: nodes come from the graph, and the bounds checks show in this hot loop.
        private ref Counts At(int node) => ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(counts), node);
    }

    private struct Counts
    {
        public bool Settled;
        public double Sigma;
        // (1 + δ) / σ once the node's dependency is known; zero before, which is what keeps earlier nodes out of sums.
        public double Coefficient;
    }
}
