using GraphApi.Core.Domain;

namespace GraphApi.Core.Storage;

/// <summary>
/// The system of record. Adapters (SQLite, Neo4j) commit atomically, assign revisions for optimistic concurrency,
/// and bump a store-wide change version so that every replica can tell when its snapshot is stale. Writes are
/// <see cref="StoreWrite"/>s, run in batches (<see cref="CommitBatchAsync"/>) through the store's
/// <see cref="IStoreWriter"/>; <see cref="StoreWriting.WriteAsync{TOutcome}"/> runs one alone. Regions are derived, so adapters
/// neither store nor return them.
/// </summary>
public interface IGraphStore : IAuditLog
{
    /// <summary>Where the data lives, for logs and the command line: a file path, or a server and database.</summary>
    string Location { get; }

    /// <summary>Creates the schema if it is missing. Safe to call on every start.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    Task<GraphData> LoadAsync(CancellationToken cancellationToken);

    Task<long> GetVersionAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Group commit: opens a batch, lets <paramref name="writes"/> run each write into it (<see cref="IStoreBatch"/>:
    /// each alone or not at all, a refused one failing by itself), and answers once the batch is durable. SQLite runs
    /// the batch as one transaction with one fsync and a savepoint per write; Neo4j gives each write its own
    /// transaction (<see cref="OneTransactionEach"/>). Only an outage (<see cref="StoreUnavailableException"/>) or a
    /// bug fails the call, and then nothing is assumed about the batch.
    /// </summary>
    Task<StoreBatch> CommitBatchAsync(Func<IStoreBatch, Task> writes, CancellationToken cancellationToken);

    /// <summary>
    /// Starts an upsert that writes rows as they are added (<see cref="IBulkUpsert"/>), so an import need not hold
    /// them all. The default buffers them for one <see cref="StoreWrite.Upsert"/>; the SQLite store streams them into
    /// its transaction, holding the write lock from here to the commit or the dispose.
    /// </summary>
    Task<IBulkUpsert> BeginBulkUpsertAsync(CancellationToken cancellationToken) => Task.FromResult<IBulkUpsert>(new BufferedBulkUpsert(this));

    /// <summary>
    /// Loads the seed once in the store's lifetime: a no-op (returning false) if the store was seeded before,
    /// even if its data was edited or deleted since, or if it already holds actors (someone filled it another way).
    /// The marker is written in the same transaction as the data.
    /// </summary>
    Task<bool> SeedOnceAsync(IReadOnlyList<Actor> actors, IReadOnlyList<Relationship> relationships, CancellationToken cancellationToken);

    /// <summary>Where a merged actor's id points now (<see cref="StoreWrite.MergeActors"/>), or null.</summary>
    Task<ActorRedirect?> FindRedirectAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// The changes committed after <paramref name="version"/>, or null when the store's change log no longer reaches
    /// back that far (or the store keeps none): the caller then reloads everything.
    /// </summary>
    Task<StoreChanges?> ChangesSinceAsync(long version, CancellationToken cancellationToken) => Task.FromResult<StoreChanges?>(null);

    /// <summary>
    /// A value that names this store's data for good (SQLite: a random id written when the file was created), so a
    /// saved snapshot is never taken for another store's that happens to be at the same version; null when the
    /// store has none, and then no snapshot is saved for it.
    /// </summary>
    Task<string?> GetIdentityAsync(CancellationToken cancellationToken) => Task.FromResult<string?>(null);
}
