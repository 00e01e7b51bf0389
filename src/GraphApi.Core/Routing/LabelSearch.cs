using GraphApi.Core.Graph;

namespace GraphApi.Core.Routing;

/// <summary>
/// Hop-bounded least-cost search on the CSR snapshot. Labels are partial routes ordered by (cost, hops, actor-id
/// sequence, relationship-id sequence); the heap pops them in that order, so the first label popped at a target
/// is the best route to it. An actor may be settled more than once, but only by labels with strictly fewer hops
/// than its earlier ones (a costlier label is only worth keeping if it leaves more of the hop budget): that keeps
/// the search exact under <c>maxHops</c> even when the cheapest unbounded route is too long, and makes every
/// route loopless, because a label never re-enters an actor already on its own chain.
/// </summary>
internal sealed class LabelSearch
{
    private const int NoHops = byte.MaxValue;
    private const int CancellationCheckInterval = 4096;

    private readonly GraphSnapshot _graph;
    private readonly HopCosts _costs;
    private readonly SearchWorkspace _ws;
    private readonly List<(int From, int To)> _blockedPairs = [];
    private readonly int _query;
    private int _search;
    private bool _usePotentials;

    // Actors without a potential of their own get this lower bound; long.MaxValue means "cannot reach the target".
    private long _potentialFloor = long.MaxValue;

    // Single target: fewest hops to it from each actor (see CountHopsToTarget), and the running search's budget.
    // The walk's reach: past about a thousand actors the exact counts it adds prune fewer labels than the walk costs
    // (at 100k / 400k, label pops plus walk steps over the peer pairs: 83k at 16,384, 21k at 1,024, 19k at 256 for
    // k=1; 287k, 77k and 78k for k=3), since the A* potentials and Yen's bound already keep the searches narrow.
    public const int DefaultHopBoundReach = 1_024;
    private readonly int _hopBoundReach;
    private bool _hopBoundsReady;
    private int _hopFloor;
    private int _hopBudget;

    // The running search keeps only labels whose cost plus potential is at most this (Yen's bound; see LimitCost).
    private long _costBound = long.MaxValue;

    // The target: one actor, or any actor the predicate accepts (memoised per query, evaluated lazily on pop).
    private readonly int _targetActor;
    private readonly Func<Domain.Actor, bool>? _targetPredicate;

    /// <param name="hopBoundReach">How many actors the fewest-hops walk back from a single target may reach before it stops (see <see cref="CountHopsToTarget"/>).</param>
    public LabelSearch(GraphSnapshot graph, HopCosts costs, SearchWorkspace workspace, int targetActor, Func<Domain.Actor, bool>? targetPredicate,
        int hopBoundReach = DefaultHopBoundReach)
    {
        _hopBoundReach = hopBoundReach;
        _graph = graph;
        _costs = costs;
        _ws = workspace;
        workspace.Order.Graph = graph;
        _query = workspace.NextGeneration();
        // A fresh search generation, so no stale Yen root or pair marks apply before the first Begin().
        _search = workspace.NextGeneration();
        _targetActor = targetActor;
        _targetPredicate = targetPredicate;
    }

    public GraphSnapshot Graph => _graph;

    /// <summary>Whether routes end at one given actor (not at any actor matching a filter).</summary>
    public bool HasSingleTarget => _targetPredicate is null;

    /// <summary>A caller's own actor: a route may start there but never pass through or end there.</summary>
    public void MarkFrom(int actor) => _ws.FromStamp[actor] = _query;

    public bool IsFrom(int actor) => _ws.FromStamp[actor] == _query;

    /// <summary>Whether the current search may not enter the actor: avoided, a broker of an earlier disjoint route, or on Yen's root path.</summary>
    public bool IsClosed(int actor) => _ws.BlockedStamp[actor] == _query || _ws.RootStamp[actor] == _search;

