using GraphApi.Core.Graph;
using GraphApi.Core.Routing;
using GraphApi.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GraphApi.Routes;

/// <summary>POST /api/routes/best-next-tie: the what-if of one new tie, for every candidate at once.</summary>
public static class BestNextTieEndpoints
{
    private const string Description =
        "Whom should `from` meet next? Each candidate is tried as one new tie `from`–candidate of `type` (default MOU, counted at its " +
        "catalogue strength, undated so it never decays). With the tie, the best route to `to` (one actor, or any actor matching a filter) is the " +
        "better of today's best route and the route the tie opens: `from` → candidate, then the candidate's best existing route of at most " +
        "`maxHops` − 1 hops that does not pass back through `from`. Routes, strengths, costs (−ln s, compared to 1e-9) and tie-breaking are " +
        "those of POST /api/routes/introductions.\n\n" +
        "* `candidates`: a filter over actors (kind / country / region / sector, AND); default every actor. Actors already tied to `from` are " +
        "left out unless `includeTied` is true.\n" +
        "* **Ranking**, best first: the best score with the tie (higher first); then `newlyReachable`, the number of target actors a route of at most " +
        "`maxHops` reaches with the tie and not without it (more first); then, among ties that raise the score, the hops of the route they open (fewer first); then the " +
        "candidate's id. Candidates that neither raise the best score (`gain` > 0) nor reach a new target are left out.\n" +
        "* Exact for every candidate at the cost of one backward, hop-layered search from the targets (bounded by today's best cost), plus a " +
        "reachability count for the targets no route reaches today.\n\n" +
        "Unknown ids → 404 naming them; bad fields → 400 per field.";

    public static RouteGroupBuilder MapBestNextTieEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/routes").WithTags("Routes");
        group.MapPost("/best-next-tie", FindBestNextTie).WithName("FindBestNextTie")
            .WithSummary("Whom should we meet so that next time a route reaches the target?")
            .WithDescription(Description);
        return group;
    }

    private static Results<Ok<BestNextTieResponse>, ValidationProblem, ProblemHttpResult> FindBestNextTie(
        GraphService graph, TimeProvider clock, BestNextTieRequest request, CancellationToken cancellationToken)
    {
        var snapshot = graph.Snapshot;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var read = BestNextTieRequestReader.Read(request, snapshot, graph.Regions, today);
        if (!read.Errors.IsEmpty)
        {
            return TypedResults.ValidationProblem(read.Errors.ToDictionary());
        }
        if (read.UnknownIds.Count > 0)
        {
            return ApiProblems.NoSuchActors(read.UnknownIds);
        }
        var query = read.Query!;
        var result = BestNextTie.Find(snapshot, query, cancellationToken);
        return TypedResults.Ok(new BestNextTieResponse(
            query.From,
            new NewTieView(query.TieType, snapshot.Catalogue[query.TieType].Strength),
            query.MaxHops,
            result.Targets,
            result.ReachableTargets,
            result.CandidatesTried,
            result.Current is { } current ? RouteViews.Of(snapshot, current) : null,
            [.. result.Candidates.Select(c => View(snapshot, query, c))]));
    }

    private static TieCandidateView View(GraphSnapshot graph, BestNextTieQuery query, TieCandidate candidate)
    {
        var actor = graph.ActorAt(candidate.Actor);
        var continuation = candidate.Continuation.Hops > 0 ? RouteViews.Of(graph, candidate.Continuation) : null;
        var from = graph.FindActor(query.From)!;
        var explanation = $"{from.Name} → {actor.Name}: a new {query.TieType} (assumed, strength {candidate.TieStrength:0.##})"
            + (continuation is null ? "" : continuation.Explanation[actor.Name.Length..]);
        var route = new OpenedRouteView(
            candidate.Score,
            candidate.Cost,
            candidate.Hops,
            continuation?.Target ?? actor.Id,
            [query.From, .. continuation?.Path ?? [actor.Id]],
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
