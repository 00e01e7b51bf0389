using GraphApi.Core.Graph;

namespace GraphApi.Core.Routing;

/// <summary>
/// Answers introduction-route questions on a snapshot. Best route = least total cost Σ −ln s; ties go to fewer
/// hops, then to the lexicographically smaller actor-id sequence (then relationship-id sequence). Every
/// relationship is travelled both ways. A route starts at one of the <c>from</c> actors, never passes through
/// or ends at another of them, never visits an avoided actor, and may pass through a target on its way to another.
/// </summary>
public static class IntroductionRouter
{
    public static RouteResult Find(GraphSnapshot graph, IntroductionQuery query, CancellationToken cancellationToken = default) =>
        Find(graph, query, LabelSearch.DefaultHopBoundReach, cancellationToken);

    /// <param name="hopBoundReach">Tests shrink it so that the truncated fewest-hops bound is exercised on small graphs.</param>
    internal static RouteResult Find(GraphSnapshot graph, IntroductionQuery query, int hopBoundReach, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.K, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(query.K, IntroductionQuery.MaxK);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.MaxHops, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(query.MaxHops, IntroductionQuery.MaxMaxHops);

        var from = ResolveFrom(graph, query.From);
        var targetActor = query.To.ActorId is { } id ? graph.IndexOf(id) : -1;
        if (targetActor >= 0 && from.Contains(targetActor))
        {
            throw new ArgumentException($"the target '{query.To.ActorId}' is also a from actor", nameof(query));
        }
        var costs = new HopCosts(graph, query.Options);
        var workspace = SearchWorkspace.Rent(graph.ActorSlots);
        try
        {
            var search = NewSearch(graph, costs, workspace, targetActor, query, from, hopBoundReach);
            var bidirectional = targetActor >= 0
                ? new BidirectionalSearch(graph, costs, workspace, search) { ForAlternatives = query.K > 1 && !query.DistinctTargets }
                : null;
            var (none, first) = bidirectional is not null ? BestToOne(bidirectional, search, from, targetActor, query, cancellationToken) : (false, null);
            var paths = none ? []
                : first is not null && (query.K == 1 || query.DistinctTargets) ? [first]
                : query.Disjoint ? FindDisjoint(search, from, query, first, cancellationToken)
                : query.DistinctTargets ? FindDistinctTargets(search, from, query, cancellationToken)
                : YenRoutes.Find(search, costs, from, query.K, query.MaxHops, first, cancellationToken);
            var routes = new List<Route>(paths.Count);
            foreach (var path in paths)
            {
                routes.Add(ToRoute(path, costs));
            }
            return new RouteResult(routes, routes.Count == 0 ? ExplainNoRoute(graph, search, query) : null);
        }
        finally
        {
            SearchWorkspace.Return(workspace);
        }
    }

    /// <summary>Only the bidirectional search of <see cref="Find(GraphSnapshot, IntroductionQuery, CancellationToken)"/> for a single target: its outcome and route (tests compare it with the reference).</summary>
    internal static (BidirectionalSearch.Outcome Outcome, Route? Route) FindBidirectional(GraphSnapshot graph, IntroductionQuery query)
    {
        var from = ResolveFrom(graph, query.From);
        var costs = new HopCosts(graph, query.Options);
        var workspace = SearchWorkspace.Rent(graph.ActorSlots);
        try
        {
            var search = NewSearch(graph, costs, workspace, graph.IndexOf(query.To.ActorId!), query, from, LabelSearch.DefaultHopBoundReach);
            var (outcome, path) = new BidirectionalSearch(graph, costs, workspace, search).Find(from, graph.IndexOf(query.To.ActorId!), query.MaxHops, CancellationToken.None);
            return (outcome, path is null ? null : ToRoute(path, costs));
        }
        finally
        {
            SearchWorkspace.Return(workspace);
        }
    }

    /// <summary>A search with the query's marks set: its from actors, and the avoided actors no route may visit.</summary>
    private static LabelSearch NewSearch(GraphSnapshot graph, HopCosts costs, SearchWorkspace workspace, int targetActor,
        IntroductionQuery query, int[] from, int hopBoundReach)
    {
        var search = new LabelSearch(graph, costs, workspace, targetActor, query.To.Predicate, hopBoundReach);
        foreach (var actor in from)
        {
            search.MarkFrom(actor);
        }
        foreach (var avoided in query.Avoid)
        {
            search.BlockForQuery(graph.IndexOf(avoided));
        }
        return search;
    }

    private static int[] ResolveFrom(GraphSnapshot graph, IReadOnlyList<string> ids)
    {
        if (ids.Count == 0)
        {
            throw new ArgumentException("at least one from actor is needed", nameof(ids));
        }
        var set = new SortedSet<int>();
        foreach (var id in ids)
        {
            set.Add(graph.IndexOf(id));
        }
        return [.. set];
    }

