using Microsoft.Data.Sqlite;

namespace GraphApi.Sqlite;

/// <summary>
/// The audit trail of the embedded store, kept by triggers: every insert, update and delete of an actor or a
/// relationship — single writes, bulk upserts, imports and the cascade of an actor's deletion alike — appends a row
/// in the same transaction as the change. So the trail is exactly as durable as the data: a change that rolls back
/// or is cut short by a crash leaves no audit row, and a committed one always has its row.
/// The author comes from <see cref="Core.Storage.ChangeAuthor"/> through a SQL function registered on every
/// connection the store opens.
/// </summary>
internal static class SqliteAudit
{
    private const string AuthorFunction = "graphapi_change_author";

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
        {Triggers("actors", "actor")}
        {Triggers("relationships", "relationship")}
        """;

    /// <summary>Registers the author function; must run on every connection that may write (triggers call it).</summary>
    public static void Register(SqliteConnection connection) =>
        connection.CreateFunction(AuthorFunction, () => Core.Storage.ChangeAuthor.Name, isDeterministic: false);

    private static string Triggers(string table, string kind) => $"""
        CREATE TRIGGER IF NOT EXISTS audit_{table}_insert AFTER INSERT ON {table} BEGIN
            INSERT INTO audit (at, who, entity, entity_id, operation, before, after)
            VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), {AuthorFunction}(), '{kind}', NEW.id, 'create', NULL, NEW.body);
        END;
        CREATE TRIGGER IF NOT EXISTS audit_{table}_update AFTER UPDATE ON {table} BEGIN
            INSERT INTO audit (at, who, entity, entity_id, operation, before, after)
            VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), {AuthorFunction}(), '{kind}', NEW.id, 'update', OLD.body, NEW.body);
        END;
        CREATE TRIGGER IF NOT EXISTS audit_{table}_delete AFTER DELETE ON {table} BEGIN
            INSERT INTO audit (at, who, entity, entity_id, operation, before, after)
            VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), {AuthorFunction}(), '{kind}', OLD.id, 'delete', OLD.body, NULL);
        END;
        """;
}
