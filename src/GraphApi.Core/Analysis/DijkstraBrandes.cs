using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace GraphApi.Core.Analysis;

/// <summary>
/// Weighted Brandes on the router's quantised costs (whole nano-nats), so two paths are equally short exactly when
/// their integer costs are equal: no tolerance, and the same ties the introduction routes see. The accumulation
/// scans each node's arcs for successors (dist[w] = dist[v] + cost) instead of keeping predecessor lists; in reverse
/// settling order a node settled before v still has a zero coefficient, so even a zero-cost tie (strength 1) back
/// to an earlier node adds nothing, and the DAG is the one the search's path counts used.
/// </summary>
internal sealed class DijkstraBrandes : BrandesSearch
{
    private readonly int[] _offsets;
    private readonly int[] _neighbours;
    private readonly long[] _costs;
    // A node's distance, path count and coefficient share a cache line: each arc scanned touches one line.
    private readonly NodeState[] _state;
    private readonly bool[] _settled;
    private readonly int[] _order;
    private readonly RadixHeap _queue = new();

    public DijkstraBrandes(PackedGraph graph)
    {
        var n = graph.NodeCount;
        _offsets = graph.Offsets;
        _neighbours = graph.Neighbours;
        _costs = graph.Costs;
        _state = new NodeState[n];
        _settled = new bool[n];
        _order = new int[n];
        Array.Fill(_state, NodeState.Unreached);
    }

    public override int BatchSize => 1;

    public override void Run(ReadOnlySpan<int> sources, double[]? dependencies, Span<int> reached, Span<double> distanceSums)
    {
        for (var i = 0; i < sources.Length; i++)
        {
            reached[i] = Search(sources[i]);
            distanceSums[i] = DistanceSum(reached[i]);
            if (dependencies is not null)
            {
                Accumulate(reached[i], dependencies);
            }
            Reset(reached[i]);
        }
    }

    private int Search(int source)
    {
        // Unchecked element references: w comes from the graph, and the bounds checks show in this hot loop.
        ref var state = ref MemoryMarshal.GetArrayDataReference(_state);
        var settledCount = 0;
        _queue.Reset();
        _state[source] = new NodeState { Distance = 0, Sigma = 1 };
        _queue.Push(0, source);
        while (_queue.Count > 0)
        {
            var v = _queue.Pop(out var cost);
            // An entry is stale when the node was settled or improved since; a node is never pushed twice at one cost.
            if (cost > Unsafe.Add(ref state, v).Distance)
            {
                continue;
            }
            _settled[v] = true;
            _order[settledCount++] = v;
            var paths = Unsafe.Add(ref state, v).Sigma;
            for (int a = _offsets[v], last = _offsets[v + 1]; a < last; a++)
            {
                var w = _neighbours[a];
                ref var target = ref Unsafe.Add(ref state, w);
                var candidate = cost + _costs[a];
                if (candidate < target.Distance)
                {
                    target.Distance = candidate;
                    target.Sigma = paths;
                    _queue.Push(candidate, w);
                }
                else if (candidate == target.Distance && !_settled[w])
                {
                    target.Sigma += paths;
                }
            }
        }
        return settledCount;
    }

    private double DistanceSum(int reached)
    {
        long sum = 0;
        for (var i = 0; i < reached; i++)
        {
            sum += _state[_order[i]].Distance;
        }
        return sum / Routing.HopCosts.Resolution;
    }

    private void Accumulate(int reached, double[] dependencies)
    {
        ref var state = ref MemoryMarshal.GetArrayDataReference(_state);
        for (var i = reached - 1; i >= 1; i--)
        {
            var v = _order[i];
            ref var node = ref Unsafe.Add(ref state, v);
            var here = node.Distance;
            var sum = 0.0;
            for (int a = _offsets[v], last = _offsets[v + 1]; a < last; a++)
            {
                ref var successor = ref Unsafe.Add(ref state, _neighbours[a]);
                sum += successor.Distance == here + _costs[a] ? successor.Coefficient : 0.0;
            }
            var delta = node.Sigma * sum;
            dependencies[v] += delta;
            node.Coefficient = (1 + delta) / node.Sigma;
        }
    }

    private void Reset(int reached)
    {
        for (var i = 0; i < reached; i++)
        {
            var v = _order[i];
            _state[v] = NodeState.Unreached;
            _settled[v] = false;
        }
    }

    private struct NodeState
    {
        public static readonly NodeState Unreached = new() { Distance = long.MaxValue };

        public long Distance;
        public double Sigma;
        // (1 + δ) / σ once the node's dependency is known; zero before, which is what keeps earlier nodes out of sums.
        public double Coefficient;
    }
}