    /// <summary>
    /// Whether the current search may enter every actor but the from actors and take every step: nothing avoided,
    /// no broker of an earlier disjoint route, no Yen root path or blocked pair. Searches skip the per-arc
    /// <see cref="IsClosed"/> and <see cref="IsStepBlocked"/> tests then.
    /// </summary>
    public bool ClosesNothing => !_closesForQuery && !_closesForSearch;

    // Whether BlockForQuery was called in this query, and BlockForSearch or BlockPair since the last Begin.
    private bool _closesForQuery;
    private bool _closesForSearch;

    /// <summary>Whether the current search may not step from <paramref name="from"/> straight to <paramref name="to"/>.</summary>
    public bool IsStepBlocked(int from, int to) => _ws.PairStamp[from] == _search && IsPairBlocked(from, to);

    /// <summary>Never entered by any search of this query (avoided actors, brokers of earlier disjoint routes).</summary>
    public void BlockForQuery(int actor)
    {
        _ws.BlockedStamp[actor] = _query;
        _closesForQuery = true;
    }

    /// <summary>Stops the actor counting as a target for the rest of the query (it may still be passed through).</summary>
    public void ExcludeTarget(int actor) => _ws.ExcludedTargetStamp[actor] = _query;

    public void Begin()
    {
        _search = _ws.NextGeneration();
        _ws.LabelCount = 0;
        _ws.Labels.Clear();
        _blockedPairs.Clear();
        _closesForSearch = false;
        _costBound = long.MaxValue;
    }

    /// <summary>
    /// The current search may drop every route costing more than <paramref name="bound"/>: with the potentials a
    /// lower bound on the cost still to go, a label whose cost plus potential exceeds it cannot end in such a route.
    /// Routes costing exactly the bound are kept, so ties are still settled by hops and ids.
    /// </summary>
    public void LimitCost(long bound) => _costBound = bound;

    /// <summary>Not entered by the current search (Yen's root path).</summary>
    public void BlockForSearch(int actor)
    {
        _ws.RootStamp[actor] = _search;
        _closesForSearch = true;
    }

    /// <summary>The current search may not step from <paramref name="from"/> straight to <paramref name="to"/> over any relationship.</summary>
    public void BlockPair(int from, int to)
    {
        _ws.PairStamp[from] = _search;
        _blockedPairs.Add((from, to));
        _closesForSearch = true;
    }

    public void AddSource(int actor)
    {
        if (_usePotentials && _ws.PotentialStamp[actor] != _query && _potentialFloor == long.MaxValue)
        {
            return;
        }
        if (Potential(actor) > _costBound)
        {
            return;
        }
        var label = _ws.AddLabel(actor, -1, -1, 0, 0);
        Touch(actor);
        _ws.BestPushed[actor] = label;
        _ws.Labels.Enqueue(label, new LabelKey(Potential(actor), 0, label));
    }

    /// <summary>
    /// A* from what a bidirectional search already knows: the exact cost to the target of every actor its backward
    /// half settled, and for every other actor the backward frontier key, which no unsettled actor can beat. That
    /// is a consistent lower bound (see <see cref="BidirectionalSearch"/>) at no extra search. Later searches of
    /// the query (Yen's spurs, disjoint rounds) block actors and ties, which can only raise the cost still to go, so
    /// it stays a lower bound for all of them.
    /// </summary>
    public void UsePotentials(ReadOnlySpan<int> settled, long[] distances, long floor)
    {
        if (_targetPredicate is not null || _usePotentials)
        {
            return;
        }
        foreach (var actor in settled)
        {
            _ws.Potential[actor] = distances[actor];
            _ws.PotentialStamp[actor] = _query;
        }
        _potentialFloor = floor;
        _usePotentials = true;
    }

