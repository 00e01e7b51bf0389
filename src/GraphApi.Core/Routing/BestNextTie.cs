using GraphApi.Core.Graph;

namespace GraphApi.Core.Routing;

/// <summary>
/// Ranks the candidates for one new tie From–c by what it would do for From's introduction routes to the target.
/// With the tie, the best route is the better of the current best route and the route it opens: From → c over the
/// new tie, then c's best existing route of at most maxHops − 1 hops (never back through From). One backward
/// search from the targets (<see cref="HopBoundedCosts"/>) gives that second part for every c at once, so the
/// answer is exact for all candidates at the cost of one search, plus one reachability count
/// (<see cref="TargetReach"/>) for the targets no route reaches yet.
/// </summary>
/// <remarks>
/// Ranking, best first: the best score with the tie (higher first), then the number of target actors newly
/// reachable within maxHops (more first), then the opened route by the route order (cost, hops, actor ids — so in
/// the end by the candidate's id). Candidates whose tie neither raises the best score nor makes a target reachable
/// are left out. Scores and costs follow the router exactly: hop costs quantised as in <see cref="HopCosts"/>,
/// and the new tie, being new, never decays.
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
        var from = graph.IndexOf(query.From);
        if (query.Rules.RelationshipTypes is { } types && !types.Contains(query.TieType))
        {
            // The new tie would be unusable under the query's own rules, so no candidate could ever help.
            throw new ArgumentException($"the tie type '{query.TieType}' is not among the allowed relationship types", nameof(query));
        }
        var tieStrength = graph.Catalogue[query.TieType].Strength;
        var tieCost = HopCosts.Quantise(-Math.Log(tieStrength));
        var costs = new HopCosts(graph, query.Rules);
        var targets = Targets(graph, query.To, from);

        var suffixes = HopBoundedCosts.Run(graph, costs, targets, from, query.MaxHops - 1, cancellationToken);
        var current = CurrentBest(graph, costs, suffixes, from);
        var reachable = TargetReach.Within(graph, costs, from, query.MaxHops, cancellationToken);
        var unreached = targets.Where(t => !reachable[t]).ToArray();
        var newlyReachable = TargetReach.Count(graph, costs, unreached, from, query.MaxHops - 1, cancellationToken);

        var ranking = new TopRanking(graph, query.Limit);
        var currentCost = current?.Cost ?? HopBoundedCosts.Unreachable;
        var tried = 0;
        foreach (var c in Candidates(graph, query, from))
        {
            tried++;
            var suffix = suffixes.BestCost(c);
            if (suffix == HopBoundedCosts.Unreachable)
            {
                continue; // no target within maxHops − 1 of c, so nothing newly reachable either
            }
            var opened = tieCost + suffix;
            if (opened < currentCost || newlyReachable[c] > 0)
            {
                ranking.Offer(new Ranked(c, Math.Min(opened, currentCost), newlyReachable[c], opened, suffixes.BestHops(c) + 1));
            }
        }
        var currentRoute = current is { } best ? ToRoute(costs, best.Actors, best.Relationships) : null;
        var currentScore = currentRoute?.Score ?? 0;
        var candidates = ranking.Sorted()
            .Select(r => ToCandidate(graph, costs, suffixes, r, tieStrength, currentCost, currentScore))
            .ToArray();
        return new BestNextTieResult(currentRoute, targets.Count, targets.Count - unreached.Length, tried, candidates);
    }

    private static List<int> Targets(GraphSnapshot graph, RouteTarget to, int from)
    {
        var targets = new List<int>();
        if (to.ActorId is { } id)
        {
            var target = graph.IndexOf(id);
            if (target == from)
            {
                throw new ArgumentException($"the target '{id}' is the from actor", nameof(to));
            }
            targets.Add(target);
            return targets;
        }
        foreach (var actor in graph.ActorSlotsInIdOrder())
        {
            if (actor != from && to.Predicate!(graph.ActorAt(actor)))
            {
                targets.Add(actor);
            }
        }
        return targets;
    }

    /// <summary>Live actors other than From that pass the candidate filter and, unless asked, have no tie with From yet.</summary>
    private static IEnumerable<int> Candidates(GraphSnapshot graph, BestNextTieQuery query, int from)
    {
        var tied = new HashSet<int>();
        if (!query.IncludeTied)
        {
            foreach (var neighbour in graph.Arcs(from).Targets)
            {
                tied.Add(neighbour);
            }
        }
        foreach (var actor in graph.ActorSlotsInIdOrder())
        {
            if (actor != from && !tied.Contains(actor) && (query.Candidates is null || query.Candidates(graph.ActorAt(actor))))
            {
                yield return actor;
            }
        }
    }

    /// <summary>The router's best route today: the best first hop from From followed by that neighbour's best suffix.</summary>
    private static (long Cost, int[] Actors, int[] Relationships)? CurrentBest(GraphSnapshot graph, HopCosts costs, HopBoundedCosts suffixes, int from)
    {
        var arcs = graph.Arcs(from);
        int bestArc = -1, bestHops = 0;
        var bestCost = HopBoundedCosts.Unreachable;
        for (var i = 0; i < arcs.Length; i++)
        {
            var u = arcs.Targets[i];
            var hopCost = costs.QuantisedCost(arcs.Relationships[i]);
            if (hopCost < 0 || suffixes.BestCost(u) == HopBoundedCosts.Unreachable)
            {
                continue;
            }
            var cost = hopCost + suffixes.BestCost(u);
            var hops = suffixes.BestHops(u) + 1;
            // Arcs are in (actor id, relationship id) order, so on equal cost and hops the first one seen wins.
            if (cost < bestCost || (cost == bestCost && hops < bestHops))
            {
                (bestArc, bestCost, bestHops) = (i, cost, hops);
            }
        }
        if (bestArc < 0)
        {
            return null;
        }
        var (actors, relationships) = suffixes.Chain(arcs.Targets[bestArc]);
        return (bestCost, [from, .. actors], [arcs.Relationships[bestArc], .. relationships]);
    }

    private static TieCandidate ToCandidate(GraphSnapshot graph, HopCosts costs, HopBoundedCosts suffixes, Ranked ranked,
        double tieStrength, long currentCost, double currentScore)
    {
        var (actors, relationships) = suffixes.Chain(ranked.Actor);
        var continuation = ToRoute(costs, actors, relationships);
        var score = tieStrength * continuation.Score;
        var improves = ranked.OpenedCost < currentCost;
        var bestScore = improves ? score : currentScore;
        return new TieCandidate(ranked.Actor, tieStrength, continuation, score, bestScore, bestScore - currentScore, ranked.NewlyReachable);
    }

    private static Route ToRoute(HopCosts costs, int[] actors, int[] relationships)
    {
        var strengths = new double[relationships.Length];
        for (var i = 0; i < strengths.Length; i++)
        {
            strengths[i] = costs.Strength(relationships[i]);
        }
        return new Route(actors, relationships, strengths);
    }

    private readonly record struct Ranked(int Actor, long BestCost, int NewlyReachable, long OpenedCost, int OpenedHops);

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
                c = x.OpenedCost.CompareTo(y.OpenedCost);
            }
            if (c == 0)
            {
                c = x.OpenedHops.CompareTo(y.OpenedHops);
            }
            return c != 0 ? c : graph.CompareActors(x.Actor, y.Actor);
        }
    }
}
