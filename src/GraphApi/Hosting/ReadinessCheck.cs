using GraphApi.Core.Graph;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GraphApi.Hosting;

/// <summary>
/// Ready once the first snapshot is built, while the store answers and while the snapshot shows what the store
/// committed: a snapshot behind its store (<see cref="GraphService.Lag"/>) refuses writes until it has reloaded, so
/// the instance is not ready meanwhile.
/// </summary>
public sealed class ReadinessCheck(GraphInitializer initializer, GraphService graph) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!initializer.IsReady)
        {
            return HealthCheckResult.Unhealthy("the graph is still loading");
        }
        if (graph.Lag is { } lag)
        {
            return HealthCheckResult.Unhealthy(lag.Describe());
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
