using GraphApi.Core.Graph;
using GraphApi.Core.Routing;

namespace GraphApi.Routes;

/// <summary>A best-next-tie result (indexed by actor slot) → the JSON the API promises.</summary>
public static class BestNextTieViews
{
    public static BestNextTieResponse Of(GraphSnapshot graph, BestNextTieQuery query, BestNextTieResult result)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(result);
        return new BestNextTieResponse(
            query.From,
            new NewTieView(query.TieType, graph.Catalogue[query.TieType].Strength),
            query.MaxHops,
            result.Targets,
            result.ReachableTargets,
            result.CandidatesTried,
            result.Current is { } current ? RouteViews.Of(graph, current) : null,
            [.. result.Candidates.Select(c => Candidate(graph, query, c))]);
    }

    private static TieCandidateView Candidate(GraphSnapshot graph, BestNextTieQuery query, TieCandidate candidate)
    {
        var actor = graph.ActorAt(candidate.Actor);
        var source = graph.ActorAt(candidate.Source);
        var continuation = candidate.Continuation.Hops > 0 ? RouteViews.Of(graph, candidate.Continuation) : null;
        var explanation = RouteExplainer.ExplainWithNewTie(graph, source, actor, query.TieType, candidate.TieStrength,
            candidate.Continuation.Hops > 0 ? candidate.Continuation : null);
        var route = new OpenedRouteView(
            candidate.Score,
            candidate.Cost,
            candidate.Hops,
            continuation?.Target ?? actor.Id,
            [source.Id, .. continuation?.Path ?? [actor.Id]],
            explanation,
            continuation?.Steps ?? []);
        return new TieCandidateView(
            new CandidateActorView(actor.Id, actor.Name, actor.Kind, actor.Country, actor.Region),
            candidate.BestScore,
            candidate.Gain,
            candidate.NewlyReachable,
            route);
    }
}
