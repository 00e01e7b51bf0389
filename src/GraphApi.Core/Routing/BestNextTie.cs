using GraphApi.Core.Graph;

namespace GraphApi.Core.Routing;

/// <summary>
/// Ranks the candidates for one new tie From–c by what it would do for From's introduction routes to the target.
/// With the tie, the best route is the better of today's best route (the router's answer) and the route the tie
/// opens: From → c over the new tie, then c's best existing route of at most maxHops − 1 hops (never back through
/// From; several From actors act as one, see <see cref="BestNextTieQuery"/>). One backward search from the targets
/// (<see cref="HopBoundedCosts"/>) gives that second part for every c at once, and it only has to look at suffixes cheaper than today's cost minus the tie's, the only ones that can
/// raise the score; plus one reachability count (<see cref="TargetReach"/>) for the targets no route reaches yet.
/// </summary>
/// <remarks>
/// Ranking, best first: the best score with the tie (higher first), then the number of target actors newly
/// reachable within maxHops (more first), then, among ties that raise the score, the hops of the route they open
/// (fewer first), then the candidate's id. Candidates whose tie neither raises the best score nor makes a target reachable are left out.
/// Costs follow the router exactly: hop costs quantised as in <see cref="HopCosts"/>, the opened route raising the
/// score only when its quantised cost is strictly lower; the new tie, being new, never decays.
/// </remarks>
public static class BestNextTie
{
    public static BestNextTieResult Find(GraphSnapshot graph, BestNextTieQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.MaxHops, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(query.MaxHops, IntroductionQuery.MaxMaxHops);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(query.Limit, BestNextTieQuery.MaxLimit);
        var sources = query.From.Distinct(StringComparer.Ordinal).Select(graph.IndexOf).ToArray();
        if (sources.Length == 0)
        {
            throw new ArgumentException("the query names no from actor", nameof(query));
        }
        if (query.Options.RelationshipTypes is { } types && !types.Contains(query.TieType))
        {
            // The new tie would be unusable under the query's own rules, so no candidate could ever help.
            throw new ArgumentException($"the tie type '{query.TieType}' is not among the allowed relationship types", nameof(query));
        }
        var tieStrength = graph.Catalogue[query.TieType].Strength;
        var scratch = BestNextTieScratch.Rent(graph.ActorSlots);
        try
        {
            return Answer(graph, query, sources, tieStrength, scratch, cancellationToken);
        }
        finally
        {
            BestNextTieScratch.Return(scratch);
        }
    }

    private static BestNextTieResult Answer(GraphSnapshot graph, BestNextTieQuery query, int[] sources, double tieStrength,
        BestNextTieScratch scratch, CancellationToken cancellationToken)
    {
        var tieCost = HopCosts.QuantisedCostOf(tieStrength);
        var costs = new HopCosts(graph, query.Options);
        var isSource = scratch.IsSource;
        foreach (var source in sources)
        {
            isSource[source] = true;
        }
        // Every From actor would open a route of the same cost and hops; the router prefers the smaller id sequence.
        var tieSource = sources.Aggregate((x, y) => graph.CompareActors(x, y) <= 0 ? x : y);
        var targets = Targets(graph, query.To, isSource);
        // Today's best route is the router's own answer; only suffixes cheaper than (its cost − the tie's) can beat it.
        var current = IntroductionRouter.Find(graph, new IntroductionQuery([.. sources.Select(s => graph.ActorAt(s).Id)], query.To)
            {
                K = 1,
                MaxHops = query.MaxHops,
                Options = query.Options,
            },
            cancellationToken).Routes is [var best, ..] ? best : null;
        var currentCost = current is null ? HopBoundedCosts.Unreachable : QuantisedCost(costs, current);
        var bound = current is null ? HopBoundedCosts.Unreachable : currentCost - tieCost;
        var suffixes = HopBoundedCosts.Run(graph, costs, targets, isSource, query.MaxHops - 1, bound, scratch, cancellationToken);
        // Decay never makes a tie unusable; only a type filter or asOf does.
        var everyTieUsable = query.Options.RelationshipTypes is null && query.Options.AsOf is null;
        var reachable = TargetReach.Within(graph, costs, everyTieUsable, sources, targets, query.MaxHops, scratch, cancellationToken);
        var unreached = targets.Where(t => !reachable[t]).ToArray();
        var newlyReachable = TargetReach.Count(graph, costs, unreached, isSource, query.MaxHops - 1, scratch, cancellationToken);

        var ranking = new TopRanking(graph, query.Limit);
        var candidates = Candidates(graph, query, sources, isSource, scratch.Candidate);
        var tried = 0;
        for (var c = 0; c < graph.ActorSlots; c++)
        {
            if (candidates[c])
            {
                tried++;
                Offer(ranking, suffixes, c, tieCost, newlyReachable[c], currentCost, current?.Hops ?? 0);
            }
        }
        var currentScore = current?.Score ?? 0;
        var ranked = ranking.Sorted()
            .Select(r => ToCandidate(graph, costs, suffixes, query, tieSource, r, tieStrength, currentScore))
            .ToArray();
        return new BestNextTieResult(current, targets.Count, targets.Count - unreached.Length, tried, ranked);
    }

    /// <summary>Ranks a candidate whose tie raises the score (a suffix under the bound) or brings targets in reach; skips the rest.</summary>
    private static void Offer(TopRanking ranking, HopBoundedCosts suffixes, int candidate, long tieCost, int newlyReachable, long currentCost, int currentHops)
    {
        var suffix = suffixes.BestCost(candidate);
        if (suffix != HopBoundedCosts.Unreachable)
        {
            ranking.Offer(new Ranked(candidate, tieCost + suffix, newlyReachable, suffixes.BestHops(candidate) + 1, Improves: true));
        }
        else if (newlyReachable > 0)
        {
            ranking.Offer(new Ranked(candidate, currentCost, newlyReachable, currentHops, Improves: false));
        }
    }

