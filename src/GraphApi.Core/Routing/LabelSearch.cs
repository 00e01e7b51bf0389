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
internal sealed partial class LabelSearch
{
    private const int NoHops = byte.MaxValue;
    private const int CancellationCheckInterval = 4096;

    private readonly GraphSnapshot _graph;
    private readonly HopCosts _costs;
    private readonly SearchWorkspace _ws;
    private readonly int _query;
    private int _search;

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

    public void Begin()
    {
        _search = _ws.NextGeneration();
        _ws.LabelCount = 0;
        _ws.Labels.Clear();
        _blockedPairs.Clear();
        _closesForSearch = false;
        _costBound = long.MaxValue;
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

