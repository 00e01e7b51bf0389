using GraphApi.Core.Analysis;
using GraphApi.Core.Graph;
using Microsoft.Extensions.Options;

namespace GraphApi.Analysis;

public static class AnalysisRegistration
{
    /// <summary>The analyses' options, their slots and threads (shared by analyses, layouts and analysis exports) and the service.</summary>
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
            sp.GetRequiredService<AnalysisSlots>(), sp.GetRequiredService<AnalysisThreads>()));
        services.AddSingleton<OverviewCache>();
        return services;
    }
}
