using System.Runtime.CompilerServices;
using GraphApi.Core.Graph;

namespace GraphApi.Core.Routing;

/// <summary>
/// The best route to one actor by a bidirectional least-cost search, exact under the route order (cost, then
/// hops, then actor-id sequence, then relationship-id sequence) whenever the best route fits the hop budget.
/// </summary>
/// <remarks>
/// <para>Forward from every <c>from</c> actor and backward from the target, always advancing the side with the
/// smaller frontier key, until the two frontier keys add up to <em>more</em> than the best meeting cost μ found so
/// far. Costs are whole nano-nats, so "more" is exact, and the strict test keeps every tie: each actor on any
/// least-cost route is then settled on one side, with its exact distance from the sources (forward) or to the
/// target (backward).</para>
/// <para>Give each settled actor π = its forward distance, or μ − its backward distance. A hop u → w is tight
/// when π(u) + cost = π(w); any route of tight hops from a source (π = 0) to the target (π = μ) costs exactly μ,
/// and every least-cost route is made of tight hops. A breadth-first pass back from the target over tight hops
/// gives the fewest hops from each actor, and a walk forward that always takes the smallest-id next actor that is
/// one hop closer (then the smallest-id tie) gives the smallest sequence among the fewest-hop least-cost routes.</para>
/// <para>If even that route is longer than the hop budget, a cheaper-but-longer route is hiding shorter ones, and
/// the caller falls back to the exact hop-bounded label search.</para>
/// </remarks>
internal sealed partial class BidirectionalSearch
{
    private const int CancellationCheckInterval = 4096;

    private readonly GraphSnapshot _graph;
    private readonly HopCosts _costs;
    private readonly SearchWorkspace _ws;
    private readonly LabelSearch _rules;
    private int _stamp;

    public BidirectionalSearch(GraphSnapshot graph, HopCosts costs, SearchWorkspace workspace, LabelSearch rules)
    {
        _graph = graph;
        _costs = costs;
        _ws = workspace;
        _rules = rules;
    }

    /// <summary>How the search ended: the route, no route at all, or a best route longer than the budget.</summary>
    public enum Outcome
    {
        Found,
        NoRoute,
        TooLong,
    }

    /// <summary>Whether Yen's spurs or disjoint rounds will run on this search's potentials (see <see cref="Meet"/>).</summary>
    public bool ForAlternatives { get; init; }

    /// <summary>Backward frontier key when the search stopped: every actor not settled backward is at least this far from the target.</summary>
    public long BackwardFloor { get; private set; }

    /// <summary>Hands the backward half's exact distances and floor to a label search as A* potentials.</summary>
    public void LendPotentials(LabelSearch search) =>
        search.UsePotentials(_ws.BackwardSettledList.AsSpan(0, _ws.BackwardSettledCount), _ws.BackwardDistance, BackwardFloor);

    public (Outcome Outcome, RoutePath? Path) Find(IReadOnlyList<int> sources, int target, int maxHops, CancellationToken cancellationToken)
    {
        _stamp = _ws.NextGeneration();
        if (_rules.IsClosed(target))
        {
            return (Outcome.NoRoute, null);
        }
        var best = Meet(sources, target, cancellationToken);
        if (best == long.MaxValue)
        {
            return (Outcome.NoRoute, null);
        }
        CountTightHops(target, best);
        var start = -1;
        foreach (var source in sources)
        {
            if (_ws.TightStamp[source] == _stamp && (start < 0 || _ws.TightHops[source] < _ws.TightHops[start]
                || (_ws.TightHops[source] == _ws.TightHops[start] && _graph.CompareActors(source, start) < 0)))
            {
                start = source;
            }
        }
        if (start < 0)
        {
            throw new InvalidOperationException("a least-cost route was found but no source reaches it over tight hops");
        }
        return _ws.TightHops[start] > maxHops ? (Outcome.TooLong, null) : (Outcome.Found, Walk(start, best));
    }

