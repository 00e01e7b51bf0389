namespace GraphApi.Sqlite;

internal static class SqliteSchema
{
    /// <summary>The indexes on relationship ends (an actor's ties, and its deletion's cascade); a large upsert rebuilds them.</summary>
    public const string RelationshipEndIndexes = """
        CREATE INDEX IF NOT EXISTS ix_relationships_source ON relationships(source);
        CREATE INDEX IF NOT EXISTS ix_relationships_target ON relationships(target);
        """;

    public const string DropRelationshipEndIndexes = "DROP INDEX IF EXISTS ix_relationships_source; DROP INDEX IF EXISTS ix_relationships_target;";

    public const string Create = $"""
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
        {RelationshipEndIndexes}
        CREATE TABLE IF NOT EXISTS meta (
            key   TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        INSERT OR IGNORE INTO meta (key, value) VALUES ('store_id', lower(hex(randomblob(16))));
        """;
}
