using GraphApi.Core.Analysis;
using GraphApi.Core.Graph;
using Microsoft.Extensions.Options;

namespace GraphApi.Analysis;

public static class AnalysisRegistration
{
    /// <summary>The analyses' options, their slots (shared by analyses, layouts and analysis exports) and the service.</summary>
    public static IServiceCollection AddAnalyses(this IServiceCollection services)
    {
        services.AddOptions<AnalysisOptions>().BindConfiguration(AnalysisOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<AnalysisOptions>>().Value;
            return new AnalysisSlots(options.MaxConcurrent, TimeSpan.FromSeconds(options.SlotWaitSeconds), TimeSpan.FromSeconds(options.RetryAfterSeconds));
        });
        services.AddSingleton(sp => new AnalysisService(sp.GetRequiredService<GraphService>(),
            TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<AnalysisOptions>>().Value.TimeBudgetSeconds), sp.GetRequiredService<AnalysisSlots>()));
        services.AddSingleton<OverviewCache>();
        return services;
    }
}
