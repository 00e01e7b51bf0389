using GraphApi.Core.Storage;
using Microsoft.Data.Sqlite;

namespace GraphApi.Sqlite;

/// <summary>
/// The change log: one row per actor or relationship a version touched, written in the same transaction as the
/// change, so another process on the same file (a second service, the CLI) can catch up by reading only what
/// moved. Large bulk writes log a single reset row instead ("reload everything"), and old rows are pruned; the
/// <c>log_floor</c> meta row says from which version on the log is complete.
/// </summary>
internal static class SqliteChangeLog
{
    /// <summary>A bulk write touching more rows than this logs one reset marker instead of a row per entity.</summary>
    public const int MaxLoggedRows = 20_000;

    /// <summary>Versions kept in the log; older rows are pruned now and then.</summary>
    public const long RetainedVersions = 10_000;

    public const string Actor = "actor";
    public const string Relationship = "relationship";
    private const string Reset = "*";
    private const string FloorKey = "log_floor";

    public const string Schema = """
        CREATE TABLE IF NOT EXISTS changes (
            version INTEGER NOT NULL,
            entity  TEXT NOT NULL,
            id      TEXT NOT NULL,
            PRIMARY KEY (version, entity, id)
        ) WITHOUT ROWID;
        INSERT OR IGNORE INTO meta (key, value)
            SELECT 'log_floor', COALESCE((SELECT value FROM meta WHERE key = 'version'), '0');
        """;

    public static async Task LogAsync(SqliteConnection connection, SqliteTransaction transaction, long version, string entity, IEnumerable<string> ids, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT OR IGNORE INTO changes (version, entity, id) VALUES ($version, $entity, $id)";
        command.Parameters.AddWithValue("$version", version);
        command.Parameters.AddWithValue("$entity", entity);
        var id = command.Parameters.Add("$id", SqliteType.Text);
        foreach (var value in ids)
        {
            id.Value = value;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public static Task LogResetAsync(SqliteConnection connection, SqliteTransaction transaction, long version, CancellationToken cancellationToken) =>
        LogAsync(connection, transaction, version, Reset, [Reset], cancellationToken);

    /// <summary>Drops rows older than the retained window and moves the floor up, every thousandth version.</summary>
    public static async Task PruneAsync(SqliteConnection connection, SqliteTransaction transaction, long version, CancellationToken cancellationToken)
    {
        if (version % 1000 != 0 || version <= RetainedVersions)
        {
            return;
        }
        await PruneToAsync(connection, transaction, version - RetainedVersions, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Drops the rows at or below <paramref name="floor"/> and moves the floor up to it (never down).</summary>
    public static async Task PruneToAsync(SqliteConnection connection, SqliteTransaction transaction, long floor, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "DELETE FROM changes WHERE version <= $floor; UPDATE meta SET value = $floor WHERE key = 'log_floor' AND CAST(value AS INTEGER) < $floor";
        command.Parameters.AddWithValue("$floor", floor);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>What changed after <paramref name="since"/>, or null when the log does not reach back that far.</summary>
    public static async Task<StoreChanges?> ReadAsync(SqliteConnection connection, SqliteTransaction transaction, long since, long current, CancellationToken cancellationToken)
    {
        if (await ScalarAsync(connection, transaction, "SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'log_floor'", since, cancellationToken).ConfigureAwait(false) is long floor && floor > since)
        {
            return null;
        }
        var actorIds = new List<string>();
        var relationshipIds = new List<string>();
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = "SELECT DISTINCT entity, id FROM changes WHERE version > $since ORDER BY entity, id";
            command.Parameters.AddWithValue("$since", since);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                switch (reader.GetString(0))
                {
                    case Reset: return null;
                    case Actor: actorIds.Add(reader.GetString(1)); break;
                    default: relationshipIds.Add(reader.GetString(1)); break;
                }
            }
        }
        var repaired = new System.Collections.Concurrent.ConcurrentQueue<RepairedRecord>();
        var actors = await ReadBodiesAsync(connection, transaction, "actors", actorIds, (body, revision) => StoredRecords.Actor(body, revision, repaired), cancellationToken).ConfigureAwait(false);
        var relationships = await ReadBodiesAsync(connection, transaction, "relationships", relationshipIds, (body, revision) => StoredRecords.Relationship(body, revision, repaired), cancellationToken).ConfigureAwait(false);
        var liveActors = actors.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        var liveRelationships = relationships.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        return new StoreChanges(current, actors, [.. actorIds.Where(id => !liveActors.Contains(id))],
            relationships, [.. relationshipIds.Where(id => !liveRelationships.Contains(id))]) { Repaired = [.. repaired] };
    }

    private static async Task<List<T>> ReadBodiesAsync<T>(SqliteConnection connection, SqliteTransaction transaction, string table, List<string> ids,
        Func<byte[], long, T> read, CancellationToken cancellationToken)
    {
        var items = new List<T>(ids.Count);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        // table is one of two constants chosen by this class, never caller input.
        command.CommandText = $"SELECT body, revision FROM {table} WHERE id = $id";
        var id = command.Parameters.Add("$id", SqliteType.Text);
        foreach (var value in ids)
        {
            id.Value = value;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                // The bytes as stored: decoding them to a string first would mend bad UTF-8 without a word.
                items.Add(read(reader.GetFieldValue<byte[]>(0), reader.GetInt64(1)));
            }
        }
        return items;
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, SqliteTransaction transaction, string sql, long since, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.Parameters.AddWithValue("$since", since);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
    }
}
