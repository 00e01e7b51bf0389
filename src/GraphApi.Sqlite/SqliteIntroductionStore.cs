using System.Text.Json.Nodes;
using GraphApi.Core.Introductions;
using GraphApi.Core.Storage;
using Microsoft.Data.Sqlite;
using static GraphApi.Sqlite.SqliteCommands;

namespace GraphApi.Sqlite;

/// <summary>
/// The introduction ledger in the embedded store's file, in two tables of its own (asks, and their events keyed by
/// ask and sequence). Each write is one IMMEDIATE transaction on a connection with synchronous=FULL, like every
/// other write of the file: acknowledged means on disk. Its audit row (entity <c>introduction</c>, operation
/// <c>create</c> or <c>event</c>) is written in the same transaction. The graph's version does not move: asks are not
/// part of the graph.
/// </summary>
public sealed class SqliteIntroductionStore(string path) : IIntroductionStore
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS introductions (
            id        TEXT PRIMARY KEY,
            requester TEXT NOT NULL,
            target    TEXT NOT NULL,
            body      TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS introduction_events (
            introduction_id TEXT NOT NULL REFERENCES introductions(id),
            sequence        INTEGER NOT NULL,
            body            TEXT NOT NULL,
            PRIMARY KEY (introduction_id, sequence)
        );
        """;

    private readonly string _path = Path.GetFullPath(path);
    private readonly string _connectionString = SqliteConnections.For(Path.GetFullPath(path));

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        // The audit table is the graph store's; creating it here too (IF NOT EXISTS) lets the ledger start first.
        await ExecuteAsync(connection, null, SqliteSchema.Create + SqliteAudit.Schema + Schema, cancellationToken).ConfigureAwait(false);
        await AddWorkspaceColumnAsync(connection, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The ask's owning workspace as a column (null for a public ask), computed from its body and indexed, as the graph
    /// store keeps it for actors and relationships: a file written before workspaces gains it on its next start (a
    /// virtual generated column can be added to a table that has rows), and every old ask reads as public.
    /// </summary>
    private static async Task AddWorkspaceColumnAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var columns = Command(connection, null, "SELECT 1 FROM pragma_table_xinfo('introductions') WHERE name = 'workspace'");
        if (await columns.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is null)
        {
            await ExecuteAsync(connection, null,
                "ALTER TABLE introductions ADD COLUMN workspace TEXT GENERATED ALWAYS AS (json_extract(body, '$.workspace')) VIRTUAL", cancellationToken)
                .ConfigureAwait(false);
        }
        await ExecuteAsync(connection, null,
            "CREATE INDEX IF NOT EXISTS ix_introductions_workspace ON introductions(workspace) WHERE workspace IS NOT NULL", cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<Introduction>> LoadAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = connection.BeginTransaction(deferred: true);
        var events = new Dictionary<string, List<IntroductionEvent>>(StringComparer.Ordinal);
        await using (var command = Command(connection, transaction, "SELECT introduction_id, body FROM introduction_events ORDER BY introduction_id, sequence"))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var id = reader.GetString(0);
                if (!events.TryGetValue(id, out var list))
                {
                    events[id] = list = [];
                }
                list.Add(IntroductionJson.ReadEvent(reader.GetString(1)));
            }
        }
        var asks = new List<Introduction>();
        await using (var command = Command(connection, transaction, "SELECT body FROM introductions ORDER BY id"))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var ask = IntroductionJson.ReadIntroduction(reader.GetString(0));
                asks.Add(ask with { Events = events.GetValueOrDefault(ask.Id) ?? [] });
            }
        }
        return asks;
    }

    public Task CreateAsync(Introduction ask, CancellationToken cancellationToken) =>
        InTransactionAsync(async (connection, transaction) =>
        {
            ArgumentNullException.ThrowIfNull(ask);
            if (await ExistsAsync(connection, transaction, ask.Id, cancellationToken).ConfigureAwait(false))
            {
                throw new StoreConflictException($"an introduction with id '{ask.Id}' already exists");
            }
            var body = IntroductionJson.Write(ask);
            await ExecuteAsync(connection, transaction, "INSERT INTO introductions (id, requester, target, body) VALUES ($id, $requester, $target, $body)",
                cancellationToken, ("$id", ask.Id), ("$requester", ask.Requester), ("$target", ask.Target), ("$body", body)).ConfigureAwait(false);
            await AuditAsync(connection, transaction, ask.RecordedBy, ask.Id, "create", null, body, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    public Task AppendEventAsync(string introductionId, IntroductionEvent e, CancellationToken cancellationToken) =>
        InTransactionAsync(async (connection, transaction) =>
        {
            ArgumentNullException.ThrowIfNull(e);
            await using var owner = Command(connection, transaction, "SELECT workspace FROM introductions WHERE id = $id", ("$id", introductionId));
            var workspace = await owner.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) switch
            {
                null => throw new StoreNotFoundException($"no introduction '{introductionId}'"),
                string id => id,
                _ => null,
            };
            await using var count = Command(connection, transaction, "SELECT COUNT(*) FROM introduction_events WHERE introduction_id = $id", ("$id", introductionId));
            var recorded = (long)(await count.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) ?? 0L);
            if (recorded != e.Sequence - 1)
            {
                throw new StoreConflictException($"introduction '{introductionId}' has {recorded} events, not {e.Sequence - 1}: it changed meanwhile; read it again");
            }
            var body = IntroductionJson.Write(e);
            await ExecuteAsync(connection, transaction, "INSERT INTO introduction_events (introduction_id, sequence, body) VALUES ($id, $sequence, $body)",
                cancellationToken, ("$id", introductionId), ("$sequence", e.Sequence), ("$body", body)).ConfigureAwait(false);
            // A private ask's events carry its workspace in their audit entry, as its creation does, so its admins read them.
            var audited = workspace is null ? body : WithWorkspace(body, workspace);
            await AuditAsync(connection, transaction, e.RecordedBy, introductionId, "event", null, audited, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    public async Task<IReadOnlyList<string>> DeleteWorkspaceAsync(string workspace, CancellationToken cancellationToken)
    {
        var deleted = new List<string>();
        await InTransactionAsync(async (connection, transaction) =>
        {
            var owned = new List<(string Id, string Body)>();
            // The database finds them by the indexed workspace column; no body is read to decide.
            await using (var command = Command(connection, transaction, "SELECT id, body FROM introductions WHERE workspace = $workspace ORDER BY id", ("$workspace", workspace)))
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    owned.Add((reader.GetString(0), reader.GetString(1)));
                }
            }
            foreach (var (id, body) in owned)
            {
                await ExecuteAsync(connection, transaction, "DELETE FROM introduction_events WHERE introduction_id = $id", cancellationToken, ("$id", id)).ConfigureAwait(false);
                await ExecuteAsync(connection, transaction, "DELETE FROM introductions WHERE id = $id", cancellationToken, ("$id", id)).ConfigureAwait(false);
                await AuditAsync(connection, transaction, null, id, "delete", body, null, cancellationToken).ConfigureAwait(false);
                deleted.Add(id);
            }
        }, cancellationToken).ConfigureAwait(false);
        return deleted;
    }

    private static string WithWorkspace(string json, string workspace)
    {
        var node = JsonNode.Parse(json)?.AsObject() ?? throw new InvalidDataException("an event body is not a JSON object");
        node["workspace"] = workspace;
        return node.ToJsonString();
    }

    private static async Task<bool> ExistsAsync(SqliteConnection connection, SqliteTransaction transaction, string id, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, "SELECT 1 FROM introductions WHERE id = $id", ("$id", id));
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not null;
    }

    /// <summary>Under the key that recorded the ask or event (the request's author, should a copy without key names ever get here).</summary>
    private static Task AuditAsync(SqliteConnection connection, SqliteTransaction transaction, string? who, string id, string operation, string? before,
        string? after, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, transaction,
            $"INSERT INTO audit (at, who, entity, entity_id, operation, before, after) VALUES ({SqliteAudit.Now}, $who, 'introduction', $id, $operation, $before, $after)",
            cancellationToken, ("$who", who ?? ChangeAuthor.Name), ("$id", id), ("$operation", operation), ("$before", (object?)before ?? DBNull.Value),
            ("$after", (object?)after ?? DBNull.Value));

    private async Task InTransactionAsync(Func<SqliteConnection, SqliteTransaction, Task> work, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        // IMMEDIATE: the write lock from the first read, so the event count checked is the count appended to.
        await using var transaction = connection.BeginTransaction(deferred: false);
        try
        {
            await work(connection, transaction).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException ex) when (SqliteOutOfService.Matches(ex))
        {
            throw SqliteOutOfService.Describe(ex, _path);
        }
    }

    // WAL here too (it is a property of the file, normally set by the graph store's start): the ledger may open first.
    private Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken) =>
        SqliteConnections.OpenAsync(_connectionString, _path, cancellationToken, "PRAGMA journal_mode=WAL; ");
}
