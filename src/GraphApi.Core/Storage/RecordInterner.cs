using GraphApi.Core.Domain;

namespace GraphApi.Core.Storage;

/// <summary>
/// Makes a loaded graph share one string instance per distinct value where values repeat: a relationship's
/// ends become its actors' own id strings, and types, kinds, countries, sectors, sources, evidence documents
/// and sections, event names and places come from one pool. A store returns a fresh string per field per row;
/// at 400k relationships the copies alone are over 100 MB of the service's memory.
/// </summary>
public sealed class RecordInterner
{
    private readonly StringPool _pool = new();
    private readonly Dictionary<string, string> _ids = new(StringComparer.Ordinal);

    public Actor Intern(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        _ids[actor.Id] = actor.Id;
        return actor with
        {
            Kind = Pooled(actor.Kind),
            Aliases = actor.Aliases.Count == 0 ? [] : [.. actor.Aliases],
            Country = Pooled(actor.Country),
            Sectors = PooledList(actor.Sectors),
            Sources = PooledList(actor.Sources),
        };
    }

    /// <summary>Interns a relationship; its ends share the id strings of actors interned before it.</summary>
    public Relationship Intern(Relationship relationship)
    {
        ArgumentNullException.ThrowIfNull(relationship);
        return relationship with
        {
            Source = _ids.GetValueOrDefault(relationship.Source, relationship.Source),
            Target = _ids.GetValueOrDefault(relationship.Target, relationship.Target),
            Type = Pooled(relationship.Type),
            Evidence = relationship.Evidence is { } e ? new Evidence(PooledOrNull(e.Document), PooledOrNull(e.Section), e.Quote) : null,
            Event = relationship.Event is { } ev ? ev with { Name = PooledOrNull(ev.Name), Place = PooledOrNull(ev.Place) } : null,
        };
    }

    private string Pooled(string value) => _pool.Get(value);

    private string? PooledOrNull(string? value) => _pool.GetOrNull(value);

    private string[] PooledList(IReadOnlyList<string> values)
    {
        var pooled = new string[values.Count];
        for (var i = 0; i < pooled.Length; i++)
        {
            pooled[i] = Pooled(values[i]);
        }
        return pooled;
    }
}