    /// <summary>
    /// Fewest hops to the single target: breadth-first back from it over the ties the query may use, never through
    /// an avoided or a from actor, layer by layer until a layer ends past the reach given to the constructor. Actors
    /// it reached get their exact count, the others the next layer's number (they are at least that far; when the
    /// walk ran out, unreachable), so it is a lower bound that prunes, in every later search of the query, each
    /// label that could not reach the target within its hop budget. Yen's blocks only raise it.
    /// </summary>
    private void CountHopsToTarget(CancellationToken cancellationToken)
    {
        var ws = _ws;
        var queue = ws.TightQueue;
        int head = 0, tail = 0;
        ws.HopBoundStamp[_targetActor] = _query;
        ws.HopBound[_targetActor] = 0;
        queue[tail++] = _targetActor;
        _hopFloor = NoHops;
        while (head < tail)
        {
            var v = queue[head++];
            if (tail > _hopBoundReach && head >= 2 && ws.HopBound[v] > ws.HopBound[queue[head - 2]])
            {
                // Layer HopBound[v] is all stamped (found while expanding the layer before); the rest are farther.
                _hopFloor = ws.HopBound[v] + 1;
                break;
            }
            if ((head & 4095) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
            if (v != _targetActor && ws.FromStamp[v] == _query)
            {
                continue; // a from actor only starts routes
            }
            var arcs = _graph.Arcs(v);
            for (var i = 0; i < arcs.Length; i++)
            {
                var u = arcs.Targets[i];
                // With no filter every tie is usable, so its cost need not be read.
                if (ws.HopBoundStamp[u] == _query || (ws.BlockedStamp[u] == _query && ws.FromStamp[u] != _query)
                    || (!_costs.IsPlain && _costs.QuantisedCost(arcs.Relationships[i]) < 0))
                {
                    continue;
                }
                ws.HopBoundStamp[u] = _query;
                ws.HopBound[u] = ws.HopBound[v] + 1;
                if (tail == queue.Length)
                {
                    Array.Resize(ref ws.TightQueue, queue.Length * 2);
                    queue = ws.TightQueue;
                }
                queue[tail++] = u;
            }
        }
        _hopBoundsReady = true;
    }

    private long Potential(int actor) =>
        !_usePotentials ? 0 : _ws.PotentialStamp[actor] == _query ? _ws.Potential[actor] : _potentialFloor;

    public bool IsTarget(int actor)
    {
        if (_ws.FromStamp[actor] == _query || _ws.ExcludedTargetStamp[actor] == _query)
        {
            return false;
        }
        if (_targetPredicate is null)
        {
            return actor == _targetActor;
        }
        if (_ws.TargetMemoStamp[actor] != _query)
        {
            _ws.TargetMemoStamp[actor] = _query;
            _ws.TargetMemo[actor] = _targetPredicate(_graph.ActorAt(actor));
        }
        return _ws.TargetMemo[actor];
    }

    /// <summary>
    /// Runs the search until <paramref name="wanted"/> distinct targets are reached or nothing is left, adding the
    /// label of the best route to each, best first, to <paramref name="found"/>.
    /// </summary>
    /// <param name="hopBudget">Most hops a label may have.</param>
    /// <param name="sourceMayEnd">Whether a source that is itself a target counts as a route of zero hops (Yen's spur at a target).</param>
    public void Run(int hopBudget, int wanted, bool sourceMayEnd, List<int> found, CancellationToken cancellationToken)
    {
        var ws = _ws;
        if (_targetPredicate is null && !_hopBoundsReady)
        {
            CountHopsToTarget(cancellationToken);
        }
        _hopBudget = hopBudget;
        var pops = 0;
        while (ws.Labels.TryDequeue(out var label, out _))
        {
            if (++pops % CancellationCheckInterval == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
            var v = ws.LabelNode[label];
            int hops = ws.LabelHops[label];
            if (ws.MinSettledHops[v] <= hops)
            {
                continue;
            }
            ws.MinSettledHops[v] = (byte)hops;
            if ((hops > 0 || sourceMayEnd) && ws.CollectedStamp[v] != _search && IsTarget(v))
            {
                ws.CollectedStamp[v] = _search;
                found.Add(label);
                if (found.Count >= wanted)
                {
                    return;
                }
            }
            if (hops < hopBudget)
            {
                Expand(label, v, hops);
            }
        }
    }

    private void Expand(int label, int v, int hops)
    {
        var ws = _ws;
        var checkPairs = ws.PairStamp[v] == _search;
        var nextHops = hops + 1;
        var cost = ws.LabelCost[label];
        ReadOnlySpan<uint> baseCosts = default;
        var arcs = _costs.IsPlain ? _graph.Arcs(v, out baseCosts) : _graph.Arcs(v);
        for (var arc = 0; arc < arcs.Length; arc++)
        {
            var w = arcs.Targets[arc];
            if (ws.BlockedStamp[w] == _query || ws.FromStamp[w] == _query || ws.RootStamp[w] == _search)
            {
                continue;
            }
            var seen = ws.NodeStamp[w] == _search;
            if (seen && ws.MinSettledHops[w] <= nextHops)
            {
                continue;
            }
            if (checkPairs && IsPairBlocked(v, w))
            {
                continue;
            }
            var relationship = arcs.Relationships[arc];
            // The base's arc costs when they apply: read in arc order, not looked up by relationship.
            var hopCost = !baseCosts.IsEmpty && baseCosts[arc] != GraphBase.NoArcCost ? baseCosts[arc] : _costs.QuantisedCost(relationship);
            if (hopCost < 0)
            {
                continue;
            }
            Offer(w, label, relationship, nextHops, cost + hopCost, seen);
        }
    }

    /// <summary>Pushes the label unless the best label already pushed to <paramref name="w"/> is at least as good on every count.</summary>
    private void Offer(int w, int pred, int relationship, int hops, long cost, bool seen)
    {
        var ws = _ws;
        // A label that cannot reach the single target within the hop budget is never worth keeping.
        if (_hopBoundsReady && hops + (ws.HopBoundStamp[w] == _query ? ws.HopBound[w] : _hopFloor) > _hopBudget)
        {
            return;
        }
        if (_usePotentials && ws.PotentialStamp[w] != _query && _potentialFloor == long.MaxValue)
        {
            return;
        }
        var key = cost + Potential(w);
        if (key > _costBound)
        {
            return;
        }
        if (!seen)
        {
            Touch(w);
        }
        var best = ws.BestPushed[w];
        var tie = false;
        if (best >= 0 && ws.LabelCost[best] <= cost && ws.LabelHops[best] <= hops)
        {
            if (ws.LabelCost[best] < cost || ws.LabelHops[best] < hops)
            {
                return;
            }
            tie = true;
        }
        var label = ws.AddLabel(w, pred, relationship, hops, cost);
        if (tie && ws.Order.CompareSequences(best, label) <= 0)
        {
            ws.LabelCount--;
            return;
        }
        ws.Labels.Enqueue(label, new LabelKey(key, hops, label));
        if (best < 0 || ws.Order.Compare(label, best) < 0)
        {
            ws.BestPushed[w] = label;
        }
    }

    private void Touch(int actor)
    {
        _ws.NodeStamp[actor] = _search;
        _ws.MinSettledHops[actor] = NoHops;
        _ws.BestPushed[actor] = -1;
    }

    private bool IsPairBlocked(int from, int to)
    {
        foreach (var (f, t) in _blockedPairs)
        {
            if (f == from && t == to)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The actors and relationships of a found label, from its source.</summary>
    public (int[] Actors, int[] Relationships) Chain(int label)
    {
        int hops = _ws.LabelHops[label];
        var actors = new int[hops + 1];
        var relationships = new int[hops];
        for (var i = hops; i >= 0; i--)
        {
            actors[i] = _ws.LabelNode[label];
            if (i > 0)
            {
                relationships[i - 1] = _ws.LabelRelationship[label];
            }
            label = _ws.LabelPred[label];
        }
        return (actors, relationships);
    }

    public long CostOf(int label) => _ws.LabelCost[label];
}

