using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using GraphApi.Core.Analysis;
using GraphApi.Core.Analysis.Communities;
using GraphApi.Core.Domain;
using GraphApi.Http;
using GraphApi.Http.Caching;
using GraphApi.Http.Csv;
using GraphApi.Workspaces;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GraphApi.Analysis;

/// <summary>GET /api/analysis/communities: Leiden communities on modularity, and the actors that bridge them.</summary>
public static class CommunityEndpoints
{
    public const int DefaultTop = 20;

    public static RouteGroupBuilder MapCommunityEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/analysis").WithTags("Analysis").ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group.MapGet("/communities", GetCommunities).CachedByGraphVersion().ProducesCsv().WithName("GetCommunities").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Communities (Leiden, modularity with a resolution) and the actors bridging them")
            .WithDescription(CommunityDocs.Communities);
        return group;
    }

    private static async Task<Ok<CommunityPage>> GetCommunities(AnalysisService analysis, CallerGraph caller, HttpRequest request,
        [Description(CommunityDocs.Resolution), Range(CommunityOptions.MinResolution, CommunityOptions.MaxResolution)] double? resolution,
        [Description(CommunityDocs.Seed)] int? seed, [Description(CommunityDocs.Top), Range(1, Paging.MaxLimit)] int? top,
        [Description(CommunityDocs.StabilityRuns), Range(0, CommunityOptions.MaxStabilityRuns)] int? stabilityRuns,
        [Description(AnalysisDocs.Actors)] string? actors, [AsParameters] PageQuery page, [AsParameters] AsOfQuery asOf, [AsParameters] ScopeQuery scope, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var day = asOf.Day(errors);
        var view = scope.Graph(caller, errors);
        if (resolution is { } r && !(r >= CommunityOptions.MinResolution && r <= CommunityOptions.MaxResolution))
        {
            errors.Add("resolution", $"must be a number between {CommunityOptions.MinResolution} and {CommunityOptions.MaxResolution} (1 is classic modularity)");
        }
        if (top is < 1 or > Paging.MaxLimit)
        {
            errors.Add("top", $"must be between 1 and {Paging.MaxLimit}");
        }
        if (stabilityRuns is < 0 or > CommunityOptions.MaxStabilityRuns)
        {
            errors.Add("stabilityRuns", $"must be between 0 and {CommunityOptions.MaxStabilityRuns}");
        }
        var ids = AnalysisRequestReader.ActorIds(actors, errors);
        var paging = page.Read(errors);
        errors.ThrowIfAny();
        var options = new CommunityOptions(resolution ?? CommunityOptions.DefaultResolution, seed ?? CommunityOptions.DefaultSeed,
            stabilityRuns ?? CommunityOptions.DefaultStabilityRunsFor(view.RelationshipCount));
        var result = await analysis.On(view).CommunitiesAsync(options, day, cancellationToken);
        AnalysisRequestReader.ThrowIfUnknown(result.Snapshot, ids);
        return TypedResults.Ok(CommunityViews.Page(result, ids, top ?? DefaultTop, paging, day, request));
    }
}
