using GraphApi.Core.Domain;
using GraphApi.Core.Graph;
using GraphApi.Core.Routing;

namespace GraphApi.Core.Tests.Routing;

/// <summary>
/// The best-next-tie ranking worked out the slow way: for each candidate, add the tie to the graph and ask the
/// router again for the best route and the breadth-first search for the targets in reach; ask the router (on the
/// graph without the tie, never through From) for the route the tie would open; then rank by the documented order.
/// </summary>
internal sealed class BestNextTieBruteForce(GraphSnapshot graph, BestNextTieQuery query)
{
    public const string NewTieId = "zz-new-tie";

    public sealed record Expected(int Actor, long BestCost, int NewlyReachable, long OpenedCost, int[] OpenedActors, int[] ContinuationRelationships,
        Route? BestWithTie);

    public (Route? Current, int Reachable, List<Expected> Ranked) Run()
    {
        var from = graph.IndexOf(query.From);
        var current = Best(graph);
        var currentCost = current is null ? long.MaxValue : QuantisedCost(graph, current);
        var reachable = ReachableTargets(graph, from);
        var ranked = new List<Expected>();
        foreach (var c in CandidateSlots(from))
        {
            var opened = Opened(c);
            if (opened is null)
            {
                continue;
            }
            var withTie = WithTie(c);
            var bestWithTie = Best(withTie);
            var bestCost = bestWithTie is null ? long.MaxValue : QuantisedCost(withTie, bestWithTie);
            var newly = ReachableTargets(withTie, withTie.IndexOf(query.From)) - reachable;
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

    private IEnumerable<int> CandidateSlots(int from) =>
        graph.ActorSlotsInIdOrder().Where(c => c != from
            && (query.IncludeTied || !graph.RelationshipsOf(query.From).Any(r => r.Source == graph.ActorAt(c).Id || r.Target == graph.ActorAt(c).Id))
            && (query.Candidates is null || query.Candidates(graph.ActorAt(c))));

    /// <summary>The route the tie would open: the tie, then c's best route of at most maxHops − 1 hops that avoids From.</summary>
    private (long Cost, int[] Actors, int[] Relationships)? Opened(int c)
    {
        var tieCost = HopCosts.QuantisedCostOf(graph.Catalogue[query.TieType].Strength);
        var from = graph.IndexOf(query.From);
        if (IsTarget(c, from))
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
            Avoid = [query.From],
            Options = query.Options,
        }).Routes;
        return routes.Count == 0 ? null : (tieCost + QuantisedCost(graph, routes[0]), [from, .. routes[0].Actors], [.. routes[0].Relationships]);
    }

    private bool IsTarget(int actor, int from) =>
        actor != from && (query.To.ActorId is { } id ? graph.ActorAt(actor).Id == id : query.To.Predicate!(graph.ActorAt(actor)));

    private Route? Best(GraphSnapshot g)
    {
        var routes = IntroductionRouter.Find(g, new IntroductionQuery([query.From], query.To) { K = 1, MaxHops = query.MaxHops, Options = query.Options }).Routes;
        return routes.Count == 0 ? null : routes[0];
    }

    private GraphSnapshot WithTie(int c) =>
        GraphSnapshot.Build(graph.Actors, graph.Relationships.Append(new Relationship
        {
            Id = NewTieId,
            Source = query.From,
            Target = graph.ActorAt(c).Id,
            Type = query.TieType,
        }), graph.Version + 1, graph.Catalogue);

    public long QuantisedCost(GraphSnapshot g, Route route)
    {
        var costs = new HopCosts(g, query.Options);
        return route.Relationships.Sum(costs.QuantisedCost);
    }

    /// <summary>Targets with a route of at most maxHops hops from From: plain breadth-first over the usable ties.</summary>
    private int ReachableTargets(GraphSnapshot g, int from)
    {
        var costs = new HopCosts(g, query.Options);
        var distance = new Dictionary<int, int> { [from] = 0 };
        var queue = new Queue<int>([from]);
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
        return distance.Keys.Count(a => a != from && (query.To.ActorId is { } id ? g.ActorAt(a).Id == id : query.To.Predicate!(g.ActorAt(a))));
    }
}
