using GraphApi.Core.Domain;

namespace GraphApi.Core.Graph;

public sealed partial class GraphSnapshot
{
    /// <summary>
    /// A new snapshot with the given changes applied on top of this one's delta (this one is left untouched), in
    /// time proportional to the change: removals first (relationships, then actors with whatever ties they still
    /// have), then actor upserts, then relationship upserts. The records' search text and packed fields are derived
    /// here; the write path derives them before the commit instead (<see cref="WithPrepared"/>).
    /// </summary>
    public GraphSnapshot With(
        long version,
        IEnumerable<Actor>? upsertActors = null,
        IEnumerable<string>? removeActors = null,
        IEnumerable<Relationship>? upsertRelationships = null,
        IEnumerable<string>? removeRelationships = null) =>
        WithPrepared(version,
            (upsertActors ?? []).Select(a => new GraphChange.UpsertActor(ActorEntry.Of(a))),
            removeActors,
            (upsertRelationships ?? []).Select(r => new GraphChange.UpsertRelationship(r, GraphBase.FieldsOf(r, -1, -1, Catalogue, TypeNumbers))),
            removeRelationships);

    /// <summary>
    /// <see cref="With"/> for records whose snapshot form was derived before the commit (<see cref="SnapshotRecords"/>):
    /// what is left is placing them (slots, arcs), which depends only on ids and on this snapshot holding what the
    /// store held before the write.
    /// </summary>
    internal GraphSnapshot WithPreparedPublic(
        long version,
        IEnumerable<GraphChange.UpsertActor> upsertActors,
        IEnumerable<string>? removeActors,
        IEnumerable<GraphChange.UpsertRelationship> upsertRelationships,
        IEnumerable<string>? removeRelationships)
    {
        var changes = new List<GraphChange>();
        changes.AddRange((removeRelationships ?? []).Select(id => new GraphChange.RemoveRelationship(id)));
        changes.AddRange((removeActors ?? []).Select(id => new GraphChange.RemoveActor(id)));
        changes.AddRange(upsertActors);
        changes.AddRange(upsertRelationships);
        if (IsCompact && changes.Count > MergeThreshold)
        {
            return FromBase(BaseMerge.Merge(_base, changes), version, Catalogue);
        }
        return changes.Count > RebuildThreshold ? Rebuild(version, changes) : Apply(version, changes);
    }

    /// <summary>
    /// Past this many changes onto a compact snapshot (a start replaying the change log after a crash, a large import)
    /// merging them into a new base costs less than placing them one by one: at 100k actors / 400k ties a merge took
    /// 125–130 ms, what about 5,000 single placements cost at 25 µs each, and this threshold is 4,100 there
    /// (docs/performance.md, "Start-up, third pass").
    /// </summary>
    private int MergeThreshold => Math.Max(1024, (ActorCount + RelationshipCount) / 128);

    /// <summary>
    /// Past this many changes at once (a bulk import, a catch-up after a long absence) a rebuild from the records
    /// costs less than patching item by item, and gives the same snapshot.
    /// </summary>
    private int RebuildThreshold => Math.Max(4096, (ActorCount + RelationshipCount) / 8);

