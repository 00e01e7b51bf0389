using System.Collections.Frozen;
using GraphApi.Core.Domain;

namespace GraphApi.Core.Graph;

/// <summary>
/// An immutable, int-indexed picture of the whole graph. Actors are numbered in ordinal id order (so comparing
/// indices compares ids, which the route tie-breaks rely on) and adjacency is kept in CSR arrays: every
/// relationship appears once at each end, because every tie can be travelled both ways for an introduction.
/// Built once per committed write and swapped atomically; readers never lock and never see half a batch.
/// </summary>
public sealed class GraphSnapshot
{
    private readonly Actor[] _actors;
    private readonly Relationship[] _relationships;
    private readonly FrozenDictionary<string, int> _actorIndex;
    private readonly FrozenDictionary<string, int> _relationshipIndex;
    private readonly string[] _searchText;

    // CSR adjacency: the arcs of node v are [ _offsets[v], _offsets[v + 1] ).
    private readonly int[] _offsets;
    private readonly int[] _arcTarget;
    private readonly int[] _arcRelationship;

    private readonly int[] _relSource;
    private readonly int[] _relTarget;
    private readonly double[] _relStrength;

    private GraphSnapshot(Actor[] actors, Relationship[] relationships, long version, RelationshipTypeCatalogue catalogue)
    {
        Version = version;
        Catalogue = catalogue;
        _actors = actors;
        _relationships = relationships;
        _actorIndex = actors.Select((a, i) => KeyValuePair.Create(a.Id, i)).ToFrozenDictionary(StringComparer.Ordinal);
        _relationshipIndex = relationships.Select((r, i) => KeyValuePair.Create(r.Id, i)).ToFrozenDictionary(StringComparer.Ordinal);
        _searchText = [.. actors.Select(a => TextSearch.Fold(string.Join('\u001f', a.Aliases.Prepend(a.Name).Append(a.Id))))];

        var n = actors.Length;
        var m = relationships.Length;
        _relSource = new int[m];
        _relTarget = new int[m];
        _relStrength = new double[m];
        var degree = new int[n + 1];
        for (var e = 0; e < m; e++)
        {
            var r = relationships[e];
            _relSource[e] = _actorIndex[r.Source];
            _relTarget[e] = _actorIndex[r.Target];
            _relStrength[e] = r.Strength ?? (catalogue.TryGet(r.Type, out var type) ? type.Strength : 0.5);
            degree[_relSource[e]]++;
            degree[_relTarget[e]]++;
        }
        _offsets = new int[n + 1];
        for (var v = 0; v < n; v++)
        {
            _offsets[v + 1] = _offsets[v] + degree[v];
        }
        _arcTarget = new int[2 * m];
        _arcRelationship = new int[2 * m];
        var next = _offsets[..n];
        for (var e = 0; e < m; e++)
        {
            Place(next, _relSource[e], _relTarget[e], e);
            Place(next, _relTarget[e], _relSource[e], e);
        }
        for (var v = 0; v < n; v++)
        {
            // Neighbour order is part of the contract: algorithms that scan arcs are deterministic because of it.
            Array.Sort(_arcTarget, _arcRelationship, _offsets[v], _offsets[v + 1] - _offsets[v]);
        }
    }

    private void Place(int[] next, int from, int to, int relationship)
    {
        var slot = next[from]++;
        _arcTarget[slot] = to;
        _arcRelationship[slot] = relationship;
    }

    public long Version { get; }

    public RelationshipTypeCatalogue Catalogue { get; }

    public int ActorCount => _actors.Length;

    public int RelationshipCount => _relationships.Length;

    public IReadOnlyList<Actor> Actors => _actors;

    public IReadOnlyList<Relationship> Relationships => _relationships;

    public static GraphSnapshot Empty(RelationshipTypeCatalogue catalogue) => new([], [], 0, catalogue);

