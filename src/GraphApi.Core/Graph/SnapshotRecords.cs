using GraphApi.Core.Domain;
using GraphApi.Core.Storage;

namespace GraphApi.Core.Graph;

/// <summary>
/// Works out, when a write is validated and before it goes anywhere near the store, everything the snapshot derives
/// from its records: an actor's region and folded search text, a relationship's packed fields (strength, cost, dates
/// as day numbers, type). The write carries the result (<see cref="PreparedWrite"/>) to the writer, which after the
/// commit only places it (slots and arcs: ids and the snapshot's own structure). So a record the snapshot cannot
/// take is refused with a 400 and nothing is stored, instead of being committed and then failing to publish.
/// </summary>
/// <remarks>
/// Also refused here: text with an unpaired surrogate. The stores keep UTF-8, which cannot hold it; they would store
/// U+FFFD in its place while the snapshot showed the text as sent, so store and snapshot would disagree.
/// </remarks>
internal sealed class SnapshotRecords(RelationshipTypeCatalogue catalogue, Regions regions)
{
    private readonly Dictionary<string, int> _typeNumbers = GraphBase.TypeNumbers(catalogue);

    /// <summary>What a write's records become in the snapshot; <see cref="PreparedWrite.None"/> for a write that carries none.</summary>
    /// <exception cref="DomainValidationException">A record the store or the snapshot cannot hold as sent.</exception>
    public PreparedWrite Prepare(StoreWrite write)
    {
        var errors = new ValidationErrors();
        var prepared = write switch
        {
            StoreWrite.CreateActor w => new PreparedWrite([Actor(w.Actor, "", errors)], []),
            StoreWrite.UpdateActor w => new PreparedWrite([Actor(w.Actor, "", errors)], []),
            StoreWrite.CreateRelationship w => new PreparedWrite([], [Relationship(w.Relationship, "", errors)]),
            StoreWrite.UpdateRelationship w => new PreparedWrite([], [Relationship(w.Relationship, "", errors)]),
            StoreWrite.Upsert w => new PreparedWrite(
                [.. w.Actors.Select((a, i) => Actor(a, $"actors[{i}].", errors))],
                [.. w.Relationships.Select((r, i) => Relationship(r, $"relationships[{i}].", errors))]),
            // Deletes carry no record; a merge joins records the snapshot already holds (its text was checked when
            // they were written) and the store decides the result, so it is derived when applied.
            _ => PreparedWrite.None,
        };
        if (!errors.IsEmpty)
        {
            throw new DomainValidationException(errors);
        }
        return prepared;
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

/// <summary>
/// The snapshot form of a write's records, derived before the commit (<see cref="SnapshotRecords"/>), in the write's
/// own order: the one actor or relationship of a single write, or an upsert's lists.
/// </summary>
internal sealed record PreparedWrite(IReadOnlyList<ActorEntry> Actors, IReadOnlyList<GraphChange.UpsertRelationship> Relationships)
{
    public static PreparedWrite None { get; } = new([], []);

    /// <summary>
    /// The prepared actor as the store committed it. Stores hand back the record they were given with its new
    /// revision (<see cref="IGraphStore"/>), so the text folded before the commit is the stored record's.
    /// </summary>
    public GraphChange.UpsertActor Stored(Actor stored, int index = 0)
    {
        var entry = Actors[index];
        return new(entry with { Actor = stored with { Region = entry.Actor.Region } });
    }

    /// <summary>The prepared relationship as the store committed it (the same record with its new revision).</summary>
    public GraphChange.UpsertRelationship Stored(Relationship stored, int index = 0) => Relationships[index] with { Relationship = stored };
}
