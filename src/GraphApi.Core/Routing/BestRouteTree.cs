using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace GraphApi.Core.Routing;

/// <summary>
/// The best introduction route from one source to every node it can reach, as a tree: the engine under gateways
/// (<see cref="Grow"/>) and weighted betweenness (<see cref="SettleCosts"/>). "Best" is the introduction routes'
/// rule (README "Introduction routes"; <see cref="IntroductionRouter"/>) without decay or filters and without a hop
/// bound: least total cost in whole nano-nats (<see cref="HopCosts.Quantise"/>, so equal means equal), then fewer
/// hops, then the lexicographically smaller sequence of actor ids. Randomised tests check these routes against the
/// brute-force reference and against the router's.
/// </summary>
/// <remarks>
/// Two passes. The first is Dijkstra on the integer costs alone (<see cref="RadixHeap"/>), which fixes each node's
/// least cost whatever order ties pop in. Call an arc u→w tight when cost(u) + c = cost(w): the least-cost routes
/// are exactly the paths of tight arcs from the source. The second pass is a breadth-first search over tight arcs
/// that scans each node's arcs in node order and keeps the first parent found. Breadth-first layers give the
/// fewest hops. Within a layer the queue holds nodes in the order of their routes' id sequences: by induction, a
/// node's route is its parent's route plus itself, and parents are dequeued in route order while each parent's
/// children are enqueued in id order. So the first tight parent to reach a node is the one with the smallest route,
/// which makes the tree hold the best route to every node, with no comparison of id sequences at all (nodes must be
/// numbered in actor-id order for this; <see cref="CostGraph"/>).
/// </remarks>
internal sealed class BestRouteTree
{
    private readonly long[] _cost;
    private readonly int[] _hops;
    private readonly int[] _parent;
    private readonly int[] _settled;
    private readonly int[] _reached;
    private readonly BucketQueue _queue = new();
    // Per settled node, the heads of its arcs that improved and of those tight into it (sized by the largest degree seen).
    private int[] _improved = [];
    private int[] _tight = [];

    public BestRouteTree(int n)
    {
        _cost = new long[n];
        _hops = new int[n];
        _parent = new int[n];
        _settled = new int[n];
        _reached = new int[n];
        Array.Fill(_cost, long.MaxValue);
        Array.Fill(_hops, -1);
        Array.Fill(_parent, -1);
    }

    /// <summary>Nodes in the order <see cref="SettleCosts"/> settled them: by cost, equal costs in no particular order.</summary>
    public ReadOnlySpan<int> Settled => _settled.AsSpan(0, SettledCount);

    public int SettledCount { get; private set; }

    /// <summary>Nodes reached by the last <see cref="Grow"/> or <see cref="GrowToward"/>, parents before children (the root first).</summary>
    public ReadOnlySpan<int> Reached => _reached.AsSpan(0, ReachedCount);

    public int ReachedCount { get; private set; }

    /// <summary>Every node's least cost from the last source, <see cref="long.MaxValue"/> when out of reach (read-only for callers).</summary>
    public long[] Costs => _cost;

    /// <summary>
    /// The node's parent in the last tree: after <see cref="Grow"/> the node before it on its route from the source,
    /// after <see cref="GrowToward"/> the next node on its route to the target; −1 for the root and unreached nodes.
    /// </summary>
    public int Parent(int node) => _parent[node];

    /// <summary>The route's cost in nano-nats, <see cref="long.MaxValue"/> when the node is out of reach.</summary>
    public long Cost(int node) => _cost[node];

    public int Hops(int node) => _hops[node];

    /// <summary>The best route from <paramref name="source"/> to every node: costs, then parents and hops.</summary>
    public void Grow(CostGraph graph, int source)
    {
        SettleCosts(graph, source);
        ChooseRoutes(graph, source, towardRoot: false);
    }