    /// <summary>
    /// The best route to a single target by the bidirectional search: (true, null) when no route exists at all,
    /// (false, route) when the best route fits <c>maxHops</c>, (false, null) when only the hop-bounded search can tell.
    /// </summary>
    private static (bool None, RoutePath? Best) BestToOne(BidirectionalSearch bidirectional, LabelSearch search,
        int[] from, int target, IntroductionQuery query, CancellationToken cancellationToken)
    {
        var (outcome, path) = bidirectional.Find(from, target, query.MaxHops, cancellationToken);
        if (outcome != BidirectionalSearch.Outcome.NoRoute && (path is null || (query.K > 1 && !query.DistinctTargets)))
        {
            // Something comes next (k alternatives, disjoint rounds, the hop-bounded fallback): it runs as A* on
            // what this search learnt. When its route is the whole answer, nothing is copied.
            bidirectional.LendPotentials(search);
        }
        return (outcome == BidirectionalSearch.Outcome.NoRoute, path);
    }

    /// <summary>One search that runs on until k different targets are reached: the first label at each is its best route.</summary>
    private static List<RoutePath> FindDistinctTargets(LabelSearch search, int[] from, IntroductionQuery query, CancellationToken cancellationToken)
    {
        search.Begin();
        foreach (var source in from)
        {
            search.AddSource(source);
        }
        var found = new List<int>(query.K);
        search.Run(query.MaxHops, query.K, sourceMayEnd: false, found, cancellationToken);
        var paths = new List<RoutePath>(found.Count);
        foreach (var label in found)
        {
            paths.Add(ToPath(search, label));
        }
        return paths;
    }

    /// <summary>
    /// Greedy node-disjoint alternatives: each next route is the best one that neither passes through nor ends at
    /// an actor an earlier route passed through, and does not repeat an earlier direct (one-hop) introduction.
    /// </summary>
    private static List<RoutePath> FindDisjoint(LabelSearch search, int[] from, IntroductionQuery query, RoutePath? first, CancellationToken cancellationToken)
    {
        var paths = new List<RoutePath>(query.K);
        var found = new List<int>(1);
        while (paths.Count < query.K)
        {
            if (paths.Count == 0 && first is not null)
            {
                AcceptDisjoint(search, query, paths, first);
                continue;
            }
            search.Begin();
            foreach (var earlier in paths)
            {
                if (earlier.Hops == 1)
                {
                    search.BlockPair(earlier.Actors[0], earlier.Actors[1]);
                }
            }
            foreach (var source in from)
            {
                search.AddSource(source);
            }
            found.Clear();
            search.Run(query.MaxHops, 1, sourceMayEnd: false, found, cancellationToken);
            if (found.Count == 0)
            {
                break;
            }
            AcceptDisjoint(search, query, paths, ToPath(search, found[0]));
        }
        return paths;
    }

    private static void AcceptDisjoint(LabelSearch search, IntroductionQuery query, List<RoutePath> paths, RoutePath path)
    {
        paths.Add(path);
        for (var i = 1; i < path.Hops; i++)
        {
            search.BlockForQuery(path.Actors[i]);
        }
        if (query.DistinctTargets)
        {
            search.ExcludeTarget(path.Actors[^1]);
        }
    }

    private static RoutePath ToPath(LabelSearch search, int label)
    {
        var (actors, relationships) = search.Chain(label);
        return new RoutePath(actors, relationships, search.CostOf(label), -1);
    }

    private static Route ToRoute(RoutePath path, HopCosts costs)
    {
        var strengths = new double[path.Hops];
        var hopCosts = new double[path.Hops];
        for (var i = 0; i < strengths.Length; i++)
        {
            strengths[i] = costs.Strength(path.Relationships[i]);
            hopCosts[i] = costs.Cost(path.Relationships[i]);
        }
        return new Route(path.Actors, path.Relationships, strengths, hopCosts);
    }

    private static string ExplainNoRoute(GraphSnapshot graph, LabelSearch search, IntroductionQuery query)
    {
        if (query.To.ActorId is { } id)
        {
            return query.Avoid.Contains(id)
                ? $"the target '{id}' is in the avoid list"
                : $"no route of at most {query.MaxHops} hops reaches '{id}' under the given constraints";
        }
        for (var actor = 0; actor < graph.ActorSlots; actor++)
        {
            if (graph.IsLive(actor) && !search.IsFrom(actor) && search.IsTarget(actor))
            {
                return $"no route of at most {query.MaxHops} hops reaches any actor matching the target filter under the given constraints";
            }
        }
        return "no actor (other than the from actors) matches the target filter";
    }
}
