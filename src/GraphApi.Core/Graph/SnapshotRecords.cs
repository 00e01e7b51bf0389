using System.Diagnostics.CodeAnalysis;
using GraphApi.Core.Domain;
using GraphApi.Core.Storage;

namespace GraphApi.Core.Graph;

/// <summary>
/// Works out, when a write is validated and before it goes anywhere near the store, everything the snapshot derives
/// from its records: an actor's region and folded search text, a relationship's packed fields (strength, cost, dates
/// as day numbers, type). The write carries the result (<see cref="PreparedWrite{TOutcome}"/>) to the writer, which
/// after the commit only places it (slots and arcs: ids and the snapshot's own structure). So a record the snapshot cannot
/// take is refused with a 400 and nothing is stored, instead of being committed and then failing to publish.
/// </summary>
/// <remarks>
/// Also refused here: text with an unpaired surrogate. The stores keep UTF-8, which cannot hold it; they would store
/// U+FFFD in its place while the snapshot showed the text as sent, so store and snapshot would disagree.
/// </remarks>
internal sealed class SnapshotRecords(RelationshipTypeCatalogue catalogue, Regions regions)
{
    private readonly Dictionary<string, int> _typeNumbers = GraphBase.TypeNumbers(catalogue);

    // One method per write kind (StoreWrite<TOutcome>.Prepare calls the one for its kind): what the write's records
    // become in the snapshot, and how its outcome is shown there once the store has committed it. The store hands
    // back the records it was given with their new revisions (IStoreWriter), so what is derived here is the stored
    // records'.

    /// <exception cref="DomainValidationException">A record the store or the snapshot cannot hold as sent.</exception>
    public PreparedWrite<Actor> Prepare(StoreWrite.CreateActor write) => ActorWrite(write.Actor);

    /// <inheritdoc cref="Prepare(StoreWrite.CreateActor)"/>
    public PreparedWrite<Actor> Prepare(StoreWrite.UpdateActor write) => ActorWrite(write.Actor);

    /// <inheritdoc cref="Prepare(StoreWrite.CreateActor)"/>
    public PreparedWrite<Relationship> Prepare(StoreWrite.CreateRelationship write) => RelationshipWrite(write.Relationship);

    /// <inheritdoc cref="Prepare(StoreWrite.CreateActor)"/>
    public PreparedWrite<Relationship> Prepare(StoreWrite.UpdateRelationship write) => RelationshipWrite(write.Relationship);

    // Deletes carry no record: the store says what went (an actor's deletion takes its ties along). Instance methods
    // all the same, like every kind's, so each kind calls its method the one way.
    [SuppressMessage("Performance", "CA1822", Justification = "One instance method per write kind, called the same way for every kind")]
    public PreparedWrite<ActorDeletion> Prepare(StoreWrite.DeleteActor write) =>
        new((s, deletion, version) => s.With(version, removeActors: [deletion.ActorId], removeRelationships: deletion.RemovedRelationshipIds));

    [SuppressMessage("Performance", "CA1822", Justification = "One instance method per write kind, called the same way for every kind")]
    public PreparedWrite<RelationshipDeletion> Prepare(StoreWrite.DeleteRelationship write) =>
        new((s, deletion, version) => s.With(version, removeRelationships: [deletion.RelationshipId]));

    [SuppressMessage("Performance", "CA1822", Justification = "One instance method per write kind, called the same way for every kind")]
    public PreparedWrite<WorkspaceDeletion> Prepare(StoreWrite.DeleteWorkspace write) =>
        new((s, deletion, version) => s.With(version, removeActors: deletion.RemovedActorIds, removeRelationships: deletion.RemovedRelationshipIds));

    /// <summary>
    /// Every row of the upsert, derived now; once stored, each row's revision is the snapshot's plus one (1 for a new
    /// row), as the store counts it, or the ETags the snapshot serves would not match If-Match checks against the store.
    /// </summary>
    /// <exception cref="DomainValidationException">Rows the store or the snapshot cannot hold as sent, each named by its index.</exception>
    public PreparedWrite<Upserted> Prepare(StoreWrite.Upsert write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var errors = new ValidationErrors();
        ActorEntry[] actors = [.. write.Actors.Select((a, i) => Actor(a, $"actors[{i}].", errors))];
        GraphChange.UpsertRelationship[] relationships = [.. write.Relationships.Select((r, i) => Relationship(r, $"relationships[{i}].", errors))];
        ThrowIfAny(errors);
        return new((s, _, version) => s.WithPrepared(version,
            actors.Select(entry => Stored(entry, entry.Actor with { Revision = (s.FindActor(entry.Actor.Id)?.Revision ?? 0) + 1 })),
            null,
            relationships.Select(r => r with { Relationship = r.Relationship with { Revision = (s.FindRelationship(r.Relationship.Id)?.Revision ?? 0) + 1 } }),
            null));
    }

