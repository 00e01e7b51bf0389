namespace GraphApi.Core.Analysis;

/// <summary>
/// The best introduction route from one source to every actor it can reach, as a shortest-path tree. "Best" is the
/// introduction routes' rule without decay and without a hop bound: least total cost in whole nano-nats (the
/// router's quantised −ln(strength), so equal means equal), ties broken by fewer hops, then by the
/// lexicographically smaller sequence of actor ids. A randomised test checks these routes against the router's.
/// </summary>
/// <remarks>
/// Two passes. The first is Dijkstra on the integer costs alone (<see cref="RadixHeap"/>), which fixes each node's
/// least cost whatever order ties pop in. Call an arc u→w tight when cost(u) + c = cost(w): the least-cost routes
/// are exactly the paths of tight arcs from the source. The second pass is a breadth-first search over tight arcs
/// that scans each node's arcs in actor-id order and keeps the first parent found. Breadth-first layers give the
/// fewest hops. Within a layer the queue holds nodes in the order of their routes' id sequences: by induction, a
/// node's route is its parent's route plus itself, and parents are dequeued in route order while each parent's
/// children are enqueued in id order. So the first tight parent to reach a node is the one with the smallest route,
/// which makes the tree hold the best route to every node, with no comparison of id sequences at all.
/// </remarks>
internal sealed class BestRouteTree
{
    private readonly long[] _cost;
    private readonly int[] _hops;
    private readonly int[] _parent;
    private readonly int[] _order;
    private readonly RadixHeap _queue = new();

    public BestRouteTree(int n)
    {
        _cost = new long[n];
        _hops = new int[n];
        _parent = new int[n];
        _order = new int[n];
        Array.Fill(_cost, long.MaxValue);
        Array.Fill(_hops, -1);
        Array.Fill(_parent, -1);
    }

    /// <summary>Nodes reached by the last <see cref="Grow"/>, parents before children (the source first).</summary>
    public ReadOnlySpan<int> Reached => _order.AsSpan(0, ReachedCount);

    public int ReachedCount { get; private set; }

    public int Parent(int node) => _parent[node];

    /// <summary>The route's cost in nano-nats, <see cref="long.MaxValue"/> when the node is out of reach.</summary>
    public long Cost(int node) => _cost[node];

    public int Hops(int node) => _hops[node];

    public void Grow(GatewayGraph graph, int source)
    {
        ArgumentNullException.ThrowIfNull(graph);
        Clear();
        SettleCosts(graph, source);
        ChooseRoutes(graph, source);
    }

    /// <summary>Dijkstra: each reachable node's least cost.</summary>
    private void SettleCosts(GatewayGraph graph, int source)
    {
        _queue.Reset();
        _cost[source] = 0;
        _queue.Push(0, source);
        while (_queue.Count > 0)
        {
            var v = _queue.Pop(out var cost);
            if (cost != _cost[v])
            {
                continue; // a stale entry: v was pushed again with a lower cost and is settled already
            }
            foreach (var arc in graph.Arcs(v))
            {
                var through = cost + arc.Cost;
                if (through < _cost[arc.To])
                {
                    _cost[arc.To] = through;
                    _queue.Push(through, arc.To);
                }
            }
        }
    }

    /// <summary>Breadth-first over tight arcs in actor-id order: fewest hops, then the smallest id sequence.</summary>
    private void ChooseRoutes(GatewayGraph graph, int source)
    {
        _hops[source] = 0;
        _order[0] = source;
        var count = 1;
        for (var head = 0; head < count; head++)
        {
            var v = _order[head];
            var cost = _cost[v];
            foreach (var arc in graph.Arcs(v))
            {
                var w = arc.To;
                if (_cost[w] == cost + arc.Cost && _hops[w] < 0)
                {
                    _hops[w] = _hops[v] + 1;
                    _parent[w] = v;
                    _order[count++] = w;
                }
            }
        }
        ReachedCount = count;
    }

    private void Clear()
    {
        foreach (var v in Reached)
        {
            _cost[v] = long.MaxValue;
            _hops[v] = -1;
            _parent[v] = -1;
        }
        ReachedCount = 0;
    }
}
