using GraphApi.Core.Graph;
using Microsoft.Extensions.Options;

namespace GraphApi.Hosting;

/// <summary>
/// Polls the store's change version and catches the snapshot up when another writer (another replica on the same
/// Neo4j, or a CLI import into the same SQLite file) has moved it: from the store's change log as a delta, or by a
/// reload when the log does not reach back (which the graph service logs itself). Keeps replicas stateless.
/// </summary>
public sealed partial class SnapshotRefresher(GraphService graph, IOptions<GraphStoreOptions> options, IHostApplicationLifetime lifetime,
    ILogger<SnapshotRefresher> logger) : PeriodicRefresher(options, lifetime, logger)
{
    protected override string Subject => "snapshot";

    protected override async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var fullLoads = graph.FullLoads;
        if (await graph.RefreshIfStaleAsync(cancellationToken).ConfigureAwait(false))
        {
            LogRefreshed(logger, graph.Snapshot.Version, graph.FullLoads == fullLoads ? "applied from the change log" : "reloaded");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Snapshot caught up with the store at version {Version}: {How}")]
    private static partial void LogRefreshed(ILogger logger, long version, string how);
}
