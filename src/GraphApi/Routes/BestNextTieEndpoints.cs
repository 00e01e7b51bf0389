using GraphApi.Core.Graph;
using GraphApi.Core.Routing;
using GraphApi.Http;
using GraphApi.Http.Input;
using GraphApi.Telemetry;
using GraphApi.Workspaces;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GraphApi.Routes;

/// <summary>POST /api/routes/best-next-tie: the what-if of one new tie, for every candidate at once.</summary>
public static class BestNextTieEndpoints
{
    public static RouteGroupBuilder MapBestNextTieEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/routes").WithTags("Routes");
        group.MapPost("/best-next-tie", FindBestNextTie).WithName("FindBestNextTie")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Whom should we meet so that next time a route reaches the target?")
            .WithDescription(RouteDocs.BestNextTie);
        return group;
    }

    private static Ok<BestNextTieResponse> FindBestNextTie(
        GraphService graph, CallerGraph caller, ClosedSets sets, TimeProvider clock, BestNextTieRequest request, CancellationToken cancellationToken)
    {
        var snapshot = caller.Snapshot;
        var query = BestNextTieRequestReader.Read(request, snapshot, graph.Regions, sets, AsOfQuery.Today(clock));
        return TypedResults.Ok(BestNextTieViews.Of(snapshot, query, RouteSpans.Traced("best_next_tie", () => BestNextTie.Find(snapshot, query, cancellationToken))));
    }
}
