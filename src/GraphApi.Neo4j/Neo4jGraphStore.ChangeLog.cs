using GraphApi.Core.Storage;
using GraphApi.Neo4j.QueryApi;
using Microsoft.Extensions.Logging;

namespace GraphApi.Neo4j;

/// <summary>
/// The change log, so that replicas on one database apply each other's writes as deltas instead of reloading the
/// graph (Neo4j's own change data capture exists only in its Enterprise editions). Every write transaction appends one
/// <c>:ChangeSet</c> under the version it bumped, holding the records it left behind as stored and the ids it deleted
/// (<see cref="Neo4jChangeSet"/>); <see cref="ChangesSinceAsync"/> reads and folds those after a replica's version
/// (<see cref="Neo4jChangeLog"/>). Change sets older than <see cref="RetainedVersions"/> are pruned; a replica older
/// than that, or one that meets a version without a change set, reloads.
/// </summary>
public sealed partial class Neo4jGraphStore
{
    /// <summary>Versions the change log keeps; older change sets are pruned every <see cref="PruneEvery"/> versions.</summary>
    internal const long RetainedVersions = 10_000;

    private const long PruneEvery = 1_000;

    public async Task<StoreChanges?> ChangesSinceAsync(long version, CancellationToken cancellationToken)
    {
        var result = await _client.RunAsync(Query("change-log-read", ("since", version)), cancellationToken).ConfigureAwait(false);
        var (changes, whyNot) = Neo4jChangeLog.Fold(version, result.FirstOrNull);
        if (whyNot is not null)
        {
            LogNoReach(_client.Logger, version, whyNot);
        }
        return changes;
    }

    /// <summary>
    /// Drops the change sets at or below <paramref name="floor"/> now, as the writes do every <see cref="PruneEvery"/>
    /// versions: replicas older than the floor reload. For tests and operators; the version does not move.
    /// </summary>
    internal Task PruneChangeLogAsync(long floor, CancellationToken cancellationToken) =>
        _client.InTransactionAsync(async (tx, ct) =>
        {
            await tx.RunAsync(Query("change-log-prune", ("floor", floor)), ct).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    /// <summary>Appends the transaction's change set and, every <see cref="PruneEvery"/> versions, prunes the oldest.</summary>
    private static async Task LogChangesAsync(QueryApiTransaction tx, long version, Neo4jChangeSet changes, CancellationToken ct)
    {
        await changes.AppendAsync(tx, version, ct).ConfigureAwait(false);
        if (version % PruneEvery == 0 && version > RetainedVersions)
        {
            await tx.RunAsync(Query("change-log-prune", ("floor", version - RetainedVersions)), ct).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The Neo4j change log cannot bring a replica from version {Version} to the store's: {Reason}; it reloads the whole graph instead")]
    private static partial void LogNoReach(ILogger logger, long version, string reason);
}