    // A merge joins records the snapshot already holds (their text was checked when they were written) and the store
    // decides the result, so its records are derived when it is shown.
    public PreparedWrite<ActorMerge> Prepare(StoreWrite.MergeActors write) =>
        new((s, merge, version) => s.WithPrepared(version, [new(Entry(merge.IntoActor))], [merge.Merged],
            merge.Repointed.Select(r => new GraphChange.UpsertRelationship(r, FieldsButEnds(r))), merge.RemovedRelationshipIds));

    private PreparedWrite<Actor> ActorWrite(Actor actor)
    {
        var errors = new ValidationErrors();
        var entry = Actor(actor, "", errors);
        ThrowIfAny(errors);
        return new((s, stored, version) => s.WithPrepared(version, [Stored(entry, stored)], null, [], null));
    }

    private PreparedWrite<Relationship> RelationshipWrite(Relationship relationship)
    {
        var errors = new ValidationErrors();
        var prepared = Relationship(relationship, "", errors);
        ThrowIfAny(errors);
        return new((s, stored, version) => s.WithPrepared(version, [], null, [prepared with { Relationship = stored }], null));
    }

    /// <summary>The prepared actor as the store committed it: the text folded before the commit is the stored record's.</summary>
    private static GraphChange.UpsertActor Stored(ActorEntry entry, Actor stored) => new(entry with { Actor = stored with { Region = entry.Actor.Region } });

    private static void ThrowIfAny(ValidationErrors errors)
    {
        if (!errors.IsEmpty)
        {
            throw new DomainValidationException(errors);
        }
    }

    /// <summary>The snapshot form of an actor whose record comes from the store (catch-ups, merges).</summary>
    public ActorEntry Entry(Actor actor) => ActorEntry.Of(actor with { Region = regions.Of(actor.Country) });

    /// <summary>The packed fields of a relationship but its ends, which are actor slots known only when it is placed.</summary>
    public RelationshipFields FieldsButEnds(Relationship relationship) => GraphBase.FieldsOf(relationship, -1, -1, catalogue, _typeNumbers);

    private ActorEntry Actor(Actor actor, string path, ValidationErrors errors)
    {
        if (RecordText.Any(actor, HasUnpairedSurrogate))
        {
            CheckStorable(RecordText.Of(actor), path, errors);
        }
        try
        {
            return Entry(actor);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or FormatException)
        {
            // Whatever a future derivation trips on, it trips here, before the commit: the caller hears which record.
            errors.Add(path.Length == 0 ? "body" : path.TrimEnd('.'), "cannot be indexed by the graph (its id, names or country); nothing was stored");
            return null!;
        }
    }

    private GraphChange.UpsertRelationship Relationship(Relationship relationship, string path, ValidationErrors errors)
    {
        if (RecordText.Any(relationship, HasUnpairedSurrogate))
        {
            CheckStorable(RecordText.Of(relationship), path, errors);
        }
        try
        {
            return new GraphChange.UpsertRelationship(relationship, FieldsButEnds(relationship));
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or FormatException)
        {
            errors.Add(path.Length == 0 ? "body" : path.TrimEnd('.'), "cannot be indexed by the graph (its type, strength or dates); nothing was stored");
            return null!;
        }
    }

    private static bool HasUnpairedSurrogate(string text) => LenientNormalization.FirstUnpairedSurrogate(text) >= 0;

    /// <summary>Names each field holding an unpaired surrogate (only called for a record that has one).</summary>
    private static void CheckStorable(IEnumerable<(string Field, string Value)> text, string path, ValidationErrors errors)
    {
        foreach (var (field, value) in text)
        {
            if (LenientNormalization.FirstUnpairedSurrogate(value) is var at and >= 0)
            {
                errors.Add(path + field, $"contains an unpaired surrogate (U+{(int)value[at]:X4}) at position {at + 1}, which cannot be stored as sent");
            }
        }
    }
}
