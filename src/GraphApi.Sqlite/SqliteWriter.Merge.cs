using GraphApi.Core.Domain;
using GraphApi.Core.Storage;
using static GraphApi.Sqlite.SqliteCommands;

namespace GraphApi.Sqlite;

/// <summary>Merging duplicate actors (<see cref="StoreWrite.MergeActors"/>) inside the open transaction.</summary>
internal sealed partial class SqliteWriter
{
    /// <summary>
    /// The merge inside the caller's transaction: plan from the rows as they are now, then write it. The row
    /// triggers audit every update and delete it makes; one more audit row, operation <c>merge</c>, says why.
    /// </summary>
    public async Task<Committed<ActorMerge>> MergeActorsAsync(StoreWrite.MergeActors merge, CancellationToken cancellationToken)
    {
        await CheckRevisionAsync("actors", "actor", merge.Id, merge.ExpectedRevision, cancellationToken).ConfigureAwait(false);
        await CheckRevisionAsync("actors", "actor", merge.Into, null, cancellationToken).ConfigureAwait(false);
        var (merged, mergedBody) = await ReadActorAsync(merge.Id, cancellationToken).ConfigureAwait(false);
        var (into, _) = await ReadActorAsync(merge.Into, cancellationToken).ConfigureAwait(false);
        var plan = ActorMergePlanner.Plan(merged, into,
            await ReadTiesAsync(merge.Id, cancellationToken).ConfigureAwait(false),
            await ReadTiesAsync(merge.Into, cancellationToken).ConfigureAwait(false),
            merge.Catalogue, merge.CollapseDuplicates, w.Version);

        await ExecuteAsync(w.Connection, w.Transaction,
            $"INSERT INTO audit (at, who, entity, entity_id, operation, before, after) VALUES ({SqliteAudit.Now}, $who, 'actor', $id, 'merge', $before, $after)",
            cancellationToken, ("$who", ChangeAuthor.Name), ("$id", merge.Id), ("$before", mergedBody), ("$after", ActorMergeAudit.Summary(plan))).ConfigureAwait(false);
        foreach (var id in plan.RemovedRelationshipIds)
        {
            await DeleteRelationshipAsync(id, null, cancellationToken).ConfigureAwait(false);
        }
        var repointed = new List<Relationship>(plan.Repointed.Count);
        foreach (var tie in plan.Repointed)
        {
            var stored = tie with { Revision = tie.Revision + 1 };
            await WriteRelationshipAsync(stored, insert: false, cancellationToken).ConfigureAwait(false);
            repointed.Add(stored);
        }
        var updated = await UpdateActorAsync(plan.IntoActor, null, cancellationToken).ConfigureAwait(false);
        await DeleteActorAsync(merge.Id, null, cancellationToken).ConfigureAwait(false);
        // Older redirects to the merged actor follow it, so a lookup is always one step.
        await ExecuteAsync(w.Connection, w.Transaction, "UPDATE actor_redirects SET into_id = $into WHERE into_id = $id", cancellationToken,
            ("$into", merge.Into), ("$id", merge.Id)).ConfigureAwait(false);
        await ExecuteAsync(w.Connection, w.Transaction,
            $"INSERT OR REPLACE INTO actor_redirects (id, into_id, merged_at) VALUES ($id, $into, {SqliteAudit.Now})", cancellationToken,
            ("$id", merge.Id), ("$into", merge.Into)).ConfigureAwait(false);
        return new Committed<ActorMerge>(plan with { IntoActor = updated.Value, Repointed = repointed }, w.Version);
    }

    private async Task<(Actor Actor, string Body)> ReadActorAsync(string id, CancellationToken cancellationToken)
    {
        await using var command = Command(w.Connection, w.Transaction, "SELECT body, revision FROM actors WHERE id = $id", ("$id", id));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            throw new StoreNotFoundException($"no actor '{id}' exists");
        }
        var body = reader.GetString(0);
        return (RecordJson.ReadActor(body) with { Revision = reader.GetInt64(1) }, body);
    }

    private async Task<List<Relationship>> ReadTiesAsync(string actorId, CancellationToken cancellationToken)
    {
        var ties = new List<Relationship>();
        await using var command = Command(w.Connection, w.Transaction,
            "SELECT body, revision FROM relationships WHERE source = $id OR target = $id ORDER BY id", ("$id", actorId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            ties.Add(RecordJson.ReadRelationship(reader.GetFieldValue<byte[]>(0)) with { Revision = reader.GetInt64(1) });
        }
        return ties;
    }
}
