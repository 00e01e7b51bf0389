using GraphApi.Core.Domain;

namespace GraphApi.Interchange;

/// <summary>What a request body parsed into: the items to upsert, or the reasons it cannot be imported.</summary>
public sealed record ImportBatch(IReadOnlyList<Actor> Actors, IReadOnlyList<Relationship> Relationships, IReadOnlyList<ImportError> Errors)
{
    public static ImportBatch Rejected(params ImportError[] errors) => new([], [], errors);
}
