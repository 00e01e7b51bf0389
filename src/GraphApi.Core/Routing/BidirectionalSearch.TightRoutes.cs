using GraphApi.Core.Graph;

namespace GraphApi.Core.Routing;

/// <summary>
/// Choosing among the least-cost routes once both halves have met: the tight hops (π(u) + cost = π(w)), layered
/// back from the target by <see cref="TightRoutes"/>, then the walk from the chosen source (see the class remarks).
/// </summary>
internal sealed partial class BidirectionalSearch
{
    /// <summary>π: the exact distance from the sources of an actor settled on either side, or −1.</summary>
    private long Pi(int node, long best) =>
        _ws.ForwardSettled[node] == _stamp ? _ws.ForwardDistance[node]
        : _ws.BackwardSettled[node] == _stamp ? best - _ws.BackwardDistance[node]
        : -1;

    /// <summary>The route choice among least-cost routes (<see cref="TightRoutes"/>), layered back from the target.</summary>
    private void CountTightHops(int target, long best)
    {
        TightRoutes.Layer(new TightView(this, best), target, ref _ws.TightQueue);
    }

    /// <summary>From the chosen source, the next hops <see cref="TightRoutes"/> chose, to the target.</summary>
    private RoutePath Walk(int start, long best)
    {
        var ws = _ws;
        var hops = ws.TightHops[start];
        var actors = new int[hops + 1];
        var relationships = new int[hops];
        actors[0] = start;
        for (var step = 0; step < hops; step++)
        {
            actors[step + 1] = ws.TightNext[actors[step]];
            relationships[step] = ws.TightVia[actors[step]];
        }
        return new RoutePath(actors, relationships, best, -1);
    }

    /// <summary>
    /// The query's view for <see cref="TightRoutes.Layer"/>: costs to the target are μ − π; avoided actors and
    /// blocked steps are out; from actors end a route's layering (they may start a route, never carry one); parallel
    /// ties go to the smaller relationship id.
    /// </summary>
    private ref struct TightView(BidirectionalSearch search, long best) : ITightRouteView
    {
        private readonly SearchWorkspace _ws = search._ws;
        private readonly LabelSearch _rules = search._rules;
        private ArcSpan _arcs;
        private ReadOnlySpan<uint> _baseCosts;

        public readonly bool ChoosesNextHops => true;

        // Arcs are in slot order, which is id order only for actors in the snapshot's base.
        public readonly bool ArcsInPreferenceOrder => false;

        public readonly long ToRoot(int node) => search.Pi(node, best) is var pi and >= 0 ? best - pi : -1;

        public readonly int Hops(int node) => _ws.TightStamp[node] == search._stamp ? _ws.TightHops[node] : -1;

        public readonly void Mark(int node, int hops, int reachedFrom)
        {
            _ws.TightStamp[node] = search._stamp;
            _ws.TightHops[node] = hops;
        }

        // Arcs and costs read as the two halves of the search read them (ArcCost), so both see the same costs.
        public (int First, int End) LoadArcs(int node)
        {
            _baseCosts = default;
            _arcs = search._baseCosts ? search._graph.Arcs(node, out _baseCosts) : search._graph.Arcs(node);
            return (0, _arcs.Length);
        }

        public readonly int Neighbour(int arc) => _arcs.Targets[arc];

        public readonly long Cost(int arc) => search.ArcCost(_baseCosts, _arcs, arc);

        public readonly bool Carries(int node) => !_rules.IsFrom(node);

        public readonly bool MayStep(int farther, int closer) =>
            (!_rules.IsClosed(farther) || _rules.IsFrom(farther)) && !_rules.IsStepBlocked(farther, closer);

        public readonly bool Prefers(int arc, int current) =>
            search._graph.CompareActors(Neighbour(arc), Neighbour(current)) is var order && (order < 0
            || (order == 0 && search._graph.CompareRelationships(_arcs.Relationships[arc], _arcs.Relationships[current]) < 0));

        public readonly void ChooseNext(int node, int arc)
        {
            _ws.TightNext[node] = arc < 0 ? -1 : Neighbour(arc);
            _ws.TightVia[node] = arc < 0 ? -1 : _arcs.Relationships[arc];
        }
    }
}