    /// <summary>Runs both searches to the strict stopping rule and returns μ, the least route cost (long.MaxValue: none).</summary>
    private long Meet(IReadOnlyList<int> sources, int target, CancellationToken cancellationToken)
    {
        var ws = _ws;
        var forward = ws.ForwardHeap;
        var backward = ws.BackwardHeap;
        forward.Reset();
        backward.Reset();
        foreach (var source in sources)
        {
            SetForward(source, 0);
            forward.Push(0, source);
        }
        SetBackward(target, 0);
        backward.Push(0, target);
        ws.BackwardSettledCount = 0;
        _open = _rules.ClosesNothing;
        _soleSource = sources.Count == 1 ? sources[0] : -1;
        _baseCosts = _costs.IsPlain;
        _forwardPruned = 0;
        var best = long.MaxValue;
        var steps = 0;
        while (true)
        {
            var topForward = TopKey(forward, forward: true);
            var topBackward = TopKey(backward, forward: false);
            if (topForward == long.MaxValue || topBackward == long.MaxValue || topForward > best - topBackward)
            {
                BackwardFloor = topBackward;
                return best;
            }
            if (++steps % CancellationCheckInterval == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
            // Advance the side with the smaller frontier: on hub-heavy networks that meets in the middle sooner than
            // comparing keys, and the stopping rule above is exact whichever side moves. When alternatives follow,
            // the forward frontier counts the hops it pruned too, so the backward side settles as many actors as
            // before pruning and its A* potentials for Yen's spurs stay as strong; without that, k=3 at 100k / 400k
            // was 1.4x slower. A single route runs the forward side on alone, which halves the median search.
            if (forward.Count + (ForAlternatives ? _forwardPruned : 0) <= backward.Count)
            {
                best = Math.Min(best, SettleForward(forward.Pop(out _), target, best, topBackward));
            }
            else
            {
                best = Math.Min(best, SettleBackward(backward.Pop(out _)));
            }
        }
    }

    // Set by Meet for one search: whether the rules close no actor and block no step (only the from actors are
    // refused), the only from actor (−1: several), and whether hops cost their stored base cost.
    private bool _open;
    private int _soleSource;
    private bool _baseCosts;
    private int _forwardPruned;

    /// <summary>The hop's quantised cost, or −1 when the query may not use it: from the base's arc costs when they apply.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private long ArcCost(ReadOnlySpan<uint> baseCosts, ArcSpan arcs, int i)
    {
        if (!baseCosts.IsEmpty && baseCosts[i] != GraphBase.NoArcCost)
        {
            return baseCosts[i];
        }
        return _costs.QuantisedCost(arcs.Relationships[i]);
    }

    /// <summary>Whether the forward search may not step from <paramref name="u"/> into <paramref name="w"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool RefusesForward(int u, int w) =>
        _open ? (_soleSource >= 0 ? w == _soleSource : _rules.IsFrom(w))
        : _rules.IsClosed(w) || _rules.IsFrom(w) || _rules.IsStepBlocked(u, w);

    /// <summary>Whether the backward search may not step back from <paramref name="v"/> to <paramref name="u"/> (a from actor may start a route).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool RefusesBackward(int u, int v) =>
        !_open && ((_rules.IsClosed(u) && !_rules.IsFrom(u)) || _rules.IsStepBlocked(u, v));

    /// <summary>
    /// Settles <paramref name="u"/> forward and relaxes its hops; returns the best meeting cost through them.
    /// </summary>
    /// <remarks>
    /// A hop is not pushed when even the cheapest way on from its end, the backward frontier key (the end is not
    /// yet reached backward, so it is at least that far from the target), makes a route costlier than the best meeting
    /// μ' so far: <c>next + topBackward &gt; μ'</c>. No least-cost route is lost, since every actor on one has
    /// forward + backward distance = μ ≤ μ'; ties (equality) are pushed. An actor reached only over pruned hops may
    /// settle at more than its distance, but then it lies on no least-cost route and on no chain of tight hops to
    /// the target (that chain would make a route cheaper than μ), so the tight-hop choice never sees it. Only this
    /// side prunes: the backward side's settled distances must stay exact, since they are lent as A* potentials.
    /// </remarks>
    private long SettleForward(int u, int target, long bestSoFar, long topBackward)
    {
        var ws = _ws;
        ws.ForwardSettled[u] = _stamp;
        var d = ws.ForwardDistance[u];
        var best = ws.BackwardStamp[u] == _stamp ? d + ws.BackwardDistance[u] : long.MaxValue;
        if (u == target)
        {
            return best;
        }
        ReadOnlySpan<uint> baseCosts = default;
        var arcs = _baseCosts ? _graph.Arcs(u, out baseCosts) : _graph.Arcs(u);
        var targets = arcs.Targets;
        for (var i = 0; i < targets.Length; i++)
        {
            var w = targets[i];
            if (RefusesForward(u, w))
            {
                continue;
            }
            var cost = ArcCost(baseCosts, arcs, i);
            if (cost < 0)
            {
                continue;
            }
            var next = d + cost;
            if (ws.BackwardStamp[w] == _stamp)
            {
                best = Math.Min(best, next + ws.BackwardDistance[w]);
                bestSoFar = Math.Min(bestSoFar, best);
            }
            else if (next > bestSoFar - topBackward)
            {
                _forwardPruned++;
                continue;
            }
            if (ws.ForwardStamp[w] != _stamp || next < ws.ForwardDistance[w])
            {
                SetForward(w, next);
                ws.ForwardHeap.Push(next, w);
            }
        }
        return best;
    }

    private long SettleBackward(int v)
    {
        var ws = _ws;
        ws.BackwardSettled[v] = _stamp;
        if (ws.BackwardSettledCount == ws.BackwardSettledList.Length)
        {
            Array.Resize(ref ws.BackwardSettledList, ws.BackwardSettledList.Length * 2);
        }
        ws.BackwardSettledList[ws.BackwardSettledCount++] = v;
        var d = ws.BackwardDistance[v];
        var best = ws.ForwardStamp[v] == _stamp ? d + ws.ForwardDistance[v] : long.MaxValue;
        if (_rules.IsFrom(v))
        {
            return best; // a from actor may start a route but never carry one
        }
        ReadOnlySpan<uint> baseCosts = default;
        var arcs = _baseCosts ? _graph.Arcs(v, out baseCosts) : _graph.Arcs(v);
        var targets = arcs.Targets;
        for (var i = 0; i < targets.Length; i++)
        {
            var u = targets[i];
            if (RefusesBackward(u, v))
            {
                continue;
            }
            var cost = ArcCost(baseCosts, arcs, i);
            if (cost < 0)
            {
                continue;
            }
            var next = d + cost;
            if (ws.BackwardStamp[u] != _stamp || next < ws.BackwardDistance[u])
            {
                SetBackward(u, next);
                ws.BackwardHeap.Push(next, u);
            }
            if (ws.ForwardStamp[u] == _stamp)
            {
                best = Math.Min(best, next + ws.ForwardDistance[u]);
            }
        }
        return best;
    }

    /// <summary>The smallest key of a live (unsettled, current) entry, dropping stale ones; long.MaxValue when empty.</summary>
    private long TopKey(RadixHeap heap, bool forward)
    {
        var ws = _ws;
        while (heap.Count > 0)
        {
            var (key, node) = heap.Peek();
            var settled = forward ? ws.ForwardSettled[node] == _stamp : ws.BackwardSettled[node] == _stamp;
            var distance = forward ? ws.ForwardDistance[node] : ws.BackwardDistance[node];
            if (!settled && distance == key)
            {
                return key;
            }
            heap.Pop(out _);
        }
        return long.MaxValue;
    }

    private void SetForward(int node, long distance)
    {
        _ws.ForwardStamp[node] = _stamp;
        _ws.ForwardDistance[node] = distance;
    }

    private void SetBackward(int node, long distance)
    {
        _ws.BackwardStamp[node] = _stamp;
        _ws.BackwardDistance[node] = distance;
    }
}
