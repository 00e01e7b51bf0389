using GraphApi.Core.Domain;

namespace GraphApi.Core.Storage;

/// <summary>Everything a store holds, read in one consistent view.</summary>
public sealed record GraphData(IReadOnlyList<Actor> Actors, IReadOnlyList<Relationship> Relationships, long Version);

/// <summary>The outcome of a committed write: the entity as stored (with its new revision) and the store's new change version.</summary>
public sealed record Committed<T>(T Value, long Version);

/// <summary>An actor's deletion, with the relationships removed alongside it.</summary>
public sealed record ActorDeletion(string ActorId, IReadOnlyList<string> RemovedRelationshipIds, long Version);

/// <summary>
/// The system of record. Adapters (SQLite, Neo4j) commit each call atomically, assign revisions for optimistic
/// concurrency, and bump a store-wide change version so that every replica can tell when its snapshot is stale.
/// Regions are derived, so adapters neither store nor return them.
/// </summary>
public interface IGraphStore
{
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
    /// Loads the seed once in the store's lifetime: a no-op (returning false) if the store was seeded before,
    /// even if its data was edited or deleted since, or if it already holds actors (someone filled it another way).
    /// The marker is written in the same transaction as the data.
    /// </summary>
    Task<bool> SeedOnceAsync(IReadOnlyList<Actor> actors, IReadOnlyList<Relationship> relationships, CancellationToken cancellationToken);
}

public abstract class StoreException(string message, Exception? inner = null) : Exception(message, inner);

public sealed class StoreConflictException(string message) : StoreException(message);

public sealed class StoreNotFoundException(string message) : StoreException(message);

public sealed class StorePreconditionException(string message) : StoreException(message);

public sealed class StoreReferenceException(string message) : StoreException(message);

/// <summary>The store could not be reached or did not answer in time; callers may retry.</summary>
public sealed class StoreUnavailableException(string message, Exception? inner = null) : StoreException(message, inner);
