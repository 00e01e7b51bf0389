using GraphApi.Core.Domain;

namespace GraphApi.Core.Storage;

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
