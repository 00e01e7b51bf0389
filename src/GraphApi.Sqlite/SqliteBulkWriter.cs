using GraphApi.Core.Domain;
using GraphApi.Core.Storage;
using Microsoft.Data.Sqlite;

namespace GraphApi.Sqlite;

/// <summary>
/// Upserts many actors and relationships inside an open write transaction: one prepared statement per table, bound
/// and run again for every row; the rows it creates are audited with one INSERT … SELECT per table when it finishes
/// (rows it updates keep their per-row trigger, which is what reads the body they had before); the change log gets
/// a row per id, or one reset marker past <see cref="SqliteChangeLog.MaxLoggedRows"/>. A write that adds many rows
/// drops the indexes on relationship ends and the insert triggers, and creates them again before it finishes, all
/// inside its transaction (so no other connection ever sees them missing, and a rollback or a crash restores them):
/// inserting into those indexes row by row (random keys) was half the time of a large import, building them afresh,
/// sorted, a fraction of it; and a switched-off trigger still costs a call into .NET per row to ask whether it is on.
/// </summary>
internal sealed class SqliteBulkWriter : IAsyncDisposable
{
    /// <summary>Page cache for a large write, in KiB (SQLite's negative cache_size).</summary>
    private const int LargeCacheKib = 65_536;

    /// <summary>Fewest rows added before the end indexes and insert triggers are dropped and rebuilt (see the class summary).</summary>
    private const int MinRowsForRebuild = 20_000;

    private readonly WriteTransaction _w;
    private readonly string _author;
    private readonly bool _large;
    private readonly IDisposable _insertTriggers;
    private readonly long _actorsFrom;
    private readonly long _relationshipsFrom;
    private readonly SqliteCommand _actor;
    private readonly SqliteCommand _relationship;
    private readonly long _rebuildFrom;
    private bool _rebuilding;
    private List<string>? _actorIds = [];
    private List<string>? _relationshipIds = [];

    private SqliteBulkWriter(WriteTransaction w, string author, bool large, IDisposable insertTriggers, long actorsFrom, long relationshipsFrom)
    {
        (_w, _author, _large, _insertTriggers, _actorsFrom, _relationshipsFrom) = (w, author, large, insertTriggers, actorsFrom, relationshipsFrom);
        // Rebuilding costs about a fifth of inserting as many rows one by one, but it covers the rows already there
        // too: worth it once the new ones are a quarter of the old. The largest rowid stands in for the row count.
        _rebuildFrom = Math.Max(MinRowsForRebuild, (actorsFrom + relationshipsFrom) / 4);
        _actor = Prepare("INSERT INTO actors (id, revision, body) VALUES ($id, 1, $body) " +
            "ON CONFLICT(id) DO UPDATE SET revision = revision + 1, body = excluded.body", "$id", "$body");
        _relationship = Prepare("INSERT INTO relationships (id, source, target, type, revision, body) VALUES ($id, $source, $target, $type, 1, $body) " +
            "ON CONFLICT(id) DO UPDATE SET source = excluded.source, target = excluded.target, type = excluded.type, " +
            "revision = revision + 1, body = excluded.body", "$id", "$source", "$target", "$type", "$body");
    }

    public int Rows { get; private set; }

    /// <param name="large">
    /// A write of many rows: it gets a bigger page cache for this transaction. A bulk write updates B-tree pages all
    /// over a large file, and with SQLite's default 2 MB cache it spent most of its time re-reading them (a 500k-row
    /// import took twice as long); pooled connections go back to the default so a long-running service does not keep it.
    /// </param>
    public static async Task<SqliteBulkWriter> StartAsync(WriteTransaction w, string author, bool large, CancellationToken cancellationToken)
    {
        if (large)
        {
            await ExecuteAsync(w, $"PRAGMA cache_size=-{LargeCacheKib}", cancellationToken).ConfigureAwait(false);
        }
        // Every row inserted from here on gets a rowid above the largest one now (SQLite's rule without AUTOINCREMENT,
        // and nothing here deletes), so "rowid > before" is exactly the rows this writer created.
        var actorsFrom = await MaxRowidAsync(w, "actors", cancellationToken).ConfigureAwait(false);
        var relationshipsFrom = await MaxRowidAsync(w, "relationships", cancellationToken).ConfigureAwait(false);
        return new SqliteBulkWriter(w, author, large, SqliteAudit.SuspendInsertTriggers(w.Connection), actorsFrom, relationshipsFrom);
    }

