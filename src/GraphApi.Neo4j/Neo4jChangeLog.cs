using System.Globalization;
using GraphApi.Core.Domain;
using GraphApi.Core.Storage;
using GraphApi.Neo4j.QueryApi;

namespace GraphApi.Neo4j;

/// <summary>
/// Reads the answer of cypher/queries/change-log-read.cypher: the change sets after a replica's version, folded into
/// one <see cref="StoreChanges"/> (the last state of each id wins), or the reason the log cannot bring that replica to
/// the store's version. The log reaches back only when it holds a change set for every version in between: one
/// missing (a write by an adapter without the log, or by hand in Cypher), one marked reset, or a floor above the
/// replica's version all mean "reload"; applying what is there would serve a state the store never held.
/// </summary>
internal static class Neo4jChangeLog
{
    /// <summary>The changes from <paramref name="since"/> to the store's version, or null and why not.</summary>
    public static (StoreChanges? Changes, string? WhyNot) Fold(long since, QueryRecord? row)
    {
        if (row is not { } found)
        {
            return (null, "the store has no version node (its schema was never created)");
        }
        var current = found.GetInt64("version") ?? 0;
        var floor = found.GetInt64("floor") ?? current;
        if (current < since)
        {
            return (null, $"the store is at version {current}, behind version {since}: it is not the store that version came from");
        }
        if (since < floor)
        {
            return (null, $"the log starts after version {floor} (older change sets were pruned, or written before the log existed)");
        }
        var sets = found.Get<List<object?>>("changes").OfType<IReadOnlyDictionary<string, object?>>()
            .OrderBy(s => Version(s)).ToList();
        if (sets.Find(s => s.GetValueOrDefault("reset") is true) is { } reset)
        {
            return (null, $"version {Version(reset)} changed more records than the log keeps");
        }
        var expected = current - since;
        if (sets.Count != expected || (sets.Count > 0 && (Version(sets[0]) != since + 1 || Version(sets[^1]) != current)))
        {
            return (null, $"{expected - sets.Count} of the {expected} versions after {since.ToString(CultureInfo.InvariantCulture)} have no change set (written by hand or by an adapter without the log)");
        }
        return (Apply(current, sets), null);
    }

    private static StoreChanges Apply(long current, List<IReadOnlyDictionary<string, object?>> sets)
    {
        var actors = new SortedDictionary<string, Actor?>(StringComparer.Ordinal);
        var relationships = new SortedDictionary<string, Relationship?>(StringComparer.Ordinal);
        foreach (var set in sets)
        {
            // Within one set an id is either put or removed (Neo4jChangeSet keeps its last state only).
            foreach (var id in Texts(set, "removedActors"))
            {
                actors[id] = null;
            }
            foreach (var id in Texts(set, "removedRelationships"))
            {
                relationships[id] = null;
            }
            foreach (var actor in Texts(set, "actors").Select(Neo4jChangeJson.ReadActor))
            {
                actors[actor.Id] = actor;
            }
            foreach (var relationship in Texts(set, "relationships").Select(Neo4jChangeJson.ReadRelationship))
            {
                relationships[relationship.Id] = relationship;
            }
        }
        return new StoreChanges(current,
            [.. actors.Values.OfType<Actor>()], [.. actors.Where(a => a.Value is null).Select(a => a.Key)],
            [.. relationships.Values.OfType<Relationship>()], [.. relationships.Where(r => r.Value is null).Select(r => r.Key)]);
    }

    private static long Version(IReadOnlyDictionary<string, object?> set) =>
        Convert.ToInt64(set.GetValueOrDefault("version") ?? throw new InvalidDataException("a change set has no version"), CultureInfo.InvariantCulture);

    // A list left out (the writer stores no empty list) is an empty one.
    private static IEnumerable<string> Texts(IReadOnlyDictionary<string, object?> set, string key) =>
        set.GetValueOrDefault(key) is IEnumerable<object?> items ? items.OfType<string>() : [];
}
