using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using GraphApi.Core.Graph;
using GraphApi.Core.Introductions;
using GraphApi.Core.Routing;
using GraphApi.Http;
using GraphApi.Http.Caching;
using GraphApi.Http.Input;
using GraphApi.Telemetry;
using GraphApi.Workspaces;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GraphApi.Routes;

public static class RouteEndpoints
{
    public static RouteGroupBuilder MapRouteEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/routes").WithTags("Routes");
        group.MapPost("/introductions", FindIntroductions).WithName("FindIntroductionRoutes")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Who can introduce us to X, and through whom?")
            .WithDescription(RouteDocs.Introductions);
        group.MapGet("/shortest", FindShortest).CachedByGraphVersion().WithName("FindShortestPath")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Fewest-hops path from one actor (or the nearest of several) to another")
            .WithDescription(RouteDocs.Shortest);
        return group;
    }

    private static Ok<RoutesResponse> FindIntroductions(
        GraphService graph, CallerGraph caller, IntroductionLedger ledger, ClosedSets sets, TimeProvider clock, IntroductionRequest request,
        CancellationToken cancellationToken)
    {
        var snapshot = caller.Snapshot;
        // Learned strengths come from the asks this caller may see only: another workspace's outcomes teach nothing here.
        var learned = ledger.ViewFor(caller.Workspace);
        var query = IntroductionRequestReader.Read(request, snapshot, graph.Regions, sets, AsOfQuery.Today(clock), () => learned.LearnedStrengths(snapshot));
        var routes = RouteViews.Of(snapshot, RouteSpans.Traced("introductions", () => IntroductionRouter.Find(snapshot, query, cancellationToken)));
        return TypedResults.Ok(LearnedRouteSteps.Annotate(routes, learned));
    }

    private static Ok<RoutesResponse> FindShortest(CallerGraph caller,
        [Required, Description(RouteDocs.ShortestFrom)] string? from, [Required, Description(RouteDocs.ShortestTo)] string? to,
        CancellationToken cancellationToken)
    {
        var snapshot = caller.Snapshot;
        var (sources, target) = ShortestRequestReader.Read(from, to, snapshot);
        return TypedResults.Ok(RouteSpans.Traced("shortest", () => FewestHops.Find(snapshot, sources, target, cancellationToken)) is { } route
            ? new RoutesResponse([RouteViews.Of(snapshot, route)], null)
            : new RoutesResponse([], NotConnected(sources, target)));
    }

    private static string NotConnected(string[] sources, string target) => sources.Length == 1
        ? $"'{sources[0]}' and '{target}' are not connected"
        : $"none of {string.Join(", ", sources.Select(s => $"'{s}'"))} is connected to '{target}'";
}
