using System.ComponentModel.DataAnnotations;
using GraphApi.Http.Caching;
using GraphApi.Core.Analysis;
using GraphApi.Core.Domain;
using GraphApi.Core.Graph;
using GraphApi.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GraphApi.Analysis;

/// <summary>GET /api/analysis/timeline: an analysis repeated on the as-of graph of each step.</summary>
public static class TimelineEndpoints
{
    /// <summary>Each actor's series costs little; the cap keeps answers (and the chart they feed) readable.</summary>
    public const int MaxActors = 10;

    /// <summary>Each step recomputes the analysis on a whole graph: ten years by month is the most one request may ask.</summary>
    public const int MaxSteps = 120;

    public static readonly string Description =
        $"For each of `actors` (comma-separated ids, 1-{MaxActors}, 404 if one is unknown), a series of the `measure` on the graph of the ties " +
        "in force at each step, exactly what the single-date analysis answers with `asOf` = the step's date: **brokerage** (default; the " +
        "value is the Gould–Fernandez total and `roles` gives coordinator, itinerant, representative, gatekeeper, liaison and total; " +
        "`partition` = region (default), country, kind or sector, `directed` as in GET /api/analysis/brokerage), **betweenness** (raw, " +
        "unweighted, as `betweenness` in GET /api/analysis/centrality; `sample=k` estimates it from k pivot sources drawn with `seed`, " +
        "default 42) or **degree** (distinct neighbours). `from` and `to` are dates of the form YYYY, YYYY-MM or YYYY-MM-DD (both " +
        "required, from ≤ to); `step` = year (default) or month. **Step dates**: the last day of each year (or month) from `from`'s to " +
        "`to`'s, e.g. from=2013&to=2017 gives 2013-12-31 … 2017-12-31, so a tie dated only \"2015\" counts from the 2015 point on and " +
        $"one that ended in 2015 still counts in 2015. At most {MaxSteps} steps. A tie is in force on a day when it began on or before it and did " +
        "not end before it (dates at their own precision); undated ties always count. The whole timeline is one computation on the " +
        "analyses' time budget (over it: 503 with advice) and is cached per graph version and parameters.";

    public static RouteGroupBuilder MapTimelineEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/analysis").WithTags("Analysis").ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group.MapGet("/timeline", GetTimeline).CachedByGraphVersion().WithName("GetTimeline")
            .WithSummary("Brokerage roles, betweenness or degree of some actors over time")
            .WithDescription(Description);
        group.MapGet("/years", GetYears).CachedByGraphVersion().WithName("GetTimelineYears")
            .WithSummary("The years in which ties begin or end")
            .WithDescription("The distinct years of every relationship's `since` and `until`, ascending: the years in which the graph of the " +
                "ties in force can change, e.g. for an as-of slider or a timeline's `from` and `to`.");
        return group;
    }

    private static Ok<TimelineYears> GetYears(GraphService graph)
    {
        var snapshot = graph.Snapshot;
        return TypedResults.Ok(new TimelineYears(Timeline.YearsOfChange(snapshot), snapshot.Version));
    }

    private static async Task<Results<Ok<TimelinePage>, ValidationProblem, ProblemHttpResult>> GetTimeline(
        AnalysisService analysis, GraphService graph, string? actors, string? measure, string? partition, bool? directed,
        string? from, string? to, string? step, [Range(1, AnalysisQuery.MaxSample)] int? sample, int? seed, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var query = TimelineQueryReader.Read(actors, measure, partition, directed, from, to, step, sample, seed, errors);
        if (query is null || !errors.IsEmpty)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        // Checked before computing (a timeline is costly) and again on the graph it was computed on (a concurrent delete).
        if (AnalysisQuery.Unknown(graph.Snapshot, query.Actors) is { Count: > 0 } missing)
        {
            return ApiProblems.NoSuchActors(missing);
        }
        var result = await analysis.TimelineAsync(query, cancellationToken);
        if (AnalysisQuery.Unknown(result.Snapshot, query.Actors) is { Count: > 0 } gone)
        {
            return ApiProblems.NoSuchActors(gone);
        }
        return TypedResults.Ok(TimelineViews.Page(result));
    }
}
