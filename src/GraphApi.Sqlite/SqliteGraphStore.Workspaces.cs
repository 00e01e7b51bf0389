using GraphApi.Core.Domain;
using GraphApi.Core.Storage;
using Microsoft.Data.Sqlite;
using static GraphApi.Sqlite.SqliteCommands;

namespace GraphApi.Sqlite;

/// <summary>
/// Workspaces (<see cref="IWorkspaceStore"/>): one row each, and the owning workspace of every record as a column
/// computed from its body, indexed, so a workspace's records are found (and deleted, <see cref="SqliteWriter"/>) by the
/// database rather than by reading every body.
/// </summary>
public sealed partial class SqliteGraphStore : IWorkspaceStore
{
    private const string WorkspaceSchema = """
        CREATE TABLE IF NOT EXISTS workspaces (
            id       TEXT PRIMARY KEY,
            name     TEXT NOT NULL,
            revision INTEGER NOT NULL
        );
        """;

    // Virtual generated columns can be added to a table that has rows; the body stays the one source of the value.
    private const string WorkspaceColumnIndexes = """
        CREATE INDEX IF NOT EXISTS ix_actors_workspace ON actors(workspace) WHERE workspace IS NOT NULL;
        CREATE INDEX IF NOT EXISTS ix_relationships_workspace ON relationships(workspace) WHERE workspace IS NOT NULL;
        """;

    private static async Task CreateWorkspaceSchemaAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, null, WorkspaceSchema, cancellationToken).ConfigureAwait(false);
        foreach (var table in new[] { "actors", "relationships" })
        {
            // table is one of two constants, never caller input; table_xinfo (not table_info) lists generated columns.
            await using var columns = Command(connection, null, $"SELECT 1 FROM pragma_table_xinfo('{table}') WHERE name = 'workspace'");
            if (await columns.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is null)
            {
                await ExecuteAsync(connection, null,
                    $"ALTER TABLE {table} ADD COLUMN workspace TEXT GENERATED ALWAYS AS (json_extract(body, '$.workspace')) VIRTUAL", cancellationToken)
                    .ConfigureAwait(false);
            }
        }
        await ExecuteAsync(connection, null, WorkspaceColumnIndexes, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<Workspace>> ListWorkspacesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, "SELECT id, name, revision FROM workspaces ORDER BY id");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var workspaces = new List<Workspace>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            workspaces.Add(new Workspace(reader.GetString(0), reader.GetString(1)) { Revision = reader.GetInt64(2) });
        }
        return workspaces;
    }

    public async Task<Workspace> CreateWorkspaceAsync(Workspace workspace, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = connection.BeginTransaction(deferred: false);
        if (await WorkspaceRevisionAsync(connection, transaction, workspace.Id, cancellationToken).ConfigureAwait(false) is not null)
        {
            throw new StoreConflictException($"a workspace with id '{workspace.Id}' already exists");
        }
        await ExecuteAsync(connection, transaction, "INSERT INTO workspaces (id, name, revision) VALUES ($id, $name, 1)", cancellationToken,
            ("$id", workspace.Id), ("$name", workspace.Name)).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return workspace with { Revision = 1 };
    }

    public async Task<Workspace> RenameWorkspaceAsync(string id, string name, long? expectedRevision, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = connection.BeginTransaction(deferred: false);
        var revision = await WorkspaceRevisionAsync(connection, transaction, id, cancellationToken).ConfigureAwait(false)
            ?? throw new StoreNotFoundException($"no workspace '{id}' exists");
        if (expectedRevision is { } expected && expected != revision)
        {
            throw new StorePreconditionException($"workspace '{id}' is at revision {revision}, not {expected}: it changed since you read it");
        }
        await ExecuteAsync(connection, transaction, "UPDATE workspaces SET name = $name, revision = $revision WHERE id = $id", cancellationToken,
            ("$id", id), ("$name", name), ("$revision", revision + 1)).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new Workspace(id, name) { Revision = revision + 1 };
    }

    internal static async Task<long?> WorkspaceRevisionAsync(SqliteConnection connection, SqliteTransaction? transaction, string id, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, "SELECT revision FROM workspaces WHERE id = $id", ("$id", id));
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long revision ? revision : null;
    }
}
