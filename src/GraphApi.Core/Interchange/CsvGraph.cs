using GraphApi.Core.Domain;

namespace GraphApi.Core.Interchange;

/// <summary>The parsed content of an actors file and a relationships file, with every problem found.</summary>
/// <param name="Actors">The rows read; when there are errors, only those before the first one (nothing is to be applied then).</param>
public sealed record CsvGraph(IReadOnlyList<Actor> Actors, IReadOnlyList<Relationship> Relationships, IReadOnlyList<CsvError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}
