using GraphApi.Core.Graph;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GraphApi.Hosting;

/// <summary>Ready once the first snapshot is built and while the store answers.</summary>
public sealed class ReadinessCheck(GraphInitializer initializer, GraphService graph) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!initializer.IsReady)
        {
            return HealthCheckResult.Unhealthy("the graph is still loading");
        }
        try
        {
            var version = await graph.Store.GetVersionAsync(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy($"store version {version}, snapshot version {graph.Snapshot.Version}");
        }
        catch (Core.Storage.StoreException ex)
        {
            return HealthCheckResult.Unhealthy("the store does not answer", ex);
        }
    }
}