    /// <summary>Builds a snapshot. Relationships whose ends are missing are a bug in the caller, so they throw.</summary>
    public static GraphSnapshot Build(IEnumerable<Actor> actors, IEnumerable<Relationship> relationships, long version, RelationshipTypeCatalogue catalogue)
    {
        var actorArray = actors.ToArray();
        Array.Sort(actorArray, (a, b) => string.CompareOrdinal(a.Id, b.Id));
        var relationshipArray = relationships.ToArray();
        Array.Sort(relationshipArray, (a, b) => string.CompareOrdinal(a.Id, b.Id));
        return new GraphSnapshot(actorArray, relationshipArray, version, catalogue);
    }

    /// <summary>A new snapshot with the given changes applied; this one is left untouched.</summary>
    public GraphSnapshot With(
        long version,
        IEnumerable<Actor>? upsertActors = null,
        IEnumerable<string>? removeActors = null,
        IEnumerable<Relationship>? upsertRelationships = null,
        IEnumerable<string>? removeRelationships = null)
    {
        var actors = _actors.ToDictionary(a => a.Id, StringComparer.Ordinal);
        var relationships = _relationships.ToDictionary(r => r.Id, StringComparer.Ordinal);
        foreach (var id in removeActors ?? [])
        {
            actors.Remove(id);
        }
        foreach (var id in removeRelationships ?? [])
        {
            relationships.Remove(id);
        }
        foreach (var actor in upsertActors ?? [])
        {
            actors[actor.Id] = actor;
        }
        foreach (var relationship in upsertRelationships ?? [])
        {
            relationships[relationship.Id] = relationship;
        }
        return Build(actors.Values, relationships.Values, version, Catalogue);
    }

    public bool TryGetIndex(string actorId, out int index) => _actorIndex.TryGetValue(actorId, out index);

    public int IndexOf(string actorId) => _actorIndex.TryGetValue(actorId, out var index)
        ? index
        : throw new KeyNotFoundException($"no actor '{actorId}'");

    public Actor ActorAt(int index) => _actors[index];

    public Actor? FindActor(string id) => _actorIndex.TryGetValue(id, out var index) ? _actors[index] : null;

    public Relationship? FindRelationship(string id) => _relationshipIndex.TryGetValue(id, out var index) ? _relationships[index] : null;

    public Relationship RelationshipAt(int index) => _relationships[index];

    public int RelationshipIndexOf(string id) => _relationshipIndex[id];

    /// <summary>Index of the relationship's stored source actor.</summary>
    public int SourceOf(int relationship) => _relSource[relationship];

    public int TargetOf(int relationship) => _relTarget[relationship];

    /// <summary>The relationship's introduction strength before decay: its override, else its type's default.</summary>
    public double BaseStrength(int relationship) => _relStrength[relationship];

    public int Degree(int node) => _offsets[node + 1] - _offsets[node];

    public int ArcStart(int node) => _offsets[node];

    public int ArcEnd(int node) => _offsets[node + 1];

    public int ArcTarget(int arc) => _arcTarget[arc];

    public int ArcRelationship(int arc) => _arcRelationship[arc];

    public ReadOnlySpan<int> NeighbourArcs(int node) => _arcTarget.AsSpan(_offsets[node], Degree(node));

    /// <summary>Relationships touching the actor, in relationship-id order, each once.</summary>
    public IEnumerable<Relationship> RelationshipsOf(string actorId)
    {
        if (!_actorIndex.TryGetValue(actorId, out var v))
        {
            return [];
        }
        var ids = new SortedSet<int>();
        for (var arc = _offsets[v]; arc < _offsets[v + 1]; arc++)
        {
            ids.Add(_arcRelationship[arc]);
        }
        return ids.Select(i => _relationships[i]);
    }

    /// <summary>Whether the folded query occurs in the actor's name, an alias or its id.</summary>
    public bool Matches(int actor, string foldedQuery) => _searchText[actor].Contains(foldedQuery, StringComparison.Ordinal);
}
