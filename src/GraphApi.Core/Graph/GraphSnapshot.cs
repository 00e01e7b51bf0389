using GraphApi.Core.Domain;

namespace GraphApi.Core.Graph;

/// <summary>
/// An immutable, int-indexed picture of the whole graph: a compact <see cref="GraphBase"/> shared between versions
/// plus a small <see cref="GraphDelta"/> of the writes since it. Every reader sees one consistent version through
/// the accessors here (one merge of base and delta), so answers are the same as on a snapshot rebuilt from the
/// records; a write publishes a new snapshot in time proportional to what it changed.
/// </summary>
/// <remarks>
/// Actors and relationships are addressed by <em>slots</em>. In a compact snapshot (no delta, e.g. after a merge)
/// slots are 0..n−1 in ordinal id order. In a delta snapshot new actors and relationships take slots after the
/// base's and deleted ones leave dead slots, so code that orders by id compares with <see cref="CompareActors"/>
/// and <see cref="CompareRelationships"/>, sizes arrays by <see cref="ActorSlots"/>, and enumerates with
/// <see cref="ActorSlotsInIdOrder"/>. Whole-graph analyses call <see cref="Compacted"/> first: they are O(graph)
/// anyway, and on the compact form their loops and results are exactly a rebuild's.
/// </remarks>
public sealed partial class GraphSnapshot
{
    private readonly GraphBase _base;
    private readonly GraphDelta _delta;
    private int[]? _actorOrder;
    private int[]? _relationshipOrder;
    private Actor[]? _actors;
    private Relationship[]? _relationships;
    private GraphSnapshot? _compacted;

    private GraphSnapshot(GraphBase graphBase, GraphDelta delta, long version, RelationshipTypeCatalogue catalogue)
    {
        _base = graphBase;
        _delta = delta;
        Version = version;
        PublicVersion = version;
        Catalogue = catalogue;
    }

    public long Version { get; }

    public RelationshipTypeCatalogue Catalogue { get; }

    /// <summary>Whether this snapshot has no delta: slots are dense and in id order.</summary>
    public bool IsCompact => _delta.Changes.IsEmpty;

    /// <summary>Changes held in the delta since the last merge.</summary>
    public int PendingChanges => _delta.Changes.Count;

    /// <summary>Upper bound (exclusive) of actor slots: the size for arrays indexed by actor.</summary>
    public int ActorSlots => _base.ActorCount + _delta.NewActorCount;

    /// <summary>Upper bound (exclusive) of relationship slots.</summary>
    public int RelationshipSlots => _base.RelationshipCount + _delta.NewRelationshipCount;

    /// <summary>Live actors.</summary>
    public int ActorCount => ActorSlots - _delta.RemovedActors.Count;

    /// <summary>Live relationships.</summary>
    public int RelationshipCount => RelationshipSlots - _delta.DeadRelationships.Count;

    /// <summary>The live actors in id order.</summary>
    public IReadOnlyList<Actor> Actors => IsCompact ? _base.Actors
        : LazyInitializer.EnsureInitialized(ref _actors, () => [.. ActorSlotsInIdOrder().Select(ActorAt)]);

    /// <summary>The live relationships in id order.</summary>
    public IReadOnlyList<Relationship> Relationships => IsCompact ? _base.Relationships
        : LazyInitializer.EnsureInitialized(ref _relationships, () => [.. RelationshipSlotsInIdOrder().Select(RelationshipAt)]);

    internal GraphBase Base => _base;

    public static GraphSnapshot Empty(RelationshipTypeCatalogue catalogue) => new(GraphBase.Empty, GraphDelta.Empty, 0, catalogue);

    /// <summary>
    /// Builds a compact snapshot; private records (those with a <c>Workspace</c>) are kept beside the public graph
    /// (<see cref="ForWorkspace"/>). Relationships whose ends are missing are a bug in the caller, so they throw.
    /// </summary>
    public static GraphSnapshot Build(IEnumerable<Actor> actors, IEnumerable<Relationship> relationships, long version, RelationshipTypeCatalogue catalogue) =>
        Partitioned([.. actors], [.. relationships], version, catalogue);

    internal static GraphSnapshot FromBase(GraphBase graphBase, long version, RelationshipTypeCatalogue catalogue) =>
        new(graphBase, GraphDelta.Empty, version, catalogue);

