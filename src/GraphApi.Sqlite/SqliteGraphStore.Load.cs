using System.Collections.Concurrent;
using GraphApi.Core.Storage;
using Microsoft.Data.Sqlite;
using static GraphApi.Sqlite.SqliteCommands;

namespace GraphApi.Sqlite;

/// <summary>Reading every record at start-up, its JSON parsed on several cores.</summary>
public sealed partial class SqliteGraphStore
{
    public async Task<GraphData> LoadAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        // One read transaction so actors, relationships and version come from the same commit.
        await using var transaction = connection.BeginTransaction(deferred: true);
        // Chunks are parsed on several threads; a row whose text had to be mended is rare, so a concurrent queue is enough.
        var repaired = new ConcurrentQueue<RepairedRecord>();
        var actors = await ReadAllAsync(connection, transaction, "SELECT body, revision FROM actors ORDER BY id",
            (body, revision) => StoredRecords.Actor(body, revision, repaired), cancellationToken).ConfigureAwait(false);
        var relationships = await ReadAllAsync(connection, transaction, "SELECT body, revision FROM relationships ORDER BY id",
            (body, revision) => StoredRecords.Relationship(body, revision, repaired), cancellationToken).ConfigureAwait(false);
        var version = await ReadVersionAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        return new GraphData(actors, relationships, version) { Repaired = [.. repaired] };
    }

    /// <summary>
    /// Reads every (body, revision) row in order, parsing chunks of rows on other cores while this one reads on:
    /// at start-up the JSON parsing, not SQLite, is the slow part. A few chunks in flight bound the memory.
    /// </summary>
    private static async Task<List<T>> ReadAllAsync<T>(SqliteConnection connection, SqliteTransaction transaction, string sql,
        Func<byte[], long, T> parse, CancellationToken cancellationToken)
    {
        const int ChunkSize = 4096;
        var maxInFlight = Math.Max(2, Environment.ProcessorCount);
        var results = new List<T>();
        var pending = new Queue<Task<T[]>>();
        var bodies = new byte[ChunkSize][];
        var revisions = new long[ChunkSize];
        var count = 0;
        await using var command = Command(connection, transaction, sql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            // The body's UTF-8 bytes as SQLite holds them: the JSON reader wants UTF-8, so no string in between.
            bodies[count] = reader.GetFieldValue<byte[]>(0);
            revisions[count] = reader.GetInt64(1);
            if (++count == ChunkSize)
            {
                pending.Enqueue(ParseChunk(bodies, revisions, count, parse, cancellationToken));
                (bodies, revisions, count) = (new byte[ChunkSize][], new long[ChunkSize], 0);
                if (pending.Count >= maxInFlight)
                {
                    results.AddRange(await pending.Dequeue().ConfigureAwait(false));
                }
            }
        }
        pending.Enqueue(ParseChunk(bodies, revisions, count, parse, cancellationToken));
        while (pending.Count > 0)
        {
            results.AddRange(await pending.Dequeue().ConfigureAwait(false));
        }
        return results;
    }

    private static Task<T[]> ParseChunk<T>(byte[][] bodies, long[] revisions, int count, Func<byte[], long, T> parse, CancellationToken cancellationToken) =>
        Task.Run(() =>
        {
            var items = new T[count];
            for (var i = 0; i < count; i++)
            {
                items[i] = parse(bodies[i], revisions[i]);
            }
            return items;
        }, cancellationToken);
}
