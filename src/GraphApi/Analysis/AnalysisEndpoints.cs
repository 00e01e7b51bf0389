using System.ComponentModel.DataAnnotations;
using GraphApi.Http.Caching;
using GraphApi.Core.Analysis;
using GraphApi.Core.Domain;
using GraphApi.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GraphApi.Analysis;

public static class AnalysisEndpoints
{
    public static RouteGroupBuilder MapAnalysisEndpoints(this IEndpointRouteBuilder routes)
    {
        // Every analysis has a time budget: over it, the 503 problem says what to ask for instead.
        var group = routes.MapGroup("/api/analysis").WithTags("Analysis").ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group.MapGet("/brokerage", GetBrokerage).CachedByGraphVersion().WithName("GetBrokerage")
            .WithSummary("Gould–Fernandez brokerage roles per actor")
            .WithDescription(AnalysisDocs.Brokerage + AsOfQuery.Description);
        group.MapGet("/centrality", GetCentrality).CachedByGraphVersion().WithName("GetCentrality")
            .WithSummary("Degree, betweenness, closeness, Burt's constraint and effective size, components")
            .WithDescription(AnalysisDocs.Centrality + AsOfQuery.Description);
        group.MapGet("/gateways", GetGateways).CachedByGraphVersion().WithName("GetGateways")
            .WithSummary("Actors that best introduction routes from one group to another pass through")
            .WithDescription(AnalysisDocs.Gateways + AsOfQuery.Description);
        return group;
    }

    private static async Task<Results<Ok<BrokeragePage>, ValidationProblem, ProblemHttpResult>> GetBrokerage(
        AnalysisService analysis, string? partition, bool? directed, string? sort, string? actors, [Range(1, Paging.MaxLimit)] int? limit, [Range(0, int.MaxValue)] int? offset,
        string? asOf, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var day = AsOfQuery.Parse(asOf, errors);
        var field = AnalysisQuery.Partition(partition, errors);
        var sortBy = AnalysisQuery.Sort(sort, AnalysisQuery.BrokerageSorts, "total", errors);
        var ids = AnalysisQuery.ActorIds(actors, errors);
        var (take, skip) = Paging.Read(limit, offset, errors);
        if (!errors.IsEmpty)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        // Over the time budget, AnalysisBudgetExceededException becomes the 503 with its advice (ApiExceptionHandler).
        var result = await analysis.BrokerageAsync(field, directed ?? false, day, cancellationToken);
        if (AnalysisQuery.Unknown(result.Snapshot, ids) is { Count: > 0 } unknown)
        {
            return ApiProblems.NoSuchActors(unknown);
        }
        var items = AnalysisViews.Brokerage(result, ids, sortBy);
        return TypedResults.Ok(new BrokeragePage([.. items.Skip(skip).Take(take)], items.Count, take, skip,
            ActorFields.Names[(int)field], result.Directed, result.Snapshot.Version, AsOfQuery.Echo(day)));
    }

    private static async Task<Results<Ok<CentralityPage>, ValidationProblem, ProblemHttpResult>> GetCentrality(
        AnalysisService analysis, string? measures, bool? weighted, [Range(1, AnalysisQuery.MaxSample)] int? sample, int? seed,
        [Range(AnalysisQuery.MinEpsilon, AnalysisQuery.MaxEpsilon)] double? epsilon, [Range(0.0, 1.0, MinimumIsExclusive = true, MaximumIsExclusive = true)] double? delta, string? sort,
        string? order, string? actors, [Range(1, Paging.MaxLimit)] int? limit, [Range(0, int.MaxValue)] int? offset, string? asOf, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var day = AsOfQuery.Parse(asOf, errors);
        var wanted = AnalysisQuery.ParseMeasures(measures, errors);
        var names = AnalysisQuery.Measures.Where(m => wanted.HasFlag(m.Flag)).Select(m => m.Name).ToList();
        var sortBy = AnalysisQuery.Sort(sort, [.. names, "actor"], names.Contains("betweenness") ? "betweenness" : names.FirstOrDefault() ?? "actor", errors);
        var ascending = AnalysisQuery.Ascending(order, errors);
        AnalysisQuery.CheckSample(sample, errors);
        AnalysisQuery.CheckGuarantee(epsilon, delta, sample, weighted ?? false, errors);
        var ids = AnalysisQuery.ActorIds(actors, errors);
        var (take, skip) = Paging.Read(limit, offset, errors);
        if (!errors.IsEmpty)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        var result = await analysis.CentralityAsync(
            new CentralityOptions(wanted, weighted ?? false, sample, seed ?? CentralityOptions.DefaultSeed, epsilon, epsilon is null ? null : delta ?? CentralityOptions.DefaultDelta),
            day, cancellationToken);
        if (AnalysisQuery.Unknown(result.Snapshot, ids) is { Count: > 0 } unknown)
        {
            return ApiProblems.NoSuchActors(unknown);
        }
        var items = AnalysisViews.Centrality(result, ids, sortBy, ascending);
        return TypedResults.Ok(new CentralityPage([.. items.Skip(skip).Take(take)], items.Count, take, skip, names, result.Options.Weighted,
            result.Pivots, AnalysisViews.Guarantee(result), result.Component.Count == 0 ? 0 : result.Component.Max() + 1, result.Snapshot.Version, AsOfQuery.Echo(day)));
    }

    private static async Task<Results<Ok<GatewayPage>, ValidationProblem, ProblemHttpResult>> GetGateways(
        AnalysisService analysis, Regions regions, string? from, string? to, [Range(1, Paging.MaxLimit)] int? top, [Range(2, AnalysisQuery.MaxSample)] int? sample, int? seed, string? asOf,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var day = AsOfQuery.Parse(asOf, errors);
        var source = ActorFilterRules.Parse(from, regions, errors, "from");
        var target = ActorFilterRules.Parse(to, regions, errors, "to");
        if (top is < 1 or > Paging.MaxLimit)
        {
            errors.Add("top", $"must be between 1 and {Paging.MaxLimit}");
        }
        if (sample is < 2 or > AnalysisQuery.MaxSample)
        {
            errors.Add("sample", $"must be between 2 and {AnalysisQuery.MaxSample} sources (a standard error needs two)");
        }
        if (source is null || target is null || !errors.IsEmpty)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        var options = new GatewayOptions(sample, seed ?? GatewayOptions.DefaultSeed);
        var result = await analysis.GatewaysAsync(source, target, options, day, cancellationToken);
        return TypedResults.Ok(AnalysisViews.Gateways(result, top ?? 20, options.Seed) with { AsOf = AsOfQuery.Echo(day) });
    }
}
