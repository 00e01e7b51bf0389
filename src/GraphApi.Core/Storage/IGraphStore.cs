using GraphApi.Core.Domain;

namespace GraphApi.Core.Storage;

/// <summary>Everything a store holds, read in one consistent view.</summary>
public sealed record GraphData(IReadOnlyList<Actor> Actors, IReadOnlyList<Relationship> Relationships, long Version)
{
    /// <summary>Records whose stored text could not be read back as it is and was read with U+FFFD in its place.</summary>
    public IReadOnlyList<RepairedRecord> Repaired { get; init; } = [];
}

/// <summary>The outcome of a committed write: the entity as stored (with its new revision) and the store's new change version.</summary>
public sealed record Committed<T>(T Value, long Version);

/// <summary>An actor's deletion, with the relationships removed alongside it.</summary>
public sealed record ActorDeletion(string ActorId, IReadOnlyList<string> RemovedRelationshipIds, long Version);

/// <summary>
/// The system of record. Adapters (SQLite, Neo4j) commit each call atomically, assign revisions for optimistic
/// concurrency, and bump a store-wide change version so that every replica can tell when its snapshot is stale.
/// Regions are derived, so adapters neither store nor return them.
/// </summary>
public interface IGraphStore : IAuditLog
{
    /// <summary>Where the data lives, for logs and the command line: a file path, or a server and database.</summary>
    string Location { get; }

    /// <summary>Creates the schema if it is missing. Safe to call on every start.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    Task<GraphData> LoadAsync(CancellationToken cancellationToken);

    Task<long> GetVersionAsync(CancellationToken cancellationToken);

    /// <exception cref="StoreConflictException">An actor with that id exists.</exception>
    Task<Committed<Actor>> CreateActorAsync(Actor actor, CancellationToken cancellationToken);

    /// <exception cref="StoreNotFoundException">No such actor.</exception>
    /// <exception cref="StorePreconditionException">Its revision is not <paramref name="expectedRevision"/>.</exception>
    Task<Committed<Actor>> UpdateActorAsync(Actor actor, long? expectedRevision, CancellationToken cancellationToken);

    /// <summary>Deletes the actor and every relationship that touches it, in one transaction.</summary>
    Task<ActorDeletion> DeleteActorAsync(string id, long? expectedRevision, CancellationToken cancellationToken);

    /// <exception cref="StoreConflictException">A relationship with that id exists.</exception>
    /// <exception cref="StoreReferenceException">An end does not exist.</exception>
    Task<Committed<Relationship>> CreateRelationshipAsync(Relationship relationship, CancellationToken cancellationToken);

    Task<Committed<Relationship>> UpdateRelationshipAsync(Relationship relationship, long? expectedRevision, CancellationToken cancellationToken);

    Task<long> DeleteRelationshipAsync(string id, long? expectedRevision, CancellationToken cancellationToken);

    /// <summary>Inserts or replaces every given actor and relationship in one transaction; all or nothing.</summary>
    Task<long> UpsertAsync(IReadOnlyList<Actor> actors, IReadOnlyList<Relationship> relationships, CancellationToken cancellationToken);

    /// <summary>
    /// Starts an upsert that writes rows as they are added (<see cref="IBulkUpsert"/>), so an import need not hold
    /// them all. The default buffers them for <see cref="UpsertAsync"/>; the SQLite store streams them into its
    /// transaction, holding the write lock from here to the commit or the dispose.
    /// </summary>
    Task<IBulkUpsert> BeginBulkUpsertAsync(CancellationToken cancellationToken) => Task.FromResult<IBulkUpsert>(new BufferedBulkUpsert(this));

    /// <summary>
    /// Loads the seed once in the store's lifetime: a no-op (returning false) if the store was seeded before,
    /// even if its data was edited or deleted since, or if it already holds actors (someone filled it another way).
    /// The marker is written in the same transaction as the data.
    /// </summary>
    Task<bool> SeedOnceAsync(IReadOnlyList<Actor> actors, IReadOnlyList<Relationship> relationships, CancellationToken cancellationToken);