    /// <summary>The same graph with no delta (slots dense and in id order), built once per snapshot and cached.</summary>
    public GraphSnapshot Compacted() => IsCompact ? this
        : LazyInitializer.EnsureInitialized(ref _compacted, () => Derived(GraphCompactor.Compact(this), GraphDelta.Empty, Version));

    /// <summary>The same graph and base at another version (a merge swapped in under the version it was made at).</summary>
    internal GraphSnapshot WithVersion(long version) => Derived(_base, _delta, version);

    public bool TryGetIndex(string actorId, out int index)
    {
        if (!_delta.ActorIds.IsEmpty && _delta.ActorIds.TryGetValue(actorId, out index))
        {
            return index >= 0;
        }
        return _base.ActorIndex.TryGetValue(actorId, out index);
    }

    public int IndexOf(string actorId) => TryGetIndex(actorId, out var index)
        ? index
        : throw new KeyNotFoundException($"no actor '{actorId}'");

    public bool IsLive(int actor) => _delta.RemovedActors.IsEmpty || !_delta.RemovedActors.Contains(actor);

    public Actor ActorAt(int index) => EntryOrBase(index, out var baseActor)?.Actor ?? baseActor!;

    public Actor? FindActor(string id) => TryGetIndex(id, out var index) ? ActorAt(index) : null;

    /// <summary>The relationship's slot, or −1.</summary>
    public int RelationshipSlotOf(string id)
    {
        if (!_delta.RelationshipIds.IsEmpty && _delta.RelationshipIds.TryGetValue(id, out var slot))
        {
            return slot;
        }
        return _base.RelationshipIndex.TryGetValue(id, out slot) ? slot : -1;
    }

    public Relationship? FindRelationship(string id) => RelationshipSlotOf(id) is var slot and >= 0 ? RelationshipAt(slot) : null;

    public Relationship RelationshipAt(int index) => index < _base.RelationshipCount
        ? _base.Relationships[index]
        : _delta.NewRelationships[index - _base.RelationshipCount];

    public int RelationshipIndexOf(string id) => RelationshipSlotOf(id) is var slot and >= 0
        ? slot
        : throw new KeyNotFoundException($"no relationship '{id}'");

    internal ref readonly RelationshipFields Fields(int relationship) => ref relationship < _base.RelationshipCount
        ? ref _base.Fields[relationship]
        : ref _delta.NewFields[relationship - _base.RelationshipCount];

    /// <summary>Slot of the relationship's stored source actor.</summary>
    public int SourceOf(int relationship) => Fields(relationship).Source;

    public int TargetOf(int relationship) => Fields(relationship).Target;

    /// <summary>The relationship's introduction strength before decay: its override, else its type's default.</summary>
    public double BaseStrength(int relationship) => Fields(relationship).Strength;

    /// <summary>The actor's arcs, in (target id, relationship id) order, base and delta merged.</summary>
    public ArcSpan Arcs(int actor)
    {
        if (actor >= _base.ActorCount || _delta.PatchedActors.Contains(actor))
        {
            return _delta.Arcs.TryGetValue(actor, out var arcs) ? new ArcSpan(arcs.Targets, arcs.Relationships) : default;
        }
        var start = _base.Offsets[actor];
        var length = _base.Offsets[actor + 1] - start;
        return new ArcSpan(_base.ArcTarget.AsSpan(start, length), _base.ArcRelationship.AsSpan(start, length));
    }

    /// <summary>
    /// The actor's arcs, and their base costs (<see cref="GraphBase.ArcCosts"/>, aligned with the arcs) when the
    /// arcs are the base's; <paramref name="baseCosts"/> is empty for an actor whose arcs a write changed.
    /// </summary>
    internal ArcSpan Arcs(int actor, out ReadOnlySpan<uint> baseCosts)
    {
        if (actor >= _base.ActorCount || _delta.PatchedActors.Contains(actor))
        {
            baseCosts = default;
            return _delta.Arcs.TryGetValue(actor, out var arcs) ? new ArcSpan(arcs.Targets, arcs.Relationships) : default;
        }
        var start = _base.Offsets[actor];
        var length = _base.Offsets[actor + 1] - start;
        baseCosts = _base.ArcCosts.AsSpan(start, length);
        return new ArcSpan(_base.ArcTarget.AsSpan(start, length), _base.ArcRelationship.AsSpan(start, length));
    }