    private static long QuantisedCost(HopCosts costs, Route route)
    {
        var cost = 0L;
        foreach (var relationship in route.Relationships)
        {
            cost += costs.QuantisedCost(relationship);
        }
        return cost;
    }

    private static List<int> Targets(GraphSnapshot graph, RouteTarget to, bool[] isSource)
    {
        var targets = new List<int>();
        if (to.ActorId is { } id)
        {
            var target = graph.IndexOf(id);
            if (isSource[target])
            {
                throw new ArgumentException($"the target '{id}' is a from actor", nameof(to));
            }
            targets.Add(target);
            return targets;
        }
        foreach (var actor in graph.ActorSlotsInIdOrder())
        {
            if (!isSource[actor] && to.Predicate!(graph.ActorAt(actor)))
            {
                targets.Add(actor);
            }
        }
        return targets;
    }

    /// <summary>
    /// Live actors outside From that pass the candidate filter and, unless asked, have no tie with a From actor yet, as
    /// marks per slot (slot order is fine: the ranking's last key is the id, so the answer does not depend on it).
    /// </summary>
    private static bool[] Candidates(GraphSnapshot graph, BestNextTieQuery query, int[] sources, bool[] isSource, bool[] candidate)
    {
        for (var actor = 0; actor < graph.ActorSlots; actor++)
        {
            candidate[actor] = !isSource[actor] && graph.IsLive(actor) && (query.Candidates is null || query.Candidates(graph.ActorAt(actor)));
        }
        if (!query.IncludeTied)
        {
            foreach (var source in sources)
            {
                foreach (var neighbour in graph.Arcs(source).Targets)
                {
                    candidate[neighbour] = false;
                }
            }
        }
        return candidate;
    }

    private static TieCandidate ToCandidate(GraphSnapshot graph, HopCosts costs, HopBoundedCosts suffixes, BestNextTieQuery query,
        int tieSource, Ranked ranked, double tieStrength, double currentScore)
    {
        Route continuation;
        if (ranked.Improves)
        {
            var (actors, relationships) = suffixes.Chain(ranked.Actor);
            continuation = ToRoute(costs, actors, relationships);
        }
        else
        {
            continuation = ContinuationByRouter(graph, query, ranked.Actor);
        }
        var score = tieStrength * continuation.Score;
        var bestScore = ranked.Improves ? score : currentScore;
        return new TieCandidate(tieSource, ranked.Actor, tieStrength, continuation, score, bestScore, bestScore - currentScore, ranked.NewlyReachable);
    }

    /// <summary>
    /// The route a tie that raises no score would open (it is listed for the targets it brings in reach): the
    /// candidate's best route of at most maxHops − 1 hops not through a From actor, by the router. The bounded search
    /// above never looked that far, and only the few listed candidates need it.
    /// </summary>
    private static Route ContinuationByRouter(GraphSnapshot graph, BestNextTieQuery query, int candidate)
    {
        var id = graph.ActorAt(candidate).Id;
        var isTarget = query.To.ActorId is { } target ? target == id : query.To.Predicate!(graph.ActorAt(candidate));
        if (isTarget)
        {
            return new Route([candidate], [], [], []);
        }
        var routes = IntroductionRouter.Find(graph, new IntroductionQuery([id], query.To)
        {
            K = 1,
            MaxHops = query.MaxHops - 1,
            Avoid = query.From,
            Options = query.Options,
        }).Routes;
        // A newly reachable target lies within maxHops − 1 hops of the candidate, so a route exists.
        return routes[0];
    }

    private static Route ToRoute(HopCosts costs, int[] actors, int[] relationships)
    {
        var strengths = new double[relationships.Length];
        var hopCosts = new double[relationships.Length];
        for (var i = 0; i < strengths.Length; i++)
        {
            strengths[i] = costs.Strength(relationships[i]);
            hopCosts[i] = costs.Cost(relationships[i]);
        }
        return new Route(actors, relationships, strengths, hopCosts);
    }

    private readonly record struct Ranked(int Actor, long BestCost, int NewlyReachable, int BestHops, bool Improves);

    /// <summary>The best <c>limit</c> candidates seen so far, in ranking order (insertion into a short sorted list).</summary>
    private sealed class TopRanking(GraphSnapshot graph, int limit)
    {
        private readonly List<Ranked> _items = new(limit + 1);

        public void Offer(Ranked ranked)
        {
            if (_items.Count == limit && Compare(ranked, _items[^1]) >= 0)
            {
                return;
            }
            var index = _items.Count;
            while (index > 0 && Compare(ranked, _items[index - 1]) < 0)
            {
                index--;
            }
            _items.Insert(index, ranked);
            if (_items.Count > limit)
            {
                _items.RemoveAt(limit);
            }
        }

        public List<Ranked> Sorted() => _items;

        private int Compare(in Ranked x, in Ranked y)
        {
            var c = x.BestCost.CompareTo(y.BestCost);
            if (c == 0)
            {
                c = y.NewlyReachable.CompareTo(x.NewlyReachable);
            }
            if (c == 0)
            {
                c = x.BestHops.CompareTo(y.BestHops);
            }
            return c != 0 ? c : graph.CompareActors(x.Actor, y.Actor);
        }
    }
}
