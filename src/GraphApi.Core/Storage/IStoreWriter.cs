using GraphApi.Core.Domain;

namespace GraphApi.Core.Storage;

/// <summary>
/// How a store runs each kind of <see cref="StoreWrite"/>: one method per kind, each answering with the kind's outcome
/// and the change version it was stored under. Every store implements it (SQLite inside the batch's open
/// transaction, Neo4j one transaction per write); a write kind added without a method here does not compile, and a
/// method added here does not compile until every store has it. A refused write throws a <see cref="StoreException"/>
/// and changes nothing.
/// </summary>
public interface IStoreWriter
{
    /// <exception cref="StoreConflictException">An actor with that id exists.</exception>
    Task<Committed<Actor>> CreateActorAsync(StoreWrite.CreateActor write, CancellationToken cancellationToken);

    /// <exception cref="StoreNotFoundException">No such actor.</exception>
    /// <exception cref="StorePreconditionException">Its revision is not the expected one.</exception>
    Task<Committed<Actor>> UpdateActorAsync(StoreWrite.UpdateActor write, CancellationToken cancellationToken);

    /// <exception cref="StoreNotFoundException">No such actor.</exception>
    /// <exception cref="StorePreconditionException">Its revision is not the expected one.</exception>
    Task<Committed<ActorDeletion>> DeleteActorAsync(StoreWrite.DeleteActor write, CancellationToken cancellationToken);

    /// <exception cref="StoreConflictException">A relationship with that id exists.</exception>
    /// <exception cref="StoreReferenceException">An end does not exist.</exception>
    Task<Committed<Relationship>> CreateRelationshipAsync(StoreWrite.CreateRelationship write, CancellationToken cancellationToken);

    /// <exception cref="StoreNotFoundException">No such relationship.</exception>
    /// <exception cref="StorePreconditionException">Its revision is not the expected one.</exception>
    /// <exception cref="StoreReferenceException">An end does not exist.</exception>
    Task<Committed<Relationship>> UpdateRelationshipAsync(StoreWrite.UpdateRelationship write, CancellationToken cancellationToken);

    /// <exception cref="StoreNotFoundException">No such relationship.</exception>
    /// <exception cref="StorePreconditionException">Its revision is not the expected one.</exception>
    Task<Committed<RelationshipDeletion>> DeleteRelationshipAsync(StoreWrite.DeleteRelationship write, CancellationToken cancellationToken);

    /// <exception cref="StoreReferenceException">A relationship end is neither stored nor in the batch.</exception>
    Task<Committed<Upserted>> UpsertAsync(StoreWrite.Upsert write, CancellationToken cancellationToken);

    /// <exception cref="StoreNotFoundException">Either actor does not exist.</exception>
    /// <exception cref="StorePreconditionException">The merged actor's revision is not the expected one.</exception>
    Task<Committed<ActorMerge>> MergeActorsAsync(StoreWrite.MergeActors write, CancellationToken cancellationToken);

    /// <exception cref="StoreNotFoundException">No such workspace.</exception>
    /// <exception cref="StorePreconditionException">Its revision is not the expected one.</exception>
    Task<Committed<WorkspaceDeletion>> DeleteWorkspaceAsync(StoreWrite.DeleteWorkspace write, CancellationToken cancellationToken);
}
