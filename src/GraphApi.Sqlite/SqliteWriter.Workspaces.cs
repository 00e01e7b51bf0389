using GraphApi.Core.Storage;
using static GraphApi.Sqlite.SqliteCommands;

namespace GraphApi.Sqlite;

/// <summary>Deleting a workspace with its private records (<see cref="StoreWrite.DeleteWorkspace"/>) inside the open transaction.</summary>
internal sealed partial class SqliteWriter
{
    /// <summary>
    /// Its relationships first (its own, and any tie touching one of its actors), then its actors, then its row; the
    /// row triggers audit each record's deletion, and the change log names each, so other processes catch up.
    /// </summary>
    public async Task<Committed<WorkspaceDeletion>> DeleteWorkspaceAsync(StoreWrite.DeleteWorkspace write, CancellationToken cancellationToken)
    {
        var revision = await SqliteGraphStore.WorkspaceRevisionAsync(w.Connection, w.Transaction, write.Id, cancellationToken).ConfigureAwait(false)
            ?? throw new StoreNotFoundException($"no workspace '{write.Id}' exists");
        if (write.ExpectedRevision is { } expected && expected != revision)
        {
            throw new StorePreconditionException($"workspace '{write.Id}' is at revision {revision}, not {expected}: it changed since you read it");
        }
        const string Owned = "SELECT id FROM actors WHERE workspace = $workspace";
        var relationships = await IdsAsync(
            $"SELECT id FROM relationships WHERE workspace = $workspace OR source IN ({Owned}) OR target IN ({Owned}) ORDER BY id",
            write.Id, cancellationToken).ConfigureAwait(false);
        var actors = await IdsAsync($"{Owned} ORDER BY id", write.Id, cancellationToken).ConfigureAwait(false);
        foreach (var id in relationships)
        {
            await ExecuteAsync(w.Connection, w.Transaction, "DELETE FROM relationships WHERE id = $id", cancellationToken, ("$id", id)).ConfigureAwait(false);
        }
        foreach (var id in actors)
        {
            await ExecuteAsync(w.Connection, w.Transaction, "DELETE FROM actors WHERE id = $id", cancellationToken, ("$id", id)).ConfigureAwait(false);
        }
        await ExecuteAsync(w.Connection, w.Transaction, "DELETE FROM workspaces WHERE id = $id", cancellationToken, ("$id", write.Id)).ConfigureAwait(false);
        await LogAsync(SqliteChangeLog.Relationship, relationships, cancellationToken).ConfigureAwait(false);
        await LogAsync(SqliteChangeLog.Actor, actors, cancellationToken).ConfigureAwait(false);
        return new Committed<WorkspaceDeletion>(new WorkspaceDeletion(write.Id, actors, relationships), w.Version);
    }

    private async Task<List<string>> IdsAsync(string sql, string workspace, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        await using var command = Command(w.Connection, w.Transaction, sql, ("$workspace", workspace));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            ids.Add(reader.GetString(0));
        }
        return ids;
    }
}