    /// <summary>
    /// The best route from every node to <paramref name="target"/> at once, as an in-tree: <see cref="Parent"/> is
    /// each node's next hop, <see cref="Cost"/> and <see cref="Hops"/> its route's cost and length. Routes are
    /// undirected, so the least costs are the target's own; among the least-cost routes with the fewest hops, a
    /// node's best route goes to the smallest-id neighbour one hop closer over a tight arc, because all those
    /// routes are equally long and the id sequence is compared from the node's own end.
    /// </summary>
    public void GrowToward(CostGraph graph, int target)
    {
        SettleCosts(graph, target);
        ChooseRoutes(graph, target, towardRoot: true);
    }

    /// <summary>Dijkstra: each reachable node's least cost, and the order the nodes were settled in (no routes chosen).</summary>
    public void SettleCosts(CostGraph graph, int source)
    {
        var none = default(NoObserver);
        SettleCosts(graph, source, ref none);
    }

    /// <summary>
    /// <see cref="SettleCosts(CostGraph, int)"/>, telling <paramref name="observer"/> of each node as it is settled
    /// and then of each tight arc into it (weighted betweenness counts paths that way). A struct observer, so the
    /// calls are compiled in place, and an observer that does not watch tight arcs costs nothing.
    /// </summary>
    public void SettleCosts<TObserver>(CostGraph graph, int source, ref TObserver observer)
        where TObserver : struct, ISettleObserver
    {
        ArgumentNullException.ThrowIfNull(graph);
        Clear();
        var offsets = graph.Offsets;
        var neighbours = graph.Neighbours;
        var costs = graph.Costs;
        // Unchecked element references: w comes from the graph, and the bounds checks show in this hot loop.
        ref var best = ref MemoryMarshal.GetArrayDataReference(_cost);
        var count = 0;
        _queue.Reset(graph.MaxCost, _cost);
        _cost[source] = 0;
        _queue.Push(0, source);
        while (_queue.TryPop(out var v, out var cost))
        {
            // Stale: v was pushed again with a lower cost. A node is pushed only on a strict improvement, so
            // exactly one entry per reached node is live and each is settled once.
            if (cost != Unsafe.Add(ref best, v))
            {
                continue;
            }
            _settled[count++] = v;
            observer.Settled(v, cost);
            var (first, last) = (offsets[v], offsets[v + 1]);
            EnsureArcLists(last - first);
            ref var improved = ref MemoryMarshal.GetArrayDataReference(_improved);
            ref var tight = ref MemoryMarshal.GetArrayDataReference(_tight);
            // Branch-free: whether an arc improves or is tight is a coin toss the branch predictor loses, so every
            // arc writes its head to both lists and only the arcs that qualify advance them; the queue and the
            // observer then see each list's arcs in arc order.
            int improvements = 0, tights = 0;
            for (var a = first; a < last; a++)
            {
                var w = neighbours[a];
                var step = costs[a];
                ref var known = ref Unsafe.Add(ref best, w);
                var before = known;
                var through = cost + step;
                var better = through < before ? 1 : 0;
                // The lesser of the two without a branch (a conditional move would do, but the JIT emits a jump).
                known = before ^ ((through ^ before) & -(long)better);
                Unsafe.Add(ref improved, improvements) = w;
                improvements += better;
                if (TObserver.WatchesTightArcs)
                {
                    // Tight into v: every node cheaper than v is settled, so w is final unless the step is free.
                    Unsafe.Add(ref tight, tights) = w;
                    tights += before == cost - step ? 1 : 0;
                }
            }
            for (var i = 0; i < improvements; i++)
            {
                var w = _improved[i];
                _queue.Push(Unsafe.Add(ref best, w), w);
            }
            for (var i = 0; i < tights; i++)
            {
                observer.TightArc(_tight[i], v);
            }
        }
        SettledCount = count;
    }

    private void EnsureArcLists(int degree)
    {
        if (_improved.Length < degree)
        {
            _improved = new int[degree];
            _tight = new int[degree];
        }
    }