    /// <summary>
    /// Group commit: applies the writes in order, each alone or not at all (a refused write fails by itself, with
    /// the exception its single-write method would throw), and answers once the batch is durable. This default runs
    /// each write in its own transaction; a store that can do better (SQLite: one transaction, one fsync, a
    /// savepoint per write) overrides it. Only an unavailable store fails the call, and then nothing is assumed
    /// about the batch (<see cref="StoreUnavailableException"/>).
    /// </summary>
    async Task<StoreBatch> CommitBatchAsync(IReadOnlyList<StoreWrite> writes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writes);
        var outcomes = new List<StoreWriteOutcome>(writes.Count);
        long first = -1, last = -1;
        var contiguous = true;
        foreach (var write in writes)
        {
            ChangeAuthor.Set(write.Author);
            try
            {
                var (value, version) = await StoreWrites.ExecuteAsync(this, write, cancellationToken).ConfigureAwait(false);
                contiguous &= last < 0 || version == last + 1;
                first = first < 0 ? version : first;
                last = version;
                outcomes.Add(new StoreWriteOutcome(value, null));
            }
            catch (StoreException ex) when (ex is not StoreUnavailableException)
            {
                outcomes.Add(new StoreWriteOutcome(null, ex));
            }
        }
        return new StoreBatch(outcomes, contiguous && first >= 0 ? first - 1 : -1, last);
    }

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

/// <summary>Runs one <see cref="StoreWrite"/> through the single-write methods of a store.</summary>
public static class StoreWrites
{
    public static async Task<(object? Value, long Version)> ExecuteAsync(IGraphStore store, StoreWrite write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        switch (write)
        {
            case StoreWrite.CreateActor w:
                var created = await store.CreateActorAsync(w.Actor, cancellationToken).ConfigureAwait(false);
                return (created.Value, created.Version);
            case StoreWrite.UpdateActor w:
                var updated = await store.UpdateActorAsync(w.Actor, w.ExpectedRevision, cancellationToken).ConfigureAwait(false);
                return (updated.Value, updated.Version);
            case StoreWrite.DeleteActor w:
                var deletion = await store.DeleteActorAsync(w.Id, w.ExpectedRevision, cancellationToken).ConfigureAwait(false);
                return (deletion, deletion.Version);
            case StoreWrite.CreateRelationship w:
                var createdTie = await store.CreateRelationshipAsync(w.Relationship, cancellationToken).ConfigureAwait(false);
                return (createdTie.Value, createdTie.Version);
            case StoreWrite.UpdateRelationship w:
                var updatedTie = await store.UpdateRelationshipAsync(w.Relationship, w.ExpectedRevision, cancellationToken).ConfigureAwait(false);
                return (updatedTie.Value, updatedTie.Version);
            case StoreWrite.DeleteRelationship w:
                return (w.Id, await store.DeleteRelationshipAsync(w.Id, w.ExpectedRevision, cancellationToken).ConfigureAwait(false));
            case StoreWrite.Upsert w:
                return (w, await store.UpsertAsync(w.Actors, w.Relationships, cancellationToken).ConfigureAwait(false));
            case StoreWrite.MergeActors w when store is IActorMerges merges:
                var merge = await merges.MergeActorAsync(w, cancellationToken).ConfigureAwait(false);
                return (merge, merge.Version);
            default:
                throw new ArgumentOutOfRangeException(nameof(write), write, "unknown write");
        }
    }
}

public abstract class StoreException(string message, Exception? inner = null) : Exception(message, inner);

public sealed class StoreConflictException(string message) : StoreException(message);

public sealed class StoreNotFoundException(string message) : StoreException(message);

public sealed class StorePreconditionException(string message) : StoreException(message);

public sealed class StoreReferenceException(string message) : StoreException(message);

/// <summary>The store could not be reached or did not answer in time; callers may retry.</summary>
public sealed class StoreUnavailableException(string message, Exception? inner = null) : StoreException(message, inner);
