using GraphApi.Core.Domain;

namespace GraphApi.Core.Storage;

/// <summary>Everything a store holds, read in one consistent view.</summary>
public sealed record GraphData(IReadOnlyList<Actor> Actors, IReadOnlyList<Relationship> Relationships, long Version)
{
    /// <summary>Records whose stored text could not be read back as it is and was read with U+FFFD in its place.</summary>
    public IReadOnlyList<RepairedRecord> Repaired { get; init; } = [];
}
