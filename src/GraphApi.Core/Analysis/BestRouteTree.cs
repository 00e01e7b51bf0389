namespace GraphApi.Core.Analysis;

/// <summary>
/// The best introduction route from one source to every actor it can reach, as a shortest-path tree. "Best" is the
/// introduction routes' rule without decay and without a hop bound: least total cost in whole nano-nats (the
/// router's quantised −ln(strength), so equal means equal), ties broken by fewer hops, then by the
/// lexicographically smaller sequence of actor ids. Node indices follow ordinal id order, so comparing indices
/// compares ids; a randomised test checks these routes against the router's. The rule has optimal substructure (a best route's prefix is a best route to its end,
/// because tied prefixes have equal length), so one parent per node describes every best route.
/// </summary>
internal sealed class BestRouteTree
{
    private readonly long[] _cost;
    private readonly int[] _hops;
    private readonly int[] _parent;
    private readonly bool[] _settled;
    private readonly int[] _order;
    private readonly IndexedMinHeap _heap;

    public BestRouteTree(int n)
    {
        _cost = new long[n];
        _hops = new int[n];
        _parent = new int[n];
        _settled = new bool[n];
        _order = new int[n];
        _heap = new IndexedMinHeap(n);
        Array.Fill(_cost, long.MaxValue);
        Array.Fill(_parent, -1);
    }

    /// <summary>Nodes reached by the last <see cref="Grow"/>, in the order they were settled (the source first).</summary>
    public ReadOnlySpan<int> Reached => _order.AsSpan(0, ReachedCount);

    public int ReachedCount { get; private set; }

    public int Parent(int node) => _parent[node];

    /// <summary>The route's cost in nano-nats.</summary>
    public long Cost(int node) => _cost[node];

    public int Hops(int node) => _hops[node];

    public void Grow(SimpleGraph graph, int source)
    {
        Clear();
        _cost[source] = 0;
        _hops[source] = 0;
        _heap.Upsert(source, 0);
        while (_heap.Count > 0)
        {
            // Popping by (cost, hops) settles a zero-cost predecessor before the node it leads to.
            var v = _heap.Pop();
            _settled[v] = true;
            _order[ReachedCount++] = v;
            var neighbours = graph.Neighbours(v);
            var costs = graph.QuantisedCosts(v);
            for (var a = 0; a < neighbours.Length; a++)
            {
                var w = neighbours[a];
                if (!_settled[w] && Improves(v, _cost[v] + costs[a], w))
                {
                    _cost[w] = _cost[v] + costs[a];
                    _hops[w] = _hops[v] + 1;
                    _parent[w] = v;
                    // Costs stay far below 2^53 nano-nats, so the heap's double key holds them exactly.
                    _heap.Upsert(w, _cost[w], _hops[w]);
                }
            }
        }
    }

    /// <summary>Whether reaching <paramref name="w"/> through settled <paramref name="v"/> beats w's current route.</summary>
    private bool Improves(int v, long cost, int w)
    {
        if (_cost[w] == long.MaxValue)
        {
            return true;
        }
        if (cost != _cost[w])
        {
            return cost < _cost[w];
        }
        if (_hops[v] + 1 != _hops[w])
        {
            return _hops[v] + 1 < _hops[w];
        }
        return ComparePaths(v, _parent[w]) < 0;
    }

    /// <summary>
    /// Compares the routes to two settled nodes of equal hop count as id sequences from the source. Walking both up
    /// in step, the last difference seen before they merge is the one nearest the source, which decides.
    /// </summary>
    private int ComparePaths(int a, int b)
    {
        var decision = 0;
        while (a != b)
        {
            decision = a.CompareTo(b);
            a = _parent[a];
            b = _parent[b];
        }
        return decision;
    }

    private void Clear()
    {
        foreach (var v in Reached)
        {
            _cost[v] = long.MaxValue;
            _parent[v] = -1;
            _settled[v] = false;
        }
        ReachedCount = 0;
        _heap.Clear();
    }
}
