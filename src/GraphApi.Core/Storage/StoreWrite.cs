using GraphApi.Core.Domain;

namespace GraphApi.Core.Storage;

/// <summary>
/// One write of a group commit, with the name of whoever asked for it (recorded in the audit trail): the writer
/// hands many of these to the store at once, possibly from different callers.
/// </summary>
public abstract record StoreWrite
{
    public string Author { get; init; } = ChangeAuthor.System;

    public sealed record CreateActor(Actor Actor) : StoreWrite;
    public sealed record UpdateActor(Actor Actor, long? ExpectedRevision) : StoreWrite;
    public sealed record DeleteActor(string Id, long? ExpectedRevision) : StoreWrite;
    public sealed record CreateRelationship(Relationship Relationship) : StoreWrite;
    public sealed record UpdateRelationship(Relationship Relationship, long? ExpectedRevision) : StoreWrite;
    public sealed record DeleteRelationship(string Id, long? ExpectedRevision) : StoreWrite;
    public sealed record Upsert(IReadOnlyList<Actor> Actors, IReadOnlyList<Relationship> Relationships) : StoreWrite;

    /// <summary>
    /// Merges actor <paramref name="Id"/> into <paramref name="Into"/> (see <see cref="IActorMerges"/>);
    /// <paramref name="ExpectedRevision"/> is the merged actor's. The catalogue says which types are directed, which
    /// decides what counts as a duplicate tie (stores do not otherwise know it).
    /// </summary>
    public sealed record MergeActors(string Id, string Into, bool CollapseDuplicates, long? ExpectedRevision, RelationshipTypeCatalogue Catalogue) : StoreWrite;
}

/// <summary>
/// What one write of a batch came to: the stored entity (<see cref="Actor"/>, <see cref="Relationship"/>,
/// <see cref="ActorDeletion"/>, the deleted relationship's id, the upsert's batch, or an <see cref="ActorMerge"/>), or the store's reason for
/// refusing it. A refused write changed nothing; its batch mates are unaffected.
/// </summary>
public sealed record StoreWriteOutcome(object? Value, StoreException? Error)
{
    public bool Succeeded => Error is null;
}

/// <summary>
/// A committed batch. <see cref="VersionBefore"/> is the store version the batch started from (−1 when the store
/// cannot tell, e.g. other writers interleaved): a snapshot at exactly that version may apply the outcomes in
/// order to reach <see cref="Version"/>; any other must catch up from the change log.
/// </summary>
public sealed record StoreBatch(IReadOnlyList<StoreWriteOutcome> Outcomes, long VersionBefore, long Version);

/// <summary>
/// What changed in the store after a version, read in one consistent view: the current records of every actor and
/// relationship created or changed since, and the ids of those deleted since.
/// </summary>
public sealed record StoreChanges(
    long Version,
    IReadOnlyList<Actor> Actors,
    IReadOnlyList<string> RemovedActorIds,
    IReadOnlyList<Relationship> Relationships,
    IReadOnlyList<string> RemovedRelationshipIds)
{
    /// <summary>Records whose stored text could not be read back as it is and was read with U+FFFD in its place.</summary>
    public IReadOnlyList<RepairedRecord> Repaired { get; init; } = [];
}
