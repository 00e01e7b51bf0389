using GraphApi.Core.Graph;
using Microsoft.Extensions.Options;

namespace GraphApi.Hosting;

/// <summary>
/// Polls the store's change version and reloads the snapshot when another writer (another replica on the same
/// Neo4j, or a CLI import into the same SQLite file) has moved it. Keeps replicas stateless.
/// </summary>
public sealed partial class SnapshotRefresher(GraphService graph, IOptions<GraphStoreOptions> options, ILogger<SnapshotRefresher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.RefreshIntervalSeconds;
        if (interval <= 0)
        {
            return;
        }
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(interval));
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                if (await graph.RefreshIfStaleAsync(stoppingToken).ConfigureAwait(false))
                {
                    LogRefreshed(logger, graph.Snapshot.Version);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A store outage must not kill the loop; the next tick tries again and readiness reports it.
                LogFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Snapshot reloaded at store version {Version}")]
    private static partial void LogRefreshed(ILogger logger, long version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Snapshot refresh failed; serving the previous snapshot")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