    private GraphSnapshot Rebuild(long version, List<GraphChange> changes)
    {
        // WithPrepared() lists removals first, as Apply treats them: relationships, then actors with any ties they still have.
        // Actors keep the search text they were folded to; nothing is folded again.
        var actors = ActorSlotsInIdOrder().ToDictionary(s => ActorAt(s).Id, s => new ActorEntry(ActorAt(s), SearchTextAt(s)), StringComparer.Ordinal);
        var relationships = Relationships.ToDictionary(r => r.Id, StringComparer.Ordinal);
        var removedActors = changes.OfType<GraphChange.RemoveActor>().Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var remove in changes.OfType<GraphChange.RemoveRelationship>())
        {
            relationships.Remove(remove.Id);
        }
        foreach (var id in removedActors)
        {
            actors.Remove(id);
        }
        foreach (var orphan in relationships.Values.Where(r => removedActors.Contains(r.Source) || removedActors.Contains(r.Target)).ToList())
        {
            relationships.Remove(orphan.Id);
        }
        foreach (var change in changes)
        {
            switch (change)
            {
                case GraphChange.UpsertActor upsert:
                    actors[upsert.Entry.Actor.Id] = upsert.Entry;
                    break;
                case GraphChange.UpsertRelationship upsert:
                    relationships[upsert.Relationship.Id] = upsert.Relationship;
                    break;
            }
        }
        return FromBase(GraphBase.Build(actors.Values, relationships.Values, Catalogue), version, Catalogue);
    }

    internal GraphSnapshot Apply(long version, IEnumerable<GraphChange> changes)
    {
        var snapshot = WithVersion(version);
        foreach (var change in changes)
        {
            snapshot = snapshot.Apply(change);
        }
        return snapshot;
    }

    /// <summary>Every change recorded since the base, for a merge to replay those made after it started.</summary>
    internal IReadOnlyList<GraphChange> ChangesSinceBase => _delta.Changes;

    private GraphSnapshot Apply(GraphChange change)
    {
        var delta = change switch
        {
            GraphChange.RemoveRelationship remove => RemoveRelationship(_delta, remove.Id),
            GraphChange.RemoveActor remove => RemoveActor(remove.Id),
            GraphChange.UpsertActor upsert => UpsertActor(upsert.Entry),
            GraphChange.UpsertRelationship upsert => UpsertRelationship(upsert.Relationship, upsert.Fields),
            _ => throw new ArgumentOutOfRangeException(nameof(change)),
        };
        return Derived(_base, delta with { Changes = delta.Changes.Add(change) }, Version);
    }

    private GraphDelta UpsertActor(ActorEntry entry)
    {
        var actor = entry.Actor;
        if (TryGetIndex(actor.Id, out var slot))
        {
            return _delta with { ActorOverrides = _delta.ActorOverrides.SetItem(slot, entry) };
        }
        slot = ActorSlots;
        return _delta with
        {
            NewActors = _delta.NewActors.Append(_delta.NewActorCount, entry),
            NewActorCount = _delta.NewActorCount + 1,
            ActorIds = _delta.ActorIds.SetItem(actor.Id, slot),
        };
    }

    private GraphDelta RemoveActor(string id)
    {
        if (!TryGetIndex(id, out var slot))
        {
            return _delta;
        }
        var delta = _delta;
        var current = this;
        foreach (var relationship in Arcs(slot).Relationships.ToArray().Distinct())
        {
            delta = current.RemoveRelationship(delta, current.RelationshipAt(relationship).Id);
            current = new GraphSnapshot(_base, delta, Version, Catalogue);
        }
        return delta with
        {
            RemovedActors = delta.RemovedActors.Add(slot),
            ActorIds = delta.ActorIds.SetItem(id, -1),
            ActorOverrides = delta.ActorOverrides.Remove(slot),
        };
    }

    private GraphDelta RemoveRelationship(GraphDelta delta, string id)
    {
        var slot = RelationshipSlotOf(id);
        if (slot < 0)
        {
            return delta;
        }
        var fields = Fields(slot);
        delta = delta with
        {
            DeadRelationships = delta.DeadRelationships.Add(slot),
            RelationshipIds = delta.RelationshipIds.SetItem(id, -1),
        };
        delta = WithArcs(delta, fields.Source, WithoutRelationship(Arcs(fields.Source), slot));
        if (fields.Target != fields.Source)
        {
            delta = WithArcs(delta, fields.Target, WithoutRelationship(Arcs(fields.Target), slot));
        }
        return delta;
    }

    private GraphDelta UpsertRelationship(Relationship relationship, RelationshipFields fieldsButEnds)
    {
        // A changed relationship gets a new slot: the base's per-relationship arrays are never patched.
        var delta = RelationshipSlotOf(relationship.Id) >= 0 ? RemoveRelationship(_delta, relationship.Id) : _delta;
        var current = new GraphSnapshot(_base, delta, Version, Catalogue);
        var source = current.IndexOf(relationship.Source);
        var target = current.IndexOf(relationship.Target);
        var slot = current.RelationshipSlots;
        var fields = fieldsButEnds.WithEnds(source, target);
        delta = delta with
        {
            NewRelationships = delta.NewRelationships.Append(delta.NewRelationshipCount, relationship),
            NewFields = delta.NewFields.Append(delta.NewRelationshipCount, fields),
            NewRelationshipCount = delta.NewRelationshipCount + 1,
            RelationshipIds = delta.RelationshipIds.SetItem(relationship.Id, slot),
        };
        current = new GraphSnapshot(_base, delta, Version, Catalogue);
        delta = WithArcs(delta, source, current.WithArc(current.Arcs(source), target, slot));
        current = new GraphSnapshot(_base, delta, Version, Catalogue);
        return WithArcs(delta, target, current.WithArc(current.Arcs(target), source, slot));
    }

    private Dictionary<string, int> TypeNumbers => LazyInitializer.EnsureInitialized(ref _typeNumbers, () => GraphBase.TypeNumbers(Catalogue));

    private Dictionary<string, int>? _typeNumbers;

    private GraphDelta WithArcs(GraphDelta delta, int actor, NodeArcs arcs) => delta with
    {
        Arcs = delta.Arcs.SetItem(actor, arcs),
        PatchedActors = actor < _base.ActorCount ? delta.PatchedActors.Add(actor) : delta.PatchedActors,
    };

    private static NodeArcs WithoutRelationship(ArcSpan arcs, int relationship)
    {
        var targets = new List<int>(arcs.Length);
        var relationships = new List<int>(arcs.Length);
        for (var i = 0; i < arcs.Length; i++)
        {
            if (arcs.Relationships[i] != relationship)
            {
                targets.Add(arcs.Targets[i]);
                relationships.Add(arcs.Relationships[i]);
            }
        }
        return new NodeArcs([.. targets], [.. relationships]);
    }

    /// <summary>The arcs with one more, inserted at its place in (target id, relationship id) order.</summary>
    private NodeArcs WithArc(ArcSpan arcs, int target, int relationship)
    {
        int position = 0, end = arcs.Length;
        while (position < end)
        {
            var middle = (position + end) >> 1;
            if (CompareArcs(arcs.Targets[middle], arcs.Relationships[middle], target, relationship) < 0)
            {
                position = middle + 1;
            }
            else
            {
                end = middle;
            }
        }
        int[] targets = [.. arcs.Targets[..position], target, .. arcs.Targets[position..]];
        int[] relationships = [.. arcs.Relationships[..position], relationship, .. arcs.Relationships[position..]];
        return new NodeArcs(targets, relationships);
    }

    private int CompareArcs(int targetA, int relationshipA, int targetB, int relationshipB) =>
        CompareActors(targetA, targetB) is var c and not 0 ? c : CompareRelationships(relationshipA, relationshipB);
}
