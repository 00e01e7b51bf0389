using GraphApi.Core.Graph;
using Microsoft.Extensions.Options;

namespace GraphApi.Hosting;

/// <summary>
/// Polls the store's change version and reloads the snapshot when another writer (another replica on the same
/// Neo4j, or a CLI import into the same SQLite file) has moved it. Keeps replicas stateless.
/// </summary>
public sealed partial class SnapshotRefresher(GraphService graph, IOptions<GraphStoreOptions> options, ILogger<SnapshotRefresher> logger)
    : PeriodicRefresher(options, logger)
{
    protected override string Subject => "snapshot";

    protected override async Task RefreshAsync(CancellationToken cancellationToken)
    {
        if (await graph.RefreshIfStaleAsync(cancellationToken).ConfigureAwait(false))
        {
            LogRefreshed(logger, graph.Snapshot.Version);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Snapshot reloaded at store version {Version}")]
    private static partial void LogRefreshed(ILogger logger, long version);
}
