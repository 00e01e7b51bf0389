namespace GraphApi.Core.Routing;

/// <summary>
/// Yen's loopless k-shortest routes over the label search, with a virtual source joined to every <c>from</c>
/// actor and a virtual sink joined from every target. Spur index −1 is the virtual source (a different first
/// actor); spur index = hops is the route's own target (go on to another target). Lawler's refinement: a route
/// only spurs from where it deviated from its parent, since earlier spurs would repeat its parent's.
/// </summary>
/// <remarks>
/// Each spur search is bounded: when the candidates already hold as many routes as are still wanted, a spur route
/// costing more than the costliest of those could never be accepted (every one of them would come first), so the
/// search may drop everything dearer than it. Spurs run from the route's end backwards: those near the target search
/// a small hop budget and usually give the first candidates, whose bound then prunes the wider searches.
/// </remarks>
internal static class YenRoutes
{
    /// <param name="first">The best route when the caller already knows it (the bidirectional search), else null.</param>
    public static List<RoutePath> Find(LabelSearch search, HopCosts costs, IReadOnlyList<int> from, int k, int maxHops, RoutePath? first,
        CancellationToken cancellationToken)
    {
        var accepted = new List<RoutePath>(k);
        var candidates = new List<RoutePath>();
        var seen = new HashSet<int[]>(ActorSequenceComparer.Instance);
        var found = new List<int>(1);
        var order = new RouteOrder(search.Graph);

        first ??= SpurFromVirtualSource(search, from, accepted, maxHops, long.MaxValue, found, cancellationToken);
        if (first is null)
        {
            return accepted;
        }
        accepted.Add(first);
        seen.Add(first.Actors);
        while (accepted.Count < k)
        {
            var previous = accepted[^1];
            // With one target a route cannot go on past it, so there is no spur at the route's end.
            var lastSpur = search.HasSingleTarget ? previous.Hops - 1 : previous.Hops;
            for (var i = lastSpur; i >= previous.Deviation; i--)
            {
                var bound = Bound(candidates, k - accepted.Count);
                var candidate = i < 0
                    ? SpurFromVirtualSource(search, from, accepted, maxHops, bound, found, cancellationToken)
                    : Spur(search, costs, previous, i, accepted, maxHops, bound, found, cancellationToken);
                if (candidate is not null && seen.Add(candidate.Actors))
                {
                    candidates.Add(candidate);
                }
            }
            if (candidates.Count == 0)
            {
                break;
            }
            var best = 0;
            for (var c = 1; c < candidates.Count; c++)
            {
                if (order.Compare(candidates[c], candidates[best]) < 0)
                {
                    best = c;
                }
            }
            accepted.Add(candidates[best]);
            candidates.RemoveAt(best);
        }
        return accepted;
    }

    /// <summary>
    /// The most a new candidate may cost and still be accepted: the <paramref name="wanted"/>-th least cost among the
    /// candidates (long.MaxValue while there are fewer). Equal costs stay in, for the hop and id tie rules.
    /// </summary>
    private static long Bound(List<RoutePath> candidates, int wanted)
    {
        if (candidates.Count < wanted)
        {
            return long.MaxValue;
        }
        Span<long> least = stackalloc long[wanted];
        least.Fill(long.MaxValue);
        foreach (var candidate in candidates)
        {
            // Insert into the sorted list of the wanted least costs seen so far (wanted ≤ k ≤ 10).
            var cost = candidate.Cost;
            for (var j = 0; j < wanted; j++)
            {
                if (cost < least[j])
                {
                    (least[j], cost) = (cost, least[j]);
                }
            }
        }
        return least[wanted - 1];
    }

    /// <summary>The best route whose first actor no accepted route starts with (all accepted routes share the empty root).</summary>
    private static RoutePath? SpurFromVirtualSource(
        LabelSearch search, IReadOnlyList<int> from, List<RoutePath> accepted, int maxHops, long bound, List<int> found, CancellationToken cancellationToken)
    {
        search.Begin();
        search.LimitCost(bound);
        var any = false;
        foreach (var source in from)
        {
            if (!StartsAnyOf(accepted, source))
            {
                search.AddSource(source);
                any = true;
            }
        }
        if (!any)
        {
            return null;
        }
        found.Clear();
        search.Run(maxHops, 1, sourceMayEnd: false, found, cancellationToken);
        if (found.Count == 0)
        {
            return null;
        }
        var (actors, relationships) = search.Chain(found[0]);
        return new RoutePath(actors, relationships, search.CostOf(found[0]), -1);
    }

    private static RoutePath? Spur(
        LabelSearch search, HopCosts costs, RoutePath previous, int index, List<RoutePath> accepted, int maxHops, long bound,
        List<int> found, CancellationToken cancellationToken)
    {
        var rootCost = 0L;
        for (var j = 0; j < index; j++)
        {
            rootCost += costs.QuantisedCost(previous.Relationships[j]);
        }
        if (bound < rootCost)
        {
            return null; // the root alone costs more than any route still worth finding
        }
        var tailBound = bound == long.MaxValue ? long.MaxValue : bound - rootCost;
        search.Begin();
        search.LimitCost(tailBound);
        var spur = previous.Actors[index];
        for (var j = 0; j < index; j++)
        {
            search.BlockForSearch(previous.Actors[j]);
        }
        var stopBlocked = false;
        foreach (var route in accepted)
        {
            if (route.Hops < index || !SharesRoot(route, previous, index))
            {
                continue;
            }
            if (route.Hops == index)
            {
                stopBlocked = true;
            }
            else
            {
                search.BlockPair(spur, route.Actors[index + 1]);
            }
        }
        // The label search, as A* on the first search's backward distances (which Yen's blocks only make lower
        // bounds) and under the bound, beat answering each spur by a fresh bidirectional search first: most spurs
        // of a long route are hop-bound, which the bidirectional search can only report, not solve.
        search.AddSource(spur);
        found.Clear();
        search.Run(maxHops - index, 1, sourceMayEnd: !stopBlocked, found, cancellationToken);
        if (found.Count == 0)
        {
            return null;
        }
        var (tailActors, tailRelationships) = search.Chain(found[0]);
        var tailCost = search.CostOf(found[0]);
        int[] actors = [.. previous.Actors.AsSpan(0, index), .. tailActors];
        int[] relationships = [.. previous.Relationships.AsSpan(0, index), .. tailRelationships];
        return new RoutePath(actors, relationships, rootCost + tailCost, index);
    }

    private static bool StartsAnyOf(List<RoutePath> routes, int actor)
    {
        foreach (var route in routes)
        {
            if (route.Actors[0] == actor)
            {
                return true;
            }
        }
        return false;
    }

    private static bool SharesRoot(RoutePath route, RoutePath previous, int index) =>
        route.Actors.AsSpan(0, index + 1).SequenceEqual(previous.Actors.AsSpan(0, index + 1));
}
