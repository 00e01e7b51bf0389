using GraphApi.Core.Graph;

namespace GraphApi.Core.Routing;

/// <summary>
/// Every actor's best route to any target of at most h hops, from one backward, layered search (Bellman–Ford
/// bounded by hops, relaxing only what changed in the layer before). Routes are ordered exactly as
/// <see cref="IntroductionRouter"/> orders them: quantised cost (<see cref="HopCosts"/>), then hops, then the
/// actor-id sequence, then the relationship-id sequence; they never pass through an <c>excluded</c> actor (the from actors).
/// </summary>
/// <remarks>
/// Why a layer only needs the actors changed in the layer before: the best route of at most k hops from u either
/// has at most k−1 hops (kept from the last layer) or is one hop u→v followed by v's best of at most k−1 hops, and
/// that second part only differs from last layer's candidates where v's best changed. The best of order (cost,
/// hops, sequence) over walks is always a loopless route: hop costs are never negative, so cutting a loop out of a
/// walk costs no more and leaves fewer hops. Two candidates of equal cost and hops through different next actors
/// differ first at that actor, and through the same next actor share its (unique) suffix, so the key
/// (cost, hops, next actor id, relationship id) settles every tie as the full sequence order would.
/// </remarks>
internal sealed class HopBoundedCosts
{
    public const long Unreachable = long.MaxValue;

    private readonly GraphSnapshot _graph;
    private readonly HopCosts _costs;
    private readonly bool[] _excluded;
    private readonly long _bound;

    // The current best (of at most the layers run so far) per actor, and the history of every change: a change at
    // layer k is the best route of exactly k hops, kept so routes can be read back through earlier layers.
    private readonly long[] _best;
    private readonly int[] _head;
    private readonly List<Change> _changes = [];

    private readonly long[] _pendingCost;
    private readonly int[] _pendingNext;
    private readonly int[] _pendingRelationship;
    private readonly int[] _pendingStamp;

    private HopBoundedCosts(GraphSnapshot graph, HopCosts costs, bool[] excluded, long bound, BestNextTieScratch scratch)
    {
        _bound = bound;
        _graph = graph;
        _costs = costs;
        _excluded = excluded;
        _best = scratch.Best;
        _head = scratch.Head;
        _pendingCost = scratch.PendingCost;
        _pendingNext = scratch.PendingNext;
        _pendingRelationship = scratch.PendingRelationship;
        _pendingStamp = scratch.PendingStamp;
    }

    /// <summary>
    /// Runs the search: afterwards <see cref="BestCost"/> holds every actor's best cost with at most
    /// <paramref name="hops"/> hops where that cost is below <paramref name="bound"/>, and <see cref="Unreachable"/>
    /// elsewhere (a route costing the bound or more is never looked at, which keeps the search as small as the
    /// question: only routes cheaper than the bound can matter to the caller).
    /// </summary>
    public static HopBoundedCosts Run(GraphSnapshot graph, HopCosts costs, IReadOnlyList<int> targets, bool[] excluded, int hops,
        long bound, BestNextTieScratch scratch, CancellationToken cancellationToken)
    {
        var search = new HopBoundedCosts(graph, costs, excluded, bound, scratch);
        var frontier = new List<int>(targets.Count);
        foreach (var target in targets)
        {
            if (bound <= 0)
            {
                break;
            }
            search._best[target] = 0;
            search._head[target] = search.Record(new Change(0, -1, -1, 0, -1));
            frontier.Add(target);
        }
        for (var layer = 1; layer <= hops && frontier.Count > 0; layer++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            frontier = search.Relax(frontier, layer);
        }
        return search;
    }

    /// <summary>The actor's best cost to a target (quantised), or <see cref="Unreachable"/>.</summary>
    public long BestCost(int actor) => _best[actor];

    /// <summary>Hops of the actor's best route (only when reachable).</summary>
    public int BestHops(int actor) => _changes[_head[actor]].Hops;

    /// <summary>The actor's best route to a target as actor and relationship slots (the actor first).</summary>
    public (int[] Actors, int[] Relationships) Chain(int actor)
    {
        var change = _changes[_head[actor]];
        var actors = new int[change.Hops + 1];
        var relationships = new int[change.Hops];
        actors[0] = actor;
        for (var i = 0; i < relationships.Length; i++)
        {
            relationships[i] = change.Relationship;
            actors[i + 1] = change.Next;
            change = ChangeWithHops(change.Next, change.Hops - 1);
        }
        return (actors, relationships);
    }

    private Change ChangeWithHops(int actor, int hops)
    {
        for (var index = _head[actor]; index >= 0; index = _changes[index].Previous)
        {
            if (_changes[index].Hops == hops)
            {
                return _changes[index];
            }
        }
        throw new InvalidOperationException($"no best route of {hops} hops recorded at actor slot {actor}");
    }

    private List<int> Relax(List<int> frontier, int layer)
    {
        var changed = new List<int>();
        foreach (var v in frontier)
        {
            var reachedCost = _best[v];
            var arcs = _graph.Arcs(v);
            for (var i = 0; i < arcs.Length; i++)
            {
                var u = arcs.Targets[i];
                if (_excluded[u])
                {
                    continue;
                }
                var hopCost = _costs.QuantisedCost(arcs.Relationships[i]);
                if (hopCost < 0)
                {
                    continue;
                }
                // Equal cost with one more hop never beats what u already has.
                var cost = reachedCost + hopCost;
                if (cost < _best[u] && cost < _bound)
                {
                    Offer(u, v, arcs.Relationships[i], cost, layer, changed);
                }
            }
        }
        foreach (var u in changed)
        {
            _best[u] = _pendingCost[u];
            _head[u] = Record(new Change(_pendingCost[u], _pendingNext[u], _pendingRelationship[u], (byte)layer, _head[u]));
        }
        return changed;
    }

    private void Offer(int u, int next, int relationship, long cost, int layer, List<int> changed)
    {
        if (_pendingStamp[u] == layer)
        {
            var c = cost.CompareTo(_pendingCost[u]);
            if (c == 0)
            {
                c = _graph.CompareActors(next, _pendingNext[u]);
            }
            if (c == 0)
            {
                c = _graph.CompareRelationships(relationship, _pendingRelationship[u]);
            }
            if (c >= 0)
            {
                return;
            }
        }
        else
        {
            _pendingStamp[u] = layer;
            changed.Add(u);
        }
        _pendingCost[u] = cost;
        _pendingNext[u] = next;
        _pendingRelationship[u] = relationship;
    }

    private int Record(Change change)
    {
        _changes.Add(change);
        return _changes.Count - 1;
    }

    private readonly record struct Change(long Cost, int Next, int Relationship, byte Hops, int Previous);
}
