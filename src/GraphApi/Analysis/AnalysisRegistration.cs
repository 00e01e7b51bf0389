using GraphApi.Core.Analysis;
using GraphApi.Core.Graph;
using GraphApi.Http.Input;
using Microsoft.Extensions.Options;

namespace GraphApi.Analysis;

/// <summary>The closed sets the analyses' parameters name (partitions are the domain's: <see cref="Sets.Partition"/>).</summary>
public static class AnalysisSets
{
    public const string BrokerageSort = "brokerage sort";
    public const string CentralityMeasure = "centrality measure";
    public const string CentralitySort = "centrality sort";
    public const string SortOrder = "sort order";
    public const string TimelineMeasure = "timeline measure";
    public const string TimelineStep = "timeline step";
}

public static class AnalysisRegistration
{
    /// <summary>The analyses' options, their slots and threads (shared by analyses, layouts and analysis exports), the service and their closed sets.</summary>
    public static IServiceCollection AddAnalyses(this IServiceCollection services)
    {
        services.AddOptions<AnalysisOptions>().BindConfiguration(AnalysisOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<AnalysisOptions>>().Value;
            return new AnalysisSlots(options.MaxConcurrent, TimeSpan.FromSeconds(options.SlotWaitSeconds), TimeSpan.FromSeconds(options.RetryAfterSeconds));
        });
        // One thread per slot: each running analysis has one of its own, and their parallel loops share them.
        services.AddSingleton(sp => new AnalysisThreads(sp.GetRequiredService<IOptions<AnalysisOptions>>().Value.MaxConcurrent));
        services.AddSingleton(sp => new AnalysisService(sp.GetRequiredService<GraphService>(),
            TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<AnalysisOptions>>().Value.TimeBudgetSeconds),
            sp.GetRequiredService<AnalysisSlots>(), sp.GetRequiredService<AnalysisThreads>(), sp.GetService<GraphApi.Core.Telemetry.GraphMetrics>()));
        services.AddSingleton<OverviewCache>();
        return services
            .AddClosedSet(AnalysisSets.BrokerageSort, _ => AnalysisRequestReader.BrokerageSorts)
            .AddClosedSet(AnalysisSets.CentralityMeasure, _ => [.. AnalysisRequestReader.Measures.Select(m => m.Name)])
            .AddClosedSet(AnalysisSets.CentralitySort, _ => [.. AnalysisRequestReader.Measures.Select(m => m.Name), AnalysisRequestReader.ByActor])
            .AddClosedSet(AnalysisSets.SortOrder, _ => AnalysisRequestReader.Orders)
            .AddClosedSet(AnalysisSets.TimelineMeasure, _ => [.. Enum.GetValues<TimelineMeasure>().Select(TimelineViews.Name)])
            .AddClosedSet(AnalysisSets.TimelineStep, _ => [.. Enum.GetValues<TimelineStep>().Select(TimelineViews.Name)]);
    }
}
