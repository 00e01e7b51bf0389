using System.Collections.Immutable;
using GraphApi.Core.Domain;

namespace GraphApi.Core.Graph;

/// <summary>
/// One change a write made to the graph, kept so a background merge can replay what came after it. Upserts carry
/// what the snapshot derives from their record (search text, packed fields), worked out before the write reached
/// the store (<see cref="SnapshotRecords"/>), so applying and replaying them only places them.
/// </summary>
internal abstract record GraphChange
{
    public sealed record UpsertActor(ActorEntry Entry) : GraphChange;
    public sealed record RemoveActor(string Id) : GraphChange;

    /// <param name="Fields">The relationship's packed fields but its ends (actor slots are known only when it is placed).</param>
    public sealed record UpsertRelationship(Relationship Relationship, RelationshipFields Fields) : GraphChange;
    public sealed record RemoveRelationship(string Id) : GraphChange;
}

/// <summary>An actor record a delta holds (a new actor, or a base actor's new version) with its folded search text.</summary>
internal sealed record ActorEntry(Actor Actor, string SearchText)
{
    public static ActorEntry Of(Actor actor) => new(actor, GraphBase.SearchTextOf(actor));
}

/// <summary>
/// What the writes since the base changed, as immutable data: every write makes a new delta in time proportional
/// to the change (persistent maps, copy-on-write bit chunks, shared append-only buffers), never to the graph.
/// New actors and relationships get slots after the base's; a changed relationship is a removed slot plus a new
/// one, so the base's per-relationship arrays are never patched; actors keep their slot when they change.
/// </summary>
internal sealed record GraphDelta
{
    public static GraphDelta Empty { get; } = new();

    // New actor slots (base count + i) and new relationship slots, in order of creation; see AppendBuffer.
    public AppendBuffer<ActorEntry> NewActors { get; init; } = AppendBuffer<ActorEntry>.Empty;
    public int NewActorCount { get; init; }
    public AppendBuffer<Relationship> NewRelationships { get; init; } = AppendBuffer<Relationship>.Empty;
    public AppendBuffer<RelationshipFields> NewFields { get; init; } = AppendBuffer<RelationshipFields>.Empty;
    public int NewRelationshipCount { get; init; }

    /// <summary>Actor slots whose record changed since it was placed.</summary>
    public ImmutableDictionary<int, ActorEntry> ActorOverrides { get; init; } = ImmutableDictionary<int, ActorEntry>.Empty;

    /// <summary>Actor slots no longer live (the actor was deleted; a re-created id gets a new slot).</summary>
    public ImmutableHashSet<int> RemovedActors { get; init; } = [];

    /// <summary>Ids whose slot differs from the base's: a new slot, or −1 when removed.</summary>
    public ImmutableDictionary<string, int> ActorIds { get; init; } = ImmutableDictionary.Create<string, int>(StringComparer.Ordinal);
    public ImmutableDictionary<string, int> RelationshipIds { get; init; } = ImmutableDictionary.Create<string, int>(StringComparer.Ordinal);

    /// <summary>Relationship slots no longer live (removed, or replaced by a newer slot of the same id).</summary>
    public ImmutableHashSet<int> DeadRelationships { get; init; } = [];

    /// <summary>Actors whose arcs differ from the base's CSR; their arcs are in <see cref="Arcs"/>.</summary>
    public PersistentBitSet PatchedActors { get; init; } = PersistentBitSet.Empty;
    public ImmutableDictionary<int, NodeArcs> Arcs { get; init; } = ImmutableDictionary<int, NodeArcs>.Empty;

    /// <summary>Every change since the base, in order: the delta's size, and what a merge replays.</summary>
    public ImmutableList<GraphChange> Changes { get; init; } = [];
}
