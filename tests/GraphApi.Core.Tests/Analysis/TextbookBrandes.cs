namespace GraphApi.Core.Tests.Analysis;

/// <summary>
/// Brandes (2001) for unweighted graphs exactly as the paper writes it — one breadth-first search per source, a queue,
/// a stack, predecessor lists — on a graph given as neighbour lists. O(n·m), so it checks the fast kernel on graphs
/// far too large for the O(n³) all-pairs <see cref="Reference"/> (long paths, hundreds of levels, thousands of nodes).
/// </summary>
internal sealed class TextbookBrandes
{
    private readonly int[] _offsets;
    private readonly int[] _neighbours;

    public TextbookBrandes(int[] offsets, int[] neighbours)
    {
        _offsets = offsets;
        _neighbours = neighbours;
    }

    public int NodeCount => _offsets.Length - 1;

    /// <summary>One source's search: δ_s(v) for every v (0 at the source), the nodes reached and their hop sum.</summary>
    public (double[] Dependencies, int Reached, double DistanceSum) From(int source)
    {
        var n = NodeCount;
        var distance = Enumerable.Repeat(-1, n).ToArray();
        var sigma = new double[n];
        var predecessors = Enumerable.Range(0, n).Select(_ => new List<int>()).ToArray();
        var stack = new Stack<int>();
        var queue = new Queue<int>();
        distance[source] = 0;
        sigma[source] = 1;
        queue.Enqueue(source);
        while (queue.Count > 0)
        {
            var v = queue.Dequeue();
            stack.Push(v);
            for (var a = _offsets[v]; a < _offsets[v + 1]; a++)
            {
                var w = _neighbours[a];
                if (distance[w] < 0)
                {
                    distance[w] = distance[v] + 1;
                    queue.Enqueue(w);
                }
                if (distance[w] == distance[v] + 1)
                {
                    sigma[w] += sigma[v];
                    predecessors[w].Add(v);
                }
            }
        }
        var delta = new double[n];
        var reached = stack.Count;
        double distanceSum = 0;
        while (stack.Count > 0)
        {
            var w = stack.Pop();
            distanceSum += distance[w];
            foreach (var v in predecessors[w])
            {
                delta[v] += sigma[v] / sigma[w] * (1 + delta[w]);
            }
        }
        delta[source] = 0;
        return (delta, reached, distanceSum);
    }

    /// <summary>Σ over the given sources of δ_s(v).</summary>
    public double[] Dependencies(IEnumerable<int> sources)
    {
        var sum = new double[NodeCount];
        foreach (var s in sources)
        {
            var (delta, _, _) = From(s);
            for (var v = 0; v < sum.Length; v++)
            {
                sum[v] += delta[v];
            }
        }
        return sum;
    }
}
