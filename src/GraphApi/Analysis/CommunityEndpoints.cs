using System.ComponentModel.DataAnnotations;
using GraphApi.Http.Caching;
using GraphApi.Core.Analysis;
using GraphApi.Core.Analysis.Communities;
using GraphApi.Core.Domain;
using GraphApi.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GraphApi.Analysis;

/// <summary>GET /api/analysis/communities: Leiden communities on modularity, and the actors that bridge them.</summary>
public static class CommunityEndpoints
{
    public const int DefaultTop = 20;

    public const string Description =
        "Communities by the Leiden algorithm (Traag, Waltman & van Eck 2019) maximising modularity with resolution γ, " +
        "Q = Σ_c [L_c/m − γ·(K_c/2m)²], on the undirected simple graph: one unweighted edge per pair of actors with any relationship " +
        "(parallel relationships merged, directions ignored). Every community is connected. `resolution` γ (0.001-1000, default 1; lower " +
        "gives fewer, larger communities, higher more and smaller ones); `seed` (default 42) fixes Leiden's random orders, so the same " +
        "graph, resolution and seed give the same answer. Iterations repeat until one raises modularity by less than 0.0005. " +
        "`modularity` is Q of the answer (igraph's `modularity(membership, resolution=γ)`; 0 for a graph without ties). Communities " +
        "are numbered 0, 1, … by size, largest first, ties by smallest member id; each lists its `size` and its `topMembers` (most " +
        "neighbours inside the community, then degree, then id; up to 5). Per actor: `degree`, `degreeInside`, `communitiesReached` (the " +
        "communities its neighbours are in) and `participation`, Guimerà & Amaral's participation coefficient P = 1 − Σ_s (k_s/k)² " +
        "(k_s its neighbours in community s; 0 for an isolate): 0 when all ties stay in one community, towards 1 when they spread " +
        "evenly over many. `bridges`: actors with degree ≥ 2 and P > 0, by P descending, then degree descending, then id. `top` " +
        "(1-500, default 20) caps the `communities` and `bridges` lists (`communityCount` and `bridgeCount` give their full sizes). " +
        "`items` pages all actors by community, then id (`limit` 1-500, default 50, `offset`); `actors=a,b` restricts them (404 if an " +
        "id is unknown). Results are cached per graph version, resolution and seed; a computation over the time budget answers 503.";

    public static RouteGroupBuilder MapCommunityEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/analysis").WithTags("Analysis").ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group.MapGet("/communities", GetCommunities).CachedByGraphVersion().WithName("GetCommunities")
            .WithSummary("Communities (Leiden, modularity with a resolution) and the actors bridging them")
            .WithDescription(Description + AsOfQuery.Description);
        return group;
    }

    private static async Task<Results<Ok<CommunityPage>, ValidationProblem, ProblemHttpResult>> GetCommunities(
        AnalysisService analysis, [Range(CommunityOptions.MinResolution, CommunityOptions.MaxResolution)] double? resolution, int? seed,
        [Range(1, Paging.MaxLimit)] int? top, string? actors, [Range(1, Paging.MaxLimit)] int? limit, [Range(0, int.MaxValue)] int? offset, string? asOf,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var day = AsOfQuery.Parse(asOf, errors);
        if (resolution is { } r && !(r >= CommunityOptions.MinResolution && r <= CommunityOptions.MaxResolution))
        {
            errors.Add("resolution", $"must be a number between {CommunityOptions.MinResolution} and {CommunityOptions.MaxResolution} (1 is classic modularity)");
        }
        if (top is < 1 or > Paging.MaxLimit)
        {
            errors.Add("top", $"must be between 1 and {Paging.MaxLimit}");
        }
        var ids = AnalysisQuery.ActorIds(actors, errors);
        var (take, skip) = Paging.Read(limit, offset, errors);
        if (!errors.IsEmpty)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        var options = new CommunityOptions(resolution ?? CommunityOptions.DefaultResolution, seed ?? CommunityOptions.DefaultSeed);
        // Over the time budget, AnalysisBudgetExceededException becomes the 503 with its advice (ApiExceptionHandler).
        var result = await analysis.CommunitiesAsync(options, day, cancellationToken);
        if (AnalysisQuery.Unknown(result.Snapshot, ids) is { Count: > 0 } unknown)
        {
            return ApiProblems.NoSuchActors(unknown);
        }
        return TypedResults.Ok(CommunityViews.Page(result, ids, top ?? DefaultTop, take, skip) with { AsOf = AsOfQuery.Echo(day) });
    }
}
