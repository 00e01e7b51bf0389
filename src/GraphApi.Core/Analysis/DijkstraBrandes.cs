using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using GraphApi.Core.Routing;

namespace GraphApi.Core.Analysis;

/// <summary>
/// Weighted Brandes on the route engine: <see cref="BestRouteTree.SettleCosts"/> gives each node's least cost in the
/// router's whole nano-nats and the order they were settled in, so two paths are equally short exactly when their
/// integer costs are equal (no tolerance; the ties the introduction routes see). Path counts and the accumulation
/// then scan each node's arcs for tight ones (cost(u) + c = cost(v)) instead of keeping predecessor lists.
/// </summary>
/// <remarks>
/// Path counts go forward in settling order, the accumulation backward, and a node not yet visited in either pass
/// holds zero. So a zero-cost tie (strength 1) between two nodes of equal cost counts one way only, from the node
/// settled first: the DAG is the settling order's, and both passes see the same one.
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
            _tree.SettleCosts(_graph, sources[i]);
            var order = _tree.Settled;
            reached[i] = order.Length;
            distanceSums[i] = DistanceSum(order);
            if (dependencies is not null)
            {
                CountPaths(order);
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

    /// <summary>σ(v) = Σ σ(u) over tight arcs u→v from nodes settled before v (the others still hold zero).</summary>
    private void CountPaths(ReadOnlySpan<int> order)
    {
        ref var counts = ref MemoryMarshal.GetArrayDataReference(_counts);
        ref var cost = ref MemoryMarshal.GetArrayDataReference(_tree.Costs);
        var (offsets, neighbours, costs) = (_graph.Offsets, _graph.Neighbours, _graph.Costs);
        Unsafe.Add(ref counts, order[0]).Sigma = 1;
        for (var i = 1; i < order.Length; i++)
        {
            var v = order[i];
            var here = Unsafe.Add(ref cost, v);
            var sigma = 0.0;
            for (int a = offsets[v], last = offsets[v + 1]; a < last; a++)
            {
                var u = neighbours[a];
                sigma += Unsafe.Add(ref cost, u) + costs[a] == here ? Unsafe.Add(ref counts, u).Sigma : 0.0;
            }
            Unsafe.Add(ref counts, v).Sigma = sigma;
        }
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

    private struct Counts
    {
        public double Sigma;
        // (1 + δ) / σ once the node's dependency is known; zero before, which is what keeps earlier nodes out of sums.
        public double Coefficient;
    }
}
