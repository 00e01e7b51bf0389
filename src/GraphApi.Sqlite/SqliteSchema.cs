namespace GraphApi.Sqlite;

internal static class SqliteSchema
{
    public const string Create = """
        CREATE TABLE IF NOT EXISTS actors (
            id       TEXT PRIMARY KEY,
            revision INTEGER NOT NULL,
            body     TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS relationships (
            id       TEXT PRIMARY KEY,
            source   TEXT NOT NULL REFERENCES actors(id),
            target   TEXT NOT NULL REFERENCES actors(id),
            type     TEXT NOT NULL,
            revision INTEGER NOT NULL,
            body     TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_relationships_source ON relationships(source);
        CREATE INDEX IF NOT EXISTS ix_relationships_target ON relationships(target);
        CREATE TABLE IF NOT EXISTS meta (
            key   TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        INSERT OR IGNORE INTO meta (key, value) VALUES ('store_id', lower(hex(randomblob(16))));
        """;
}
