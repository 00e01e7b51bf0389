using GraphApi.Core.Domain;
using GraphApi.Neo4j.QueryApi;

namespace GraphApi.Neo4j;

/// <summary>
/// What one write transaction left behind, collected while it runs and appended as its <c>:ChangeSet</c> just before
/// it commits (cypher/queries/change-set-append.cypher), so the change log shares the transaction's fate exactly like
/// the audit entries. Each record is kept as the properties the adapter stored (<see cref="Neo4jChangeJson"/>), so a
/// replica decodes it with the same mapping as a full load and gets the same record. Only the last state of each id
/// counts: a relationship deleted and created again under its id (a merge re-pointing it) is put, not removed.
/// </summary>
internal sealed class Neo4jChangeSet
{
    /// <summary>A transaction touching more records than this logs a reset instead: replicas reload rather than read it.</summary>
    public const int MaxLoggedRows = 20_000;

    // Ordinal maps from id to the stored properties as JSON, or null once deleted: the last write of an id wins.
    private readonly Dictionary<string, string?> _actors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> _relationships = new(StringComparer.Ordinal);
    private bool _putTwice;

    public int Rows => _actors.Count + _relationships.Count;

    /// <summary>
    /// Whether replicas must reload rather than apply this set: too large to log, or a record put twice in one
    /// transaction (an upsert listing an id twice, whose stored revision the adapter does not know without reading it).
    /// </summary>
    public bool Reset => _putTwice || Rows > MaxLoggedRows;

    /// <summary>The actor as stored at <see cref="Actor.Revision"/>.</summary>
    public void Put(Actor actor) => Put(_actors, actor.Id, Neo4jChangeJson.Write(actor));

    /// <summary>The relationship as stored at <see cref="Relationship.Revision"/>, with its type and ends.</summary>
    public void Put(Relationship relationship) => Put(_relationships, relationship.Id, Neo4jChangeJson.Write(relationship));

    public void RemoveActor(string id) => _actors[id] = null;

    public void RemoveRelationship(string id) => _relationships[id] = null;

    public Task AppendAsync(QueryApiTransaction tx, long version, CancellationToken ct)
    {
        var reset = Reset;
        return tx.RunAsync(new Statement(CypherQueries.Get("change-set-append"), new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["version"] = version,
            ["reset"] = reset,
            ["actors"] = reset ? null : Live(_actors),
            ["removedActors"] = reset ? null : Removed(_actors),
            ["relationships"] = reset ? null : Live(_relationships),
            ["removedRelationships"] = reset ? null : Removed(_relationships),
        }), ct);
    }

    private void Put(Dictionary<string, string?> records, string id, string stored)
    {
        // A put after a removal is the record coming back (same id, next revision): that is one state, not two.
        _putTwice |= records.TryGetValue(id, out var earlier) && earlier is not null;
        records[id] = stored;
    }

    // Null rather than an empty list: Neo4j keeps no property for it, and the reader takes a missing list as empty.
    private static string[]? Live(Dictionary<string, string?> records) =>
        records.Values.OfType<string>().ToArray() is { Length: > 0 } live ? live : null;

    private static string[]? Removed(Dictionary<string, string?> records) =>
        records.Where(r => r.Value is null).Select(r => r.Key).Order(StringComparer.Ordinal).ToArray() is { Length: > 0 } removed ? removed : null;
}
