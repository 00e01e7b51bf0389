using System.Globalization;
using GraphApi.Core.Domain;
using GraphApi.Core.Storage;
using GraphApi.Neo4j.QueryApi;

namespace GraphApi.Neo4j;

/// <summary>
/// The audit entries of one write transaction, collected while it runs and appended just before it commits (see
/// cypher/queries/audit-append.cypher), so they share its fate. Bodies are <see cref="RecordJson"/>, the same as
/// the embedded store's, and the author is <see cref="ChangeAuthor"/>'s, read when the change is recorded. A graph
/// write also notes each record it leaves behind in its change set (<see cref="Neo4jChangeSet"/>): one call records a
/// change for both, so the audit and the change log cannot disagree about what a transaction did.
/// </summary>
internal sealed class Neo4jAudit(Neo4jChangeSet? changes = null)
{
    private readonly List<Dictionary<string, object?>> _entries = [];

    public void Created(Actor actor)
    {
        Add("actor", actor.Id, "create", null, RecordJson.Write(actor), workspace: actor.Workspace);
        changes?.Put(actor);
    }

    public void Updated(Actor before, Actor after)
    {
        Add("actor", after.Id, "update", RecordJson.Write(before), RecordJson.Write(after), workspace: after.Workspace ?? before.Workspace);
        changes?.Put(after);
    }

    /// <summary>The merge's own entry: the merged actor before, and what the merge did (<see cref="ActorMergeAudit"/>).</summary>
    public void Merged(Actor merged, string summary) => Add("actor", merged.Id, "merge", RecordJson.Write(merged), summary);

    public void Deleted(Actor actor)
    {
        Add("actor", actor.Id, "delete", RecordJson.Write(actor), null, workspace: actor.Workspace);
        changes?.RemoveActor(actor.Id);
    }

    public void Created(Relationship relationship)
    {
        Add("relationship", relationship.Id, "create", null, RecordJson.Write(relationship), workspace: relationship.Workspace);
        changes?.Put(relationship);
    }

    public void Updated(Relationship before, Relationship after)
    {
        Add("relationship", after.Id, "update", RecordJson.Write(before), RecordJson.Write(after), workspace: after.Workspace ?? before.Workspace);
        changes?.Put(after);
    }

    public void Deleted(Relationship relationship)
    {
        Add("relationship", relationship.Id, "delete", RecordJson.Write(relationship), null, workspace: relationship.Workspace);
        changes?.RemoveRelationship(relationship.Id);
    }

    /// <summary>An upserted record: an update when it existed (<paramref name="before"/>), a create otherwise.</summary>
    public void Upserted(Actor? before, Actor after)
    {
        if (before is null)
        {
            Created(after);
        }
        else
        {
            Updated(before, after);
        }
    }

    public void Upserted(Relationship? before, Relationship after)
    {
        if (before is null)
        {
            Created(after);
        }
        else
        {
            Updated(before, after);
        }
    }

    /// <summary>
    /// A ledger write (entity <c>introduction</c>), under the key that recorded it, as on the embedded store; a private
    /// ask's entries carry its workspace, so that workspace's admins read them.
    /// </summary>
    public void Introduction(string id, string operation, string? who, string? before, string? after, string? workspace) =>
        Add("introduction", id, operation, before, after, who, workspace);

    public async Task AppendAsync(QueryApiTransaction tx, int batchSize, CancellationToken ct)
    {
        foreach (var batch in _entries.Chunk(batchSize))
        {
            await tx.RunAsync(new Statement(CypherQueries.Get("audit-append"),
                new Dictionary<string, object?>(StringComparer.Ordinal) { ["entries"] = batch }), ct).ConfigureAwait(false);
        }
    }

    public static AuditEntry Read(QueryRecord record) => new(
        record.GetInt64("id") ?? 0,
        DateTimeOffset.Parse(record.Get<string>("at"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
        record.Get<string>("who"),
        record.Get<string>("entity"),
        record.Get<string>("entityId"),
        record.Get<string>("operation"),
        record["before"] as string,
        record["after"] as string);

    /// <param name="workspace">The workspace owning the record (before or after the change), so its admins find the entry.</param>
    private void Add(string entity, string id, string operation, string? before, string? after, string? who = null, string? workspace = null) =>
        _entries.Add(new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["at"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            ["who"] = who ?? ChangeAuthor.Name,
            ["entity"] = entity,
            ["entityId"] = id,
            ["operation"] = operation,
            ["before"] = before,
            ["after"] = after,
            ["workspace"] = workspace,
        });
}
