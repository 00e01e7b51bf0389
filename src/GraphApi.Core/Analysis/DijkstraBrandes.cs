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
    private readonly long[] _distance;
    private readonly bool[] _settled;
    private readonly double[] _sigma;
    private readonly double[] _coefficient;
    private readonly int[] _order;
    private readonly CostQueue _queue;

    public DijkstraBrandes(PackedGraph graph)
    {
        var n = graph.NodeCount;
        _offsets = graph.Offsets;
        _neighbours = graph.Neighbours;
        _costs = graph.Costs;
        _distance = new long[n];
        _settled = new bool[n];
        _sigma = new double[n];
        _coefficient = new double[n];
        _order = new int[n];
        _queue = new CostQueue(n);
        Array.Fill(_distance, long.MaxValue);
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
        var distance = _distance;
        var sigma = _sigma;
        var settledCount = 0;
        distance[source] = 0;
        sigma[source] = 1;
        _queue.Push(0, source);
        while (_queue.Count > 0)
        {
            var (cost, v) = _queue.Pop();
            if (_settled[v] || cost > distance[v])
            {
                continue;
            }
            _settled[v] = true;
            _order[settledCount++] = v;
            var paths = sigma[v];
            for (int a = _offsets[v], last = _offsets[v + 1]; a < last; a++)
            {
                var w = _neighbours[a];
                var candidate = cost + _costs[a];
                var known = distance[w];
                if (candidate < known)
                {
                    distance[w] = candidate;
                    sigma[w] = paths;
                    _queue.Push(candidate, w);
                }
                else if (candidate == known && !_settled[w])
                {
                    sigma[w] += paths;
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
            sum += _distance[_order[i]];
        }
        return sum / Routing.HopCosts.Resolution;
    }

    private void Accumulate(int reached, double[] dependencies)
    {
        var distance = _distance;
        var coefficient = _coefficient;
        for (var i = reached - 1; i >= 1; i--)
        {
            var v = _order[i];
            var here = distance[v];
            var sum = 0.0;
            for (int a = _offsets[v], last = _offsets[v + 1]; a < last; a++)
            {
                var w = _neighbours[a];
                sum += distance[w] == here + _costs[a] ? coefficient[w] : 0.0;
            }
            var paths = _sigma[v];
            var delta = paths * sum;
            dependencies[v] += delta;
            coefficient[v] = (1 + delta) / paths;
        }
    }

    private void Reset(int reached)
    {
        for (var i = 0; i < reached; i++)
        {
            var v = _order[i];
            _distance[v] = long.MaxValue;
            _settled[v] = false;
            _sigma[v] = 0;
            _coefficient[v] = 0;
        }
    }
}
