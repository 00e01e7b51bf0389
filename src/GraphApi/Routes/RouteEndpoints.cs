using GraphApi.Http.Caching;
using GraphApi.Core.Graph;
using GraphApi.Core.Introductions;
using GraphApi.Core.Routing;
using GraphApi.Http;
using GraphApi.Introductions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GraphApi.Routes;

public static class RouteEndpoints
{
    private const string IntroductionsDescription =
        "Ranked introduction routes from any of the `from` actors to `to`: one actor (`{\"id\":…}`) or any actor matching a filter " +
        "(`{\"kind\",\"country\",\"region\",\"sector\"}`, combined with AND, e.g. any MiniCluster in KR).\n\n" +
        "* **Both directions**: every relationship can be travelled either way; each step reports its stored `direction` " +
        "(`forward` when travel follows stored source → target, `backward` otherwise) and the stored `source`/`target`.\n" +
        "* **Strength** of a hop: s = strength × 0.5^(age / halfLifeYears), where strength is the relationship's override or its type's default " +
        "(GET /api/relationship-types) and age = asOf (or today) − since, in years. No decay when `since` is unknown or `halfLifeYears` is omitted; " +
        "otherwise `halfLifeYears` is 0.1-10000. A hop decayed below about 1e-308 shows strength 0 (and its route score 0) while its cost stays finite.\n" +
        "* **Cost** of a hop = −ln s; a route's `cost` is the sum, its `score` = Π s (0..1, higher is better). " +
        "The best route has the least cost; ties (costs equal to 1e-9) go to fewer hops, then to the alphabetically smaller sequence of actor ids.\n" +
        "* `k` (1-10, default 3) alternatives, best first (Yen's loopless k-shortest routes). `distinctTargets`: each route ends at a different actor. " +
        "`disjoint`: no route passes through or ends at an actor an earlier route passes through, nor repeats an earlier direct tie.\n" +
        "* `maxHops` (1-8, default 6) bounds the route length exactly (a longer cheapest route does not hide a shorter one). " +
        "`relationshipTypes` restricts the ties used; `avoid` actors are never visited; `asOf` (YYYY-MM-DD) ignores ties not in force that day " +
        "(started after it, or ended before it).\n" +
        "* Routes start at a `from` actor and never pass through or end at another one. Between the same two actors a hop uses the strongest tie.\n" +
        "* `strengths`: `stated` (default) uses each relationship's own strength; `learned` uses what the introduction ledger learned of it " +
        "(POST /api/introductions), through the same decay and cost rule. Every step shows its `learned` estimate and trial counts either way.\n\n" +
        "Unknown ids → 404 naming them; bad fields → 400 per field; no route → 200 with an empty `routes` and a `reason`.";

    public static RouteGroupBuilder MapRouteEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/routes").WithTags("Routes");
        group.MapPost("/introductions", FindIntroductions).WithName("FindIntroductionRoutes")
            .WithSummary("Who can introduce us to X, and through whom?")
            .WithDescription(IntroductionsDescription);
        group.MapGet("/shortest", FindShortest).CachedByGraphVersion().WithName("FindShortestPath")
            .WithSummary("Fewest-hops path between two actors")
            .WithDescription("Counts hops only (no strengths, decay or filters); every relationship can be travelled both ways. " +
                "Among equally short paths the alphabetically smallest sequence of actor ids wins, and each hop uses the strongest tie between its actors. " +
                "Answers in the same shape as introduction routes (score and cost from base strengths); no path → 200 with empty `routes` and a `reason`.");
        return group;
    }

    private static Results<Ok<RoutesResponse>, ValidationProblem, ProblemHttpResult> FindIntroductions(
        GraphService graph, IntroductionLedger ledger, TimeProvider clock, IntroductionRequest request, CancellationToken cancellationToken)
    {
        var snapshot = graph.Snapshot;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var read = IntroductionRequestReader.Read(request, snapshot, graph.Regions, today, () => ledger.LearnedStrengths(snapshot));
        if (!read.Errors.IsEmpty)
        {
            return TypedResults.ValidationProblem(read.Errors.ToDictionary());
        }
        if (read.UnknownIds.Count > 0)
        {
            return ApiProblems.NoSuchActors(read.UnknownIds);
        }
        var routes = RouteViews.Of(snapshot, IntroductionRouter.Find(snapshot, read.Query!, cancellationToken));
        return TypedResults.Ok(LearnedRouteSteps.Annotate(routes, snapshot, ledger));
    }

    private static Results<Ok<RoutesResponse>, ValidationProblem, ProblemHttpResult> FindShortest(
        GraphService graph, string? from, string? to, CancellationToken cancellationToken)
    {
        var errors = new Core.Domain.ValidationErrors();
        if (string.IsNullOrEmpty(from))
        {
            errors.Add("from", "is required");
        }
        if (string.IsNullOrEmpty(to))
        {
            errors.Add("to", "is required");
        }
        else if (to == from)
        {
            errors.Add("to", "must differ from from");
        }
        if (!errors.IsEmpty)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        var snapshot = graph.Snapshot;
        var unknown = new[] { from!, to! }.Where(id => snapshot.FindActor(id) is null).ToArray();
        if (unknown.Length > 0)
        {
            return ApiProblems.NoSuchActors(unknown);
        }
        var route = FewestHops.Find(snapshot, from!, to!, cancellationToken);
        return TypedResults.Ok(route is null
            ? new RoutesResponse([], $"'{from}' and '{to}' are not connected")
            : new RoutesResponse([RouteViews.Of(snapshot, route)], null));
    }
}