    /// <summary>
    /// The route choice among least-cost routes (<see cref="TightRoutes"/>), with the tree's arrays as its view.
    /// Outward (<see cref="Grow"/>), a node's parent is the first tight parent to reach it, the one with the
    /// smallest route (see the remarks). Toward the root (<see cref="GrowToward"/>), its next hop is the
    /// smallest-id neighbour one layer closer over a tight arc, the rule the router uses.
    /// </summary>
    private void ChooseRoutes(CostGraph graph, int root, bool towardRoot)
    {
        var reached = _reached;
        ReachedCount = TightRoutes.Layer(new TreeView(this, graph, towardRoot), root, ref reached);
    }

    /// <summary>The tree's view for <see cref="TightRoutes.Layer"/>: every arc usable, nodes in actor-id order.</summary>
    private readonly struct TreeView(BestRouteTree tree, CostGraph graph, bool towardRoot) : ITightRouteView
    {
        // The arrays themselves, not the objects holding them: a copy of the view lives in registers in the layering
        // loop, while fields read through the objects are reloaded (and bounds-checked anew) at every arc.
        private readonly long[] _cost = tree._cost;
        private readonly int[] _hops = tree._hops;
        private readonly int[] _parent = tree._parent;
        private readonly int[] _offsets = graph.Offsets;
        private readonly int[] _neighbours = graph.Neighbours;
        private readonly long[] _arcCosts = graph.Costs;

        public bool ChoosesNextHops => towardRoot;

        // Neighbours are in ascending node order, which is actor-id order here.
        public bool ArcsInPreferenceOrder => true;

        public long ToRoot(int node) => _cost[node];

        public int Hops(int node) => _hops[node];

        public void Mark(int node, int hops, int reachedFrom)
        {
            _hops[node] = hops;
            _parent[node] = towardRoot ? -1 : reachedFrom;
        }

        // Arc numbers are the graph's own, so no offset is added at every arc.
        public (int First, int End) LoadArcs(int node) => (_offsets[node], _offsets[node + 1]);

        public int Neighbour(int arc) => _neighbours[arc];

        public long Cost(int arc) => _arcCosts[arc];

        public bool Carries(int node) => true;

        public bool MayStep(int farther, int closer) => true;

        public bool Prefers(int arc, int current) => Neighbour(arc) < Neighbour(current);

        public void ChooseNext(int node, int arc) => _parent[node] = arc < 0 ? -1 : Neighbour(arc);
    }

    /// <summary>Undoes the last search: costs of the nodes it settled, hops and parents of those its routes reached (none after <see cref="SettleCosts"/> alone).</summary>
    private void Clear()
    {
        foreach (var v in Settled)
        {
            _cost[v] = long.MaxValue;
        }
        foreach (var v in Reached)
        {
            _hops[v] = -1;
            _parent[v] = -1;
        }
        SettledCount = 0;
        ReachedCount = 0;
    }
}

/// <summary>What a <see cref="BestRouteTree"/> search reports as it goes (see <see cref="BestRouteTree.SettleCosts{TObserver}"/>).</summary>
internal interface ISettleObserver
{
    /// <summary>Whether the search calls <see cref="TightArc"/>: a constant per observer type, so the test compiles away when false.</summary>
    static abstract bool WatchesTightArcs { get; }

    /// <summary>The node's least cost is final; it is settled before any node of higher cost, and its tight arcs follow.</summary>
    void Settled(int node, long cost);

    /// <summary>
    /// An arc into the node just settled is tight: cost(<paramref name="from"/>) + c = cost(<paramref name="node"/>).
    /// <paramref name="from"/> is settled already unless c is zero, when it may still be queued at the same cost.
    /// </summary>
    void TightArc(int from, int node);
}

internal struct NoObserver : ISettleObserver
{
    public static bool WatchesTightArcs => false;

    public readonly void Settled(int node, long cost)
    {
    }

    public readonly void TightArc(int from, int node)
    {
    }
}
