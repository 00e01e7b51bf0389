namespace GraphApi.Core.Routing;

/// <summary>
/// Lower bounds that let a search drop labels early without losing the best route: A* potentials lent by the
/// bidirectional search, the fewest hops to a single target (against the hop budget) and Yen's cost bound.
/// </summary>
internal sealed partial class LabelSearch
{
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
}