    public void Add(Actor actor)
    {
        _actor.Parameters[0].Value = actor.Id;
        _actor.Parameters[1].Value = RecordJson.Write(actor);
        _actor.ExecuteNonQuery();
        Logged(ref _actorIds, actor.Id);
    }

    public void Add(Relationship relationship)
    {
        _relationship.Parameters[0].Value = relationship.Id;
        _relationship.Parameters[1].Value = relationship.Source;
        _relationship.Parameters[2].Value = relationship.Target;
        _relationship.Parameters[3].Value = relationship.Type;
        _relationship.Parameters[4].Value = RecordJson.Write(relationship);
        _relationship.ExecuteNonQuery();
        Logged(ref _relationshipIds, relationship.Id);
    }

    /// <summary>Creates the end indexes and insert triggers again if they were dropped, writes the audit entries of the created rows and the change log; the caller then commits.</summary>
    public async Task FinishAsync(CancellationToken cancellationToken)
    {
        if (_rebuilding)
        {
            await ExecuteAsync(_w, SqliteSchema.RelationshipEndIndexes + SqliteAudit.InsertTriggers, cancellationToken).ConfigureAwait(false);
            _rebuilding = false;
        }
        await AuditCreatedAsync("actors", "actor", _actorsFrom, cancellationToken).ConfigureAwait(false);
        await AuditCreatedAsync("relationships", "relationship", _relationshipsFrom, cancellationToken).ConfigureAwait(false);
        if (_actorIds is null || _relationshipIds is null)
        {
            await SqliteChangeLog.LogResetAsync(_w.Connection, _w.Transaction, _w.Version, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await SqliteChangeLog.LogAsync(_w.Connection, _w.Transaction, _w.Version, SqliteChangeLog.Actor, _actorIds, cancellationToken).ConfigureAwait(false);
            await SqliteChangeLog.LogAsync(_w.Connection, _w.Transaction, _w.Version, SqliteChangeLog.Relationship, _relationshipIds, cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _insertTriggers.Dispose();
        await _actor.DisposeAsync().ConfigureAwait(false);
        await _relationship.DisposeAsync().ConfigureAwait(false);
        if (_large)
        {
            await ExecuteAsync(_w, "PRAGMA cache_size=-2000", CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>Keeps the ids for the change log until there are too many to be worth it; then the log says "reload".</summary>
    private void Logged(ref List<string>? ids, string id)
    {
        if (++Rows > SqliteChangeLog.MaxLoggedRows)
        {
            (_actorIds, _relationshipIds) = (null, null);
        }
        ids?.Add(id);
        if (Rows == _rebuildFrom)
        {
            Run(SqliteSchema.DropRelationshipEndIndexes + SqliteAudit.DropInsertTriggers);
            _rebuilding = true;
        }
        ImportCrashHook.AfterRow(Rows);
    }

    private async Task AuditCreatedAsync(string table, string kind, long from, CancellationToken cancellationToken)
    {
        // table and kind are constants of this class, never caller input. One timestamp for the whole statement.
        await using var command = Command($"INSERT INTO audit (at, who, entity, entity_id, operation, before, after) " +
            $"SELECT {SqliteAudit.Now}, $who, '{kind}', id, 'create', NULL, body FROM {table} WHERE rowid > $from ORDER BY rowid");
        command.Parameters.AddWithValue("$who", _author);
        command.Parameters.AddWithValue("$from", from);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private void Run(string sql)
    {
        using var command = Command(sql);
        command.ExecuteNonQuery();
    }

    private SqliteCommand Prepare(string sql, params string[] parameters)
    {
        var command = Command(sql);
        foreach (var name in parameters)
        {
            command.Parameters.Add(name, SqliteType.Text);
        }
        command.Prepare();
        return command;
    }

    private SqliteCommand Command(string sql)
    {
        var command = _w.Connection.CreateCommand();
        command.Transaction = _w.Transaction;
        command.CommandText = sql;
        return command;
    }

    private static async Task<long> MaxRowidAsync(WriteTransaction w, string table, CancellationToken cancellationToken)
    {
        await using var command = w.Connection.CreateCommand();
        command.Transaction = w.Transaction;
        command.CommandText = $"SELECT COALESCE(MAX(rowid), 0) FROM {table}";
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    private static async Task ExecuteAsync(WriteTransaction w, string sql, CancellationToken cancellationToken)
    {
        await using var command = w.Connection.CreateCommand();
        // Disposed after its transaction committed (a streamed upsert), the cache is set back outside any transaction.
        command.Transaction = w.Transaction.Connection is null ? null : w.Transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
