using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using GraphApi.Core.Analysis;
using GraphApi.Core.Domain;
using GraphApi.Http;
using GraphApi.Http.Caching;
using GraphApi.Http.Csv;
using GraphApi.Http.Input;
using GraphApi.Workspaces;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GraphApi.Analysis;

public static class AnalysisEndpoints
{
    public static RouteGroupBuilder MapAnalysisEndpoints(this IEndpointRouteBuilder routes)
    {
        // Every analysis is bounded: over its time budget, or with every slot busy, the 503 says what to do.
        var group = routes.MapGroup("/api/analysis").WithTags("Analysis").ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group.MapGet("/brokerage", GetBrokerage).CachedByGraphVersion().ProducesCsv().WithName("GetBrokerage").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Gould–Fernandez brokerage roles per actor")
            .WithDescription(AnalysisDocs.Brokerage);
        group.MapGet("/centrality", GetCentrality).CachedByGraphVersion().ProducesCsv().WithName("GetCentrality").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Degree, betweenness, closeness, Burt's constraint and effective size, components")
            .WithDescription(AnalysisDocs.Centrality);
        group.MapGet("/gateways", GetGateways).CachedByGraphVersion().ProducesCsv().WithName("GetGateways")
            .WithSummary("Actors that best introduction routes from one group to another pass through")
            .WithDescription(AnalysisDocs.Gateways);
        return group;
    }

    private static async Task<Ok<BrokeragePage>> GetBrokerage(AnalysisService analysis, CallerGraph caller, HttpRequest request,
        [Description(AnalysisDocs.Partition), OneOf(Sets.Partition)] string? partition, [Description(AnalysisDocs.Directed)] bool? directed,
        [Description(AnalysisDocs.BrokerageSort), OneOf(AnalysisSets.BrokerageSort)] string? sort, [Description(AnalysisDocs.Actors)] string? actors,
        [AsParameters] PageQuery page, [AsParameters] AsOfQuery asOf, [AsParameters] ScopeQuery scope, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var day = asOf.Day(errors);
        var on = analysis.On(scope.Graph(caller, errors));
        var field = AnalysisRequestReader.Partition(partition, errors);
        var sortBy = AnalysisRequestReader.Sort(sort, AnalysisRequestReader.BrokerageSorts, "total", errors);
        var ids = AnalysisRequestReader.ActorIds(actors, errors);
        var paging = page.Read(errors);
        errors.ThrowIfAny();
        var result = await on.BrokerageAsync(field, directed ?? false, day, cancellationToken);
        AnalysisRequestReader.ThrowIfUnknown(result.Snapshot, ids);
        return TypedResults.Ok(AnalysisViews.BrokeragePage(result, field, ids, sortBy, paging, day, request));
    }

    private static async Task<Ok<CentralityPage>> GetCentrality(AnalysisService analysis, CallerGraph caller, HttpRequest request,
        [Description(AnalysisDocs.Measures), OneOf(AnalysisSets.CentralityMeasure, List = true)] string? measures,
        [Description(AnalysisDocs.Weighted)] bool? weighted,
        [Description(AnalysisDocs.CentralitySample), Range(1, AnalysisRequestReader.MaxSample)] int? sample, [Description(AnalysisDocs.Seed)] int? seed,
        [Description(AnalysisDocs.Epsilon), Range(AnalysisRequestReader.MinEpsilon, AnalysisRequestReader.MaxEpsilon)] double? epsilon,
        [Description(AnalysisDocs.Delta), Range(0.0, 1.0, MinimumIsExclusive = true, MaximumIsExclusive = true)] double? delta,
        [Description(AnalysisDocs.CentralitySort), OneOf(AnalysisSets.CentralitySort)] string? sort,
        [Description(AnalysisDocs.Order), OneOf(AnalysisSets.SortOrder)] string? order, [Description(AnalysisDocs.Actors)] string? actors,
        [AsParameters] PageQuery page, [AsParameters] AsOfQuery asOf, [AsParameters] ScopeQuery scope, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var day = asOf.Day(errors);
        var on = analysis.On(scope.Graph(caller, errors));
        var wanted = AnalysisRequestReader.ParseMeasures(measures, errors);
        var names = AnalysisRequestReader.Measures.Where(m => wanted.HasFlag(m.Flag)).Select(m => m.Name).ToList();
        var sortBy = AnalysisRequestReader.Sort(sort, [.. names, AnalysisRequestReader.ByActor],
            names.Contains("betweenness") ? "betweenness" : names.FirstOrDefault() ?? AnalysisRequestReader.ByActor, errors);
        var ascending = AnalysisRequestReader.Ascending(order, errors);
        AnalysisRequestReader.CheckSample(sample, errors);
        AnalysisRequestReader.CheckGuarantee(epsilon, delta, sample, weighted ?? false, errors);
        var ids = AnalysisRequestReader.ActorIds(actors, errors);
        var paging = page.Read(errors);
        errors.ThrowIfAny();
        var options = new CentralityOptions(wanted, weighted ?? false, sample, seed ?? CentralityOptions.DefaultSeed, epsilon,
            epsilon is null ? null : delta ?? CentralityOptions.DefaultDelta);
        var result = await on.CentralityAsync(options, day, cancellationToken);
        AnalysisRequestReader.ThrowIfUnknown(result.Snapshot, ids);
        return TypedResults.Ok(AnalysisViews.CentralityPage(result, names, ids, sortBy, ascending, paging, day, request));
    }

    private static async Task<Ok<GatewayPage>> GetGateways(AnalysisService analysis, CallerGraph caller, Regions regions,
        [Required, Description(AnalysisDocs.GatewaysFrom)] string? from, [Required, Description(AnalysisDocs.GatewaysTo)] string? to,
        [Description(AnalysisDocs.Top), Range(1, Paging.MaxLimit)] int? top,
        [Description(AnalysisDocs.GatewaysSample), Range(2, AnalysisRequestReader.MaxSample)] int? sample, [Description(AnalysisDocs.Seed)] int? seed,
        [AsParameters] AsOfQuery asOf, [AsParameters] ScopeQuery scope, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var day = asOf.Day(errors);
        var on = analysis.On(scope.Graph(caller, errors));
        var source = ActorFilterRules.Parse(from, regions, errors, "from");
        var target = ActorFilterRules.Parse(to, regions, errors, "to");
        if (top is < 1 or > Paging.MaxLimit)
        {
            errors.Add("top", $"must be between 1 and {Paging.MaxLimit}");
        }
        if (sample is < 2 or > AnalysisRequestReader.MaxSample)
        {
            errors.Add("sample", $"must be between 2 and {AnalysisRequestReader.MaxSample} sources (a standard error needs two)");
        }
        errors.ThrowIfAny();
        var options = new GatewayOptions(sample, seed ?? GatewayOptions.DefaultSeed);
        var result = await on.GatewaysAsync(source!, target!, options, day, cancellationToken);
        return TypedResults.Ok(AnalysisViews.Gateways(result, top ?? 20, options.Seed, day));
    }
}
