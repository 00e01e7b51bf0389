using GraphApi.Core.Domain;
using GraphApi.Core.Graph;

namespace GraphApi.Core.Interchange;

/// <summary>
/// What an export writes: a selection of one snapshot's actors (by index) and the relationships among them, plus
/// any analysis columns. Every writer reads actors through here, which is where contact details are dropped.
/// </summary>
public sealed class ExportGraph
{
    private readonly IReadOnlyList<int> _actors;
    private readonly IReadOnlyList<int> _relationships;

    public ExportGraph(GraphSnapshot snapshot, IReadOnlyList<int> actors, IReadOnlyList<int> relationships, IReadOnlyList<ExportColumn>? columns = null)
    {
        Snapshot = snapshot;
        _actors = actors;
        _relationships = relationships;
        Columns = columns ?? [];
        var clash = Columns.Select(c => c.Name).Intersect(GraphAttributes.Actor.Select(a => a.Name).Append("id").Append("label")).FirstOrDefault();
        if (clash is not null)
        {
            throw new ArgumentException($"analysis column '{clash}' would hide the actor attribute of that name", nameof(columns));
        }
        NodeProperties = [.. GraphAttributes.Actor, .. Columns.Select(c => new NodeProperty(c.Name, c.Type, (i, _) => c.ValueOf(i)))];
    }

    /// <summary>Every actor and relationship of a compact snapshot (<see cref="GraphSnapshot.Compacted"/>).</summary>
    public static ExportGraph Whole(GraphSnapshot snapshot, IReadOnlyList<ExportColumn>? columns = null) =>
        new(Subgraph.RequireCompact(snapshot), [.. Enumerable.Range(0, snapshot.ActorCount)], [.. Enumerable.Range(0, snapshot.RelationshipCount)], columns);

    public GraphSnapshot Snapshot { get; }

    public IReadOnlyList<ExportColumn> Columns { get; }

    /// <summary>The built-in actor attributes followed by the analysis columns.</summary>
    public IReadOnlyList<NodeProperty> NodeProperties { get; }

    public int ActorCount => _actors.Count;

    public int RelationshipCount => _relationships.Count;

    /// <summary>The selected actors with their snapshot index, in id order, without personal data.</summary>
    public IEnumerable<(int Index, Actor Actor)> Actors => _actors.Select(i => (i, WithoutContact(Snapshot.ActorAt(i))));

    public IEnumerable<ExportEdge> Relationships => _relationships.Select(ToEdge);

    private ExportEdge ToEdge(int index)
    {
        var relationship = Snapshot.RelationshipAt(index);
        var directed = Snapshot.Catalogue.TryGet(relationship.Type, out var type) && type.Directed;
        return new ExportEdge(relationship, Snapshot.BaseStrength(index), directed);
    }

    private static Actor WithoutContact(Actor actor) => actor.Contact is null ? actor : actor with { Contact = null };
}
