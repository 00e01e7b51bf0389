using GraphApi.Core.Domain;
using GraphApi.Core.Graph;
using GraphApi.Core.Routing;

namespace GraphApi.Core.Tests.Routing;

/// <summary>
/// The best-next-tie ranking worked out the slow way: for each candidate, add the tie to the graph and ask the
/// router again for the best route and the breadth-first search for the targets in reach; ask the router (on the
/// graph without the tie, never through a From actor) for the route the tie would open; then rank by the documented
/// order. With several From actors the set acts as one: today's best route is the router's from any of them, a
/// candidate is any actor outside the set (not tied to any of them unless asked), and its new tie is made by the
/// set's first actor in id order — every From actor would open a route of the same cost and hops, and the router
/// settles such ties by the id sequence, which starts with the From actor.
/// </summary>
internal sealed class BestNextTieBruteForce(GraphSnapshot graph, BestNextTieQuery query)
{
    public const string NewTieId = "zz-new-tie";

    public sealed record Expected(int Actor, long BestCost, int NewlyReachable, long OpenedCost, int[] OpenedActors, int[] ContinuationRelationships,
        Route? BestWithTie);

    public (Route? Current, int Reachable, List<Expected> Ranked) Run()
    {
        var current = Best(graph);
        var currentCost = current is null ? long.MaxValue : QuantisedCost(graph, current);
        var reachable = ReachableTargets(graph);
        var ranked = new List<Expected>();
        foreach (var c in CandidateSlots())
        {
            var opened = Opened(c);
            if (opened is null)
            {
                continue;
            }
            var withTie = WithTie(c);
            var bestWithTie = Best(withTie);
            var bestCost = bestWithTie is null ? long.MaxValue : QuantisedCost(withTie, bestWithTie);
            var newly = ReachableTargets(withTie) - reachable;
            if (opened.Value.Cost < currentCost || newly > 0)
            {
                ranked.Add(new Expected(c, bestCost, newly, opened.Value.Cost, opened.Value.Actors, opened.Value.Relationships, bestWithTie));
            }
        }
        // Only a tie that raises the score changes the route; the others all rank as today's route.
        int RankHops(Expected e) => e.OpenedCost < currentCost ? e.OpenedActors.Length - 1 : current?.Hops ?? 0;
        ranked.Sort((x, y) =>
        {
            var c = x.BestCost.CompareTo(y.BestCost);
            c = c != 0 ? c : y.NewlyReachable.CompareTo(x.NewlyReachable);
            c = c != 0 ? c : RankHops(x).CompareTo(RankHops(y));
            return c != 0 ? c : graph.CompareActors(x.Actor, y.Actor);
        });
        return (current, reachable, [.. ranked.Take(query.Limit)]);
    }

    /// <summary>The From actor that makes the new tie: the first in id order.</summary>
    private int TieSource(GraphSnapshot g) => query.From.Select(g.IndexOf).Order(Comparer<int>.Create(g.CompareActors)).First();

    private bool IsFrom(GraphSnapshot g, int actor) => query.From.Contains(g.ActorAt(actor).Id);

    private IEnumerable<int> CandidateSlots() =>
        graph.ActorSlotsInIdOrder().Where(c => !IsFrom(graph, c)
            && (query.IncludeTied || !query.From.SelectMany(graph.RelationshipsOf).Any(r => r.Source == graph.ActorAt(c).Id || r.Target == graph.ActorAt(c).Id))
            && (query.Candidates is null || query.Candidates(graph.ActorAt(c))));

    /// <summary>The route the tie would open: the tie, then c's best route of at most maxHops − 1 hops that avoids every From actor.</summary>
    private (long Cost, int[] Actors, int[] Relationships)? Opened(int c)
    {
        var tieCost = HopCosts.QuantisedCostOf(graph.Catalogue[query.TieType].Strength);
        var from = TieSource(graph);
        if (IsTarget(graph, c))
        {
            return (tieCost, [from, c], []);
        }
        if (query.MaxHops == 1)
        {
            return null;
        }
        var routes = IntroductionRouter.Find(graph, new IntroductionQuery([graph.ActorAt(c).Id], query.To)
        {
            K = 1,
            MaxHops = query.MaxHops - 1,
            Avoid = query.From,
            Options = query.Options,
        }).Routes;
        return routes.Count == 0 ? null : (tieCost + QuantisedCost(graph, routes[0]), [from, .. routes[0].Actors], [.. routes[0].Relationships]);
    }

    private bool IsTarget(GraphSnapshot g, int actor) =>
        !IsFrom(g, actor) && (query.To.ActorId is { } id ? g.ActorAt(actor).Id == id : query.To.Predicate!(g.ActorAt(actor)));

    private Route? Best(GraphSnapshot g)
    {
        var routes = IntroductionRouter.Find(g, new IntroductionQuery(query.From, query.To) { K = 1, MaxHops = query.MaxHops, Options = query.Options }).Routes;
        return routes.Count == 0 ? null : routes[0];
    }

    private GraphSnapshot WithTie(int c) =>
        GraphSnapshot.Build(graph.Actors, graph.Relationships.Append(new Relationship
        {
            Id = NewTieId,
            Source = graph.ActorAt(TieSource(graph)).Id,
            Target = graph.ActorAt(c).Id,
            Type = query.TieType,
        }), graph.Version + 1, graph.Catalogue);

    public long QuantisedCost(GraphSnapshot g, Route route)
    {
        var costs = new HopCosts(g, query.Options);
        return route.Relationships.Sum(costs.QuantisedCost);
    }

    /// <summary>
    /// Targets with a route of at most maxHops hops from a From actor: plain breadth-first over the usable ties, from
    /// all of them at once (a walk through another From actor is never shorter than the one starting there).
    /// </summary>
    private int ReachableTargets(GraphSnapshot g)
    {
        var costs = new HopCosts(g, query.Options);
        var sources = query.From.Select(g.IndexOf).ToArray();
        var distance = sources.ToDictionary(s => s, _ => 0);
        var queue = new Queue<int>(sources);
        while (queue.Count > 0)
        {
            var v = queue.Dequeue();
            if (distance[v] == query.MaxHops)
            {
                continue;
            }
            var arcs = g.Arcs(v);
            for (var i = 0; i < arcs.Length; i++)
            {
                if (costs.QuantisedCost(arcs.Relationships[i]) >= 0 && distance.TryAdd(arcs.Targets[i], distance[v] + 1))
                {
                    queue.Enqueue(arcs.Targets[i]);
                }
            }
        }
        return distance.Keys.Count(a => IsTarget(g, a));
    }
}
