using System.ComponentModel.DataAnnotations;
using GraphApi.Http.Caching;
using GraphApi.Core.Domain;
using GraphApi.Core.Graph;
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
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithSummary("The whole graph (or a filtered part) laid out for an overview")
            .WithDescription("Actors matching `kind`, `country`, `region` and `sector` (all optional, combined with AND, as in the actor list) " +
                "with x/y positions (ForceAtlas2, deterministic) and one edge per tied pair, as node-index pairs in `edges`. " +
                $"At most `limit` actors (1-{MaxLimit}, default {DefaultLimit}): when more match, the ones with the most ties to other matching " +
                "actors are kept (then by id), `truncated` is true and `matching` says how many matched. Computed once per graph version and " +
                "filter; the ETag is the graph version, so If-None-Match answers 304 while the graph is unchanged. A layout not computed yet " +
                "takes one of the analysis slots: when all are busy past a brief wait, or the layout runs past the analyses' time budget, 503 with Retry-After or advice.");

    private static async Task<Results<Ok<OverviewResponse>, ValidationProblem, StatusCodeHttpResult>> GetOverview(
        GraphService graph, Regions regions, OverviewCache cache, HttpResponse response,
        string? kind, string? country, string? region, string? sector, [Range(1, MaxLimit)] int? limit, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var actors = ActorFilterRules.Check(new ActorFilter(kind, country, region, sector), regions, errors);
        if (limit is < 1 or > MaxLimit)
        {
            errors.Add("limit", $"must be between 1 and {MaxLimit}");
        }
        if (actors is null || !errors.IsEmpty)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        var filter = new OverviewFilter(actors, limit ?? DefaultLimit);
        response.Headers.CacheControl = "no-cache";
        return TypedResults.Ok(await cache.GetAsync(graph.Snapshot, filter, cancellationToken));
    }
}
