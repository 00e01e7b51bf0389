using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using GraphApi.Core.Analysis;
using GraphApi.Core.Domain;
using GraphApi.Http.Caching;
using GraphApi.Http.Csv;
using GraphApi.Http.Input;
using GraphApi.Http;
using GraphApi.Workspaces;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GraphApi.Analysis;

/// <summary>GET /api/analysis/timeline: an analysis repeated on the as-of graph of each step; GET /api/analysis/years: when the graph changes.</summary>
public static class TimelineEndpoints
{
    public static RouteGroupBuilder MapTimelineEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/analysis").WithTags("Analysis");
        group.MapGet("/timeline", GetTimeline).CachedByGraphVersion().ProducesCsv("series", "points").WithName("GetTimeline")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithSummary("Brokerage roles, betweenness or degree of some actors over time")
            .WithDescription(TimelineDocs.Timeline);
        group.MapGet("/years", GetYears).CachedByGraphVersion().WithName("GetTimelineYears")
            .WithSummary("The years in which ties begin or end")
            .WithDescription(TimelineDocs.Years);
        return group;
    }

    private static Ok<TimelineYears> GetYears(CallerGraph caller)
    {
        // The years of the graph the timeline runs on by default: the public one.
        var snapshot = caller.Public;
        return TypedResults.Ok(new TimelineYears(Timeline.YearsOfChange(snapshot), snapshot.Version));
    }

    private static async Task<Ok<TimelinePage>> GetTimeline(AnalysisService analysis, CallerGraph caller,
        [Required, Description(TimelineDocs.Actors)] string? actors,
        [Description(TimelineDocs.Measure), OneOf(AnalysisSets.TimelineMeasure)] string? measure,
        [Description(TimelineDocs.Partition), OneOf(Sets.Partition)] string? partition, [Description(TimelineDocs.Directed)] bool? directed,
        [Required, Description(TimelineDocs.From)] string? from, [Required, Description(TimelineDocs.To)] string? to,
        [Description(TimelineDocs.Step), OneOf(AnalysisSets.TimelineStep)] string? step,
        [Description(TimelineDocs.Sample), Range(1, AnalysisRequestReader.MaxSample)] int? sample, [Description(TimelineDocs.Seed)] int? seed,
        [AsParameters] ScopeQuery scope, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var graph = scope.Graph(caller, errors);
        var query = TimelineRequestReader.Read(actors, measure, partition, directed, from, to, step, sample, seed, errors);
        errors.ThrowIfAny();
        // Checked before computing (a timeline is costly) and again on the graph it was computed on (a concurrent delete).
        AnalysisRequestReader.ThrowIfUnknown(graph, query!.Actors);
        var result = await analysis.On(graph).TimelineAsync(query, cancellationToken);
        AnalysisRequestReader.ThrowIfUnknown(result.Snapshot, query.Actors);
        return TypedResults.Ok(TimelineViews.Page(result));
    }
}
