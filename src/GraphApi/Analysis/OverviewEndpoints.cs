using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using GraphApi.Core.Domain;
using GraphApi.Http;
using GraphApi.Http.Caching;
using GraphApi.Workspaces;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GraphApi.Analysis;

/// <summary>
/// GET /api/overview: every actor matching a filter (or all of them) with a ForceAtlas2 layout computed here, so the
/// explorer only draws. A layout is deterministic, so it is computed once per graph version and filter and then
/// served from memory; the ETag names the version, so a browser revalidating an unchanged graph gets a 304.
/// </summary>
public static class OverviewEndpoints
{
    public const int DefaultLimit = 10_000;
    public const int MaxLimit = 25_000;

    public static RouteHandlerBuilder MapOverviewEndpoints(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/api/overview", GetOverview).CachedByGraphVersion().WithTags("Explorer").WithName("GetOverview")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithSummary("The whole graph (or a filtered part) laid out for an overview")
            .WithDescription(OverviewDocs.Overview);

    private static async Task<Ok<OverviewResponse>> GetOverview(CallerGraph caller, Regions regions, OverviewCache cache, HttpResponse response,
        [AsParameters] ActorFilterQuery filter, [Description(OverviewDocs.Limit), Range(1, MaxLimit)] int? limit, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var actors = ActorFilterRules.Check(filter.ToFilter(), regions, errors);
        if (limit is < 1 or > MaxLimit)
        {
            errors.Add("limit", $"must be between 1 and {MaxLimit}");
        }
        errors.ThrowIfAny();
        response.Headers.CacheControl = "no-cache";
        return TypedResults.Ok(await cache.GetAsync(caller.Snapshot, new OverviewFilter(actors!, limit ?? DefaultLimit), cancellationToken));
    }
}