    public int Degree(int actor) => Arcs(actor).Length;

    /// <summary>Orders two actor slots by id (a plain comparison of numbers when both are in the base).</summary>
    public int CompareActors(int a, int b) =>
        a == b ? 0
        : a < _base.ActorCount && b < _base.ActorCount ? a.CompareTo(b)
        : string.CompareOrdinal(ActorAt(a).Id, ActorAt(b).Id);

    /// <summary>Orders two relationship slots by id.</summary>
    public int CompareRelationships(int a, int b) =>
        a == b ? 0
        : a < _base.RelationshipCount && b < _base.RelationshipCount ? a.CompareTo(b)
        : string.CompareOrdinal(RelationshipAt(a).Id, RelationshipAt(b).Id);

    /// <summary>Orders two actor-slot sequences lexicographically by id.</summary>
    public int CompareActorSequences(ReadOnlySpan<int> a, ReadOnlySpan<int> b)
    {
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            if (CompareActors(a[i], b[i]) is var c and not 0)
            {
                return c;
            }
        }
        return a.Length.CompareTo(b.Length);
    }

    public int CompareRelationshipSequences(ReadOnlySpan<int> a, ReadOnlySpan<int> b)
    {
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            if (CompareRelationships(a[i], b[i]) is var c and not 0)
            {
                return c;
            }
        }
        return a.Length.CompareTo(b.Length);
    }

    /// <summary>Live actor slots in id order (0..n−1 on a compact snapshot).</summary>
    public IReadOnlyList<int> ActorSlotsInIdOrder() =>
        LazyInitializer.EnsureInitialized(ref _actorOrder, () => LiveInOrder(_base.ActorCount, _delta.NewActorCount, IsLive, CompareActors));

    /// <summary>Live relationship slots in id order.</summary>
    public IReadOnlyList<int> RelationshipSlotsInIdOrder() =>
        LazyInitializer.EnsureInitialized(ref _relationshipOrder, () => LiveInOrder(_base.RelationshipCount, _delta.NewRelationshipCount,
            r => _delta.DeadRelationships.IsEmpty || !_delta.DeadRelationships.Contains(r), CompareRelationships));

    /// <summary>Relationships touching the actor, in relationship-id order, each once.</summary>
    public IEnumerable<Relationship> RelationshipsOf(string actorId)
    {
        if (!TryGetIndex(actorId, out var v))
        {
            return [];
        }
        var slots = Arcs(v).Relationships.ToArray().Distinct().ToArray();
        Array.Sort(slots, CompareRelationships);
        return slots.Select(RelationshipAt);
    }

    /// <summary>Whether the folded query occurs in the actor's name, an alias or its id.</summary>
    public bool Matches(int actor, string foldedQuery) => SearchTextAt(actor).Contains(foldedQuery, StringComparison.Ordinal);

    internal string SearchTextAt(int actor) => EntryOrBase(actor, out _)?.SearchText ?? _base.SearchText[actor];

    /// <summary>The delta's entry for the slot, or null with the base record.</summary>
    private ActorEntry? EntryOrBase(int slot, out Actor? baseActor)
    {
        baseActor = null;
        if (!_delta.ActorOverrides.IsEmpty && _delta.ActorOverrides.TryGetValue(slot, out var entry))
        {
            return entry;
        }
        if (slot >= _base.ActorCount)
        {
            return _delta.NewActors[slot - _base.ActorCount];
        }
        baseActor = _base.Actors[slot];
        return null;
    }

    private static int[] LiveInOrder(int baseCount, int newCount, Func<int, bool> isLive, Comparison<int> compare)
    {
        var added = new List<int>(newCount);
        for (var s = baseCount; s < baseCount + newCount; s++)
        {
            if (isLive(s))
            {
                added.Add(s);
            }
        }
        added.Sort(compare);
        var order = new List<int>(baseCount + added.Count);
        var next = 0;
        for (var s = 0; s < baseCount; s++)
        {
            if (!isLive(s))
            {
                continue;
            }
            while (next < added.Count && compare(added[next], s) < 0)
            {
                order.Add(added[next++]);
            }
            order.Add(s);
        }
        order.AddRange(added.Skip(next));
        return [.. order];
    }
}
