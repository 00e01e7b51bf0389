namespace GraphApi.Core.Analysis;

/// <summary>
/// Draws one shortest path between two nodes uniformly at random from all of them, on the unweighted packed graph,
/// with a balanced bidirectional breadth-first search: each round expands, level by level, the side whose frontier
/// has fewer arcs, counting shortest paths (σ) from its end. The first expansion that reaches a node of the other
/// side fixes the distance: before it the two visited sets were disjoint, so d(s, t) exceeds the sum of the two
/// depths, and an arc from one frontier to a visited node of the other side shows it is exactly one more. The
/// shortest paths are then exactly the s-paths to one end of such an arc, the arc, and the t-paths from its other
/// end; one is drawn with probability σ_s(x) σ_t(y) / σ_st, and the path is completed by walking back to s and on to
/// t, choosing each predecessor with probability proportional to its own path count.
/// </summary>
internal sealed class PathSampler
{
    private readonly PackedGraph _graph;
    private readonly Side _fromSource;
    private readonly Side _fromTarget;
    private readonly List<(int Near, int Far)> _contacts = [];

    public PathSampler(PackedGraph graph)
    {
        _graph = graph;
        _fromSource = new Side(graph.NodeCount);
        _fromTarget = new Side(graph.NodeCount);
    }

    /// <summary>
    /// Adds one to <paramref name="counts"/> for every inner node of a uniformly drawn shortest s–t path; does nothing
    /// when t is unreachable from s (the pair still counts as sampled: its true contribution is zero).
    /// </summary>
    public void Sample(int s, int t, ref SplitMix random, long[] counts)
    {
        _fromSource.Start(s, _graph);
        _fromTarget.Start(t, _graph);
        _contacts.Clear();
        while (_contacts.Count == 0 && _fromSource.CanGrow && _fromTarget.CanGrow)
        {
            var sourceSide = _fromSource.FrontierArcs <= _fromTarget.FrontierArcs;
            var (near, far) = sourceSide ? (_fromSource, _fromTarget) : (_fromTarget, _fromSource);
            near.Expand(_graph, far, _contacts, sourceSide);
        }
        if (_contacts.Count > 0)
        {
            var (x, y) = DrawContact(ref random);
            WalkBack(_fromSource, x, ref random, counts);
            WalkBack(_fromTarget, y, ref random, counts);
        }
        _fromSource.Reset();
        _fromTarget.Reset();
    }

    /// <summary>A contact arc (x on the source side, y on the target side), drawn in proportion to σ_s(x) σ_t(y).</summary>
    private (int X, int Y) DrawContact(ref SplitMix random)
    {
        var total = 0.0;
        foreach (var (x, y) in _contacts)
        {
            total += _fromSource.Sigma[x] * _fromTarget.Sigma[y];
        }
        var pick = random.NextDouble() * total;
        foreach (var (x, y) in _contacts)
        {
            pick -= _fromSource.Sigma[x] * _fromTarget.Sigma[y];
            if (pick < 0)
            {
                return (x, y);
            }
        }
        // Rounding can leave a sliver of the total unclaimed; it belongs to the last contact.
        return _contacts[^1];
    }

    /// <summary>Counts <paramref name="node"/> and its drawn predecessors up to, not including, the side's end.</summary>
    private void WalkBack(Side side, int node, ref SplitMix random, long[] counts)
    {
        while (side.Level[node] > 0)
        {
            counts[node]++;
            var above = side.Level[node] - 1;
            var pick = random.NextDouble() * side.Sigma[node];
            var chosen = -1;
            for (var a = _graph.Offsets[node]; a < _graph.Offsets[node + 1]; a++)
            {
                var p = _graph.Neighbours[a];
                if (side.Level[p] == above)
                {
                    chosen = p;
                    pick -= side.Sigma[p];
                    if (pick < 0)
                    {
                        break;
                    }
                }
            }
            node = chosen;
        }
    }

    /// <summary>One end's breadth-first search: levels, path counts and the current frontier.</summary>
    private sealed class Side
    {
        private readonly List<int> _visited = [];
        private List<int> _frontier = [];
        private List<int> _next = [];
        private int _depth;

        public Side(int n)
        {
            Level = new int[n];
            Sigma = new double[n];
            Array.Fill(Level, -1);
        }

        public int[] Level { get; }

        public double[] Sigma { get; }

        /// <summary>Arcs leaving the frontier: the cost of expanding this side next.</summary>
        public long FrontierArcs { get; private set; }

        public bool CanGrow => _frontier.Count > 0;

        public void Start(int end, PackedGraph graph)
        {
            Level[end] = 0;
            Sigma[end] = 1;
            _visited.Add(end);
            _frontier.Add(end);
            _depth = 0;
            FrontierArcs = graph.Degree(end);
        }

        /// <summary>Expands one level; arcs into <paramref name="other"/>'s visited nodes are recorded as contacts.</summary>
        public void Expand(PackedGraph graph, Side other, List<(int Near, int Far)> contacts, bool isSourceSide)
        {
            var next = _depth + 1;
            long arcs = 0;
            foreach (var u in _frontier)
            {
                for (var a = graph.Offsets[u]; a < graph.Offsets[u + 1]; a++)
                {
                    var w = graph.Neighbours[a];
                    if (other.Level[w] >= 0)
                    {
                        contacts.Add(isSourceSide ? (u, w) : (w, u));
                    }
                    else if (Level[w] < 0)
                    {
                        Level[w] = next;
                        Sigma[w] = Sigma[u];
                        _visited.Add(w);
                        _next.Add(w);
                        arcs += graph.Degree(w);
                    }
                    else if (Level[w] == next)
                    {
                        Sigma[w] += Sigma[u];
                    }
                }
            }
            (_frontier, _next) = (_next, _frontier);
            _next.Clear();
            _depth = next;
            FrontierArcs = arcs;
        }

        public void Reset()
        {
            foreach (var v in _visited)
            {
                Level[v] = -1;
                Sigma[v] = 0;
            }
            _visited.Clear();
            _frontier.Clear();
            _next.Clear();
        }
    }
}
