namespace GraphApi.Core.Routing;

/// <summary>
/// The route rule's choice among least-cost routes, once every actor's least cost to the root is known: the one
/// implementation that <see cref="BestRouteTree"/> (gateways) and <see cref="BidirectionalSearch"/> (introduction
/// routes) both use. Call an arc u→v toward the root tight when cost(u) = cost(v) + c(u, v): the least-cost routes
/// are exactly the paths of tight arcs. A breadth-first pass from the root over tight arcs gives every actor its
/// fewest hops among least-cost routes (its layer), and each actor's next hop is the neighbour one layer closer over
/// a tight arc that the view prefers (the smallest actor id, then the smallest relationship id). Following next hops
/// from any actor then spells its best route under the documented order: least cost, fewer hops, then the smaller
/// id sequence compared from the actor's own end, because all candidates left at each step are equally long and
/// equally costly.
/// </summary>
internal static class TightRoutes
{
    /// <summary>
    /// Layers every actor that reaches <paramref name="root"/> over tight arcs, in breadth-first order into
    /// <paramref name="queue"/> (grown when full), and tells the view each one's next hop when it
    /// <see cref="ITightRouteView.ChoosesNextHops"/>. Returns how many actors were layered, the root included.
    /// </summary>
    /// <remarks>The view comes by value so the JIT can keep its fields in registers in this loop (by reference they are reloaded at every arc).</remarks>
    public static int Layer<TView>(TView view, int root, ref int[] queue)
        where TView : ITightRouteView, allows ref struct
    {
        // A local copy of the queue: through the reference it would be reloaded at every enqueue.
        var layered = queue;
        view.Mark(root, 0, -1);
        layered[0] = root;
        var count = 1;
        for (var head = 0; head < count; head++)
        {
            var v = layered[head];
            var toRoot = view.ToRoot(v);
            var hops = view.Hops(v);
            var carries = view.Carries(v);
            var chooseNext = view.ChoosesNextHops && v != root;
            var next = -1;
            var (firstArc, endArc) = view.LoadArcs(v);
            for (var arc = firstArc; arc < endArc; arc++)
            {
                var w = view.Neighbour(arc);
                var layer = view.Hops(w);
                if (layer < 0)
                {
                    if (carries && view.Cost(arc) is var cost and >= 0 && view.ToRoot(w) == toRoot + cost && view.MayStep(w, v))
                    {
                        view.Mark(w, hops + 1, v);
                        if (count == layered.Length)
                        {
                            layered = Doubled(layered);
                        }
                        layered[count++] = w;
                    }
                }
                // Every actor one layer closer is already marked when v is dequeued, so this sees all candidates.
                else if (chooseNext && layer == hops - 1 && (next < 0 || !view.ArcsInPreferenceOrder)
                    && view.Cost(arc) is var cost and >= 0 && view.ToRoot(w) + cost == toRoot && view.Carries(w) && view.MayStep(v, w)
                    && (next < 0 || view.Prefers(arc, next)))
                {
                    next = arc;
                }
            }
            if (chooseNext)
            {
                view.ChooseNext(v, next);
            }
        }
        queue = layered;
        return count;
    }

    // Not Array.Resize(ref …): taking the local's address would keep it out of a register for the whole loop.
    private static int[] Doubled(int[] queue)
    {
        var larger = new int[queue.Length * 2];
        queue.CopyTo(larger, 0);
        return larger;
    }
}

/// <summary>One search's view of the graph for <see cref="TightRoutes.Layer"/>: costs to the root, marks and arcs.</summary>
internal interface ITightRouteView
{
    /// <summary>Whether <see cref="TightRoutes.Layer"/> should find each layered actor's next hop (an in-tree), or only layer them.</summary>
    bool ChoosesNextHops { get; }

    /// <summary>Whether each node's arcs come in the order <see cref="Prefers"/> ranks them, so the first candidate found is the next hop.</summary>
    bool ArcsInPreferenceOrder { get; }

    /// <summary>The node's exact least cost to the root when the search settled it, otherwise −1.</summary>
    long ToRoot(int node);

    /// <summary>The node's layer (fewest tight hops to the root), −1 while unmarked.</summary>
    int Hops(int node);

    /// <summary>Marks the node with its layer; <paramref name="reachedFrom"/> is the node one layer closer that found it first (−1 for the root).</summary>
    void Mark(int node, int hops, int reachedFrom);

    /// <summary>Makes <paramref name="node"/>'s arcs the current ones and returns their numbers, <c>First</c> up to but not including <c>End</c>.</summary>
    (int First, int End) LoadArcs(int node);

    /// <summary>The current node's neighbour over the arc.</summary>
    int Neighbour(int arc);

    /// <summary>The arc's cost in nano-nats under the query's rules, −1 when the query may not use it.</summary>
    long Cost(int arc);

    /// <summary>Whether a route may carry on through the node (false for an actor that may only start a route).</summary>
    bool Carries(int node);

    /// <summary>Whether a route may step from <paramref name="farther"/> to <paramref name="closer"/>, the pair being tied.</summary>
    bool MayStep(int farther, int closer);

    /// <summary>Whether, among the current node's tight arcs one layer closer, the route order takes <paramref name="arc"/> before <paramref name="current"/>.</summary>
    bool Prefers(int arc, int current);

    /// <summary>Records the node's next hop: the current node's arc the route takes, −1 when none qualifies.</summary>
    void ChooseNext(int node, int arc);
}
