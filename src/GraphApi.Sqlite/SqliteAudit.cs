using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace GraphApi.Sqlite;

/// <summary>
/// The audit trail of the embedded store: every insert, update and delete of an actor or a relationship — single
/// writes, bulk upserts, imports and the cascade of an actor's deletion alike — appends a row in the same
/// transaction as the change. So the trail is exactly as durable as the data: a change that rolls back or is cut
/// short by a crash leaves no audit row, and a committed one always has its row.
/// Triggers write the rows, except for the rows a bulk upsert creates: <see cref="SqliteBulkWriter"/> switches the
/// insert triggers off on its connection (a large one drops and re-creates them inside its transaction) and writes
/// those entries with one INSERT … SELECT per table (the same columns and bodies), because a trigger run per row was
/// half the time of a large import.
/// The author comes from <see cref="Core.Storage.ChangeAuthor"/> through a SQL function registered on every
/// connection the store opens.
/// </summary>
internal static class SqliteAudit
{
    private const string AuthorFunction = "graphapi_change_author";
    private const string RowAuditFunction = "graphapi_row_audit";

    private static readonly ConditionalWeakTable<SqliteConnection, RowAuditSwitch> Switches = [];

    // Before Schema, which uses it (static fields are initialised in order).
    /// <summary>The insert triggers, as created (and re-created by a large <see cref="SqliteBulkWriter"/>).</summary>
    public static readonly string InsertTriggers = InsertTrigger("actors", "actor") + InsertTrigger("relationships", "relationship");

    public const string DropInsertTriggers = "DROP TRIGGER IF EXISTS audit_actors_insert; DROP TRIGGER IF EXISTS audit_relationships_insert;";

    public static readonly string Schema = $"""
        CREATE TABLE IF NOT EXISTS audit (
            id        INTEGER PRIMARY KEY AUTOINCREMENT,
            at        TEXT NOT NULL,
            who       TEXT NOT NULL,
            entity    TEXT NOT NULL,
            entity_id TEXT NOT NULL,
            operation TEXT NOT NULL,
            before    TEXT,
            after     TEXT
        );
        CREATE INDEX IF NOT EXISTS ix_audit_entity ON audit(entity_id, id);
        CREATE INDEX IF NOT EXISTS ix_audit_who ON audit(who, id);
        {InsertTriggers}
        {Triggers("actors", "actor")}
        {Triggers("relationships", "relationship")}
        """;

    /// <summary>The current time as the audit rows record it (UTC, milliseconds).</summary>
    public const string Now = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";

    /// <summary>Registers the store's functions; must run on every connection that may write (triggers call them).</summary>
    public static void Register(SqliteConnection connection)
    {
        connection.CreateFunction(AuthorFunction, () => Core.Storage.ChangeAuthor.Name, isDeterministic: false);
        var rowAudit = new RowAuditSwitch();
        Switches.AddOrUpdate(connection, rowAudit);
        connection.CreateFunction(RowAuditFunction, rowAudit, s => s.On, isDeterministic: false);
    }

    /// <summary>Switches this connection's insert triggers off until the result is disposed (see the class summary).</summary>
    public static IDisposable SuspendInsertTriggers(SqliteConnection connection)
    {
        if (!Switches.TryGetValue(connection, out var rowAudit))
        {
            throw new InvalidOperationException("the audit functions are not registered on this connection");
        }
        rowAudit.On = false;
        return rowAudit;
    }

    /// <summary>
    /// Stores created before the insert triggers learned to be switched off have triggers without the WHEN clause:
    /// replace them, in one transaction so no insert goes unaudited in between.
    /// </summary>
    public static async Task UpgradeAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var check = connection.CreateCommand();
        check.CommandText = "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'audit_actors_insert'";
        if (await check.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string sql && sql.Contains(RowAuditFunction, StringComparison.Ordinal))
        {
            return;
        }
        await using var transaction = connection.BeginTransaction(deferred: false);
        await using var upgrade = connection.CreateCommand();
        upgrade.Transaction = transaction;
        upgrade.CommandText = $"""
            {DropInsertTriggers}
            {InsertTriggers}
            """;
        await upgrade.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static string InsertTrigger(string table, string kind) => $"""
        CREATE TRIGGER IF NOT EXISTS audit_{table}_insert AFTER INSERT ON {table} WHEN {RowAuditFunction}() BEGIN
            INSERT INTO audit (at, who, entity, entity_id, operation, before, after)
            VALUES ({Now}, {AuthorFunction}(), '{kind}', NEW.id, 'create', NULL, NEW.body);
        END;
        """;

    private static string Triggers(string table, string kind) => $"""
        CREATE TRIGGER IF NOT EXISTS audit_{table}_update AFTER UPDATE ON {table} BEGIN
            INSERT INTO audit (at, who, entity, entity_id, operation, before, after)
            VALUES ({Now}, {AuthorFunction}(), '{kind}', NEW.id, 'update', OLD.body, NEW.body);
        END;
        CREATE TRIGGER IF NOT EXISTS audit_{table}_delete AFTER DELETE ON {table} BEGIN
            INSERT INTO audit (at, who, entity, entity_id, operation, before, after)
            VALUES ({Now}, {AuthorFunction}(), '{kind}', OLD.id, 'delete', OLD.body, NULL);
        END;
        """;

    /// <summary>Whether this connection's insert triggers write audit rows; disposing switches them back on.</summary>
    private sealed class RowAuditSwitch : IDisposable
    {
        public bool On { get; set; } = true;

        public void Dispose() => On = true;
    }
}
