using GraphApi.Core.Domain;
using GraphApi.Core.Storage;
using Microsoft.Data.Sqlite;
using static GraphApi.Sqlite.SqliteCommands;

namespace GraphApi.Sqlite;

/// <summary>
/// The embedded store: one SQLite file in WAL mode with synchronous=FULL, so a write is on disk before it is
/// acknowledged. Entities are kept as JSON bodies beside the columns the store itself needs (ids, ends,
/// revisions); a change-version row moves with every commit.
/// </summary>
public sealed partial class SqliteGraphStore : IGraphStore
{
    private const string VersionKey = "version";
    private const string SeededKey = "seeded";
    private const int SqliteForeignKeyViolation = 787; // SQLITE_CONSTRAINT_FOREIGNKEY
    /// <summary>An upsert of more rows than this gets the large page cache (<see cref="SqliteBulkWriter.StartAsync"/>).</summary>
    private const int BulkRows = 10_000;
    private const string ReferenceMessage = "a relationship refers to an actor that does not exist (nothing was written)";

    private readonly string _connectionString;
    private readonly SqliteAuditReader _audit;

    public SqliteGraphStore(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        _audit = new SqliteAuditReader(Path);
        _connectionString = SqliteConnections.For(Path);
    }

    public string Path { get; }

    public string Location => $"SQLite {Path}";

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var directory = System.IO.Path.GetDirectoryName(Path);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, null, SqliteSchema.Create, cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, null, SqliteAudit.Schema, cancellationToken).ConfigureAwait(false);
        await SqliteAudit.UpgradeAsync(connection, cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, null, SqliteChangeLog.Schema, cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, null, RedirectSchema, cancellationToken).ConfigureAwait(false);
    }

    public Task<IReadOnlyList<AuditEntry>> ReadAuditAsync(AuditQuery query, CancellationToken cancellationToken) =>
        _audit.ReadAsync(query, cancellationToken);

    public Task<long> CountAuditAsync(AuditQuery query, CancellationToken cancellationToken) =>
        _audit.CountAsync(query, cancellationToken);

    public async Task<GraphData> LoadAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        // One read transaction so actors, relationships and version come from the same commit.
        await using var transaction = connection.BeginTransaction(deferred: true);
        // Chunks are parsed on several threads; a row whose text had to be mended is rare, so a concurrent queue is enough.
        var repaired = new System.Collections.Concurrent.ConcurrentQueue<RepairedRecord>();
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

    public async Task<string?> GetIdentityAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, "SELECT value FROM meta WHERE key = 'store_id'");
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
    }

    public async Task<long> GetVersionAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await ReadVersionAsync(connection, null, cancellationToken).ConfigureAwait(false);
    }

    public Task<Committed<Actor>> CreateActorAsync(Actor actor, CancellationToken cancellationToken) =>
        SingleWriteAsync(w => CreateActorCoreAsync(w, actor, cancellationToken), cancellationToken);

    public Task<Committed<Actor>> UpdateActorAsync(Actor actor, long? expectedRevision, CancellationToken cancellationToken) =>
        SingleWriteAsync(w => UpdateActorCoreAsync(w, actor, expectedRevision, cancellationToken), cancellationToken);

    public Task<ActorDeletion> DeleteActorAsync(string id, long? expectedRevision, CancellationToken cancellationToken) =>
        SingleWriteAsync(w => DeleteActorCoreAsync(w, id, expectedRevision, cancellationToken), cancellationToken);

    public Task<Committed<Relationship>> CreateRelationshipAsync(Relationship relationship, CancellationToken cancellationToken) =>
        SingleWriteAsync(w => CreateRelationshipCoreAsync(w, relationship, cancellationToken), cancellationToken);

    public Task<Committed<Relationship>> UpdateRelationshipAsync(Relationship relationship, long? expectedRevision, CancellationToken cancellationToken) =>
        SingleWriteAsync(w => UpdateRelationshipCoreAsync(w, relationship, expectedRevision, cancellationToken), cancellationToken);

    public Task<long> DeleteRelationshipAsync(string id, long? expectedRevision, CancellationToken cancellationToken) =>
        SingleWriteAsync(async w =>
        {
            await DeleteRelationshipCoreAsync(w, id, expectedRevision, cancellationToken).ConfigureAwait(false);
            return w.Version;
        }, cancellationToken);

    public Task<long> UpsertAsync(IReadOnlyList<Actor> actors, IReadOnlyList<Relationship> relationships, CancellationToken cancellationToken) =>
        SingleWriteAsync(async w =>
        {
            await UpsertCoreAsync(w, actors, relationships, cancellationToken).ConfigureAwait(false);
            return w.Version;
        }, cancellationToken);

    public Task<bool> SeedOnceAsync(IReadOnlyList<Actor> actors, IReadOnlyList<Relationship> relationships, CancellationToken cancellationToken) =>
        InTransactionAsync(async w =>
        {
            await using var check = Command(w.Connection, w.Transaction, "SELECT 1 FROM meta WHERE key = $key", ("$key", SeededKey));
            if (await check.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not null)
            {
                return false;
            }
            // A store someone already filled (e.g. a CLI import before the first start) is theirs: mark it seeded, load nothing.
            await using var any = Command(w.Connection, w.Transaction, "SELECT 1 FROM actors LIMIT 1");
            var empty = await any.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is null;
            if (empty)
            {
                await UpsertCoreAsync(w, actors, relationships, cancellationToken).ConfigureAwait(false);
                await CommitVersionAsync(w, cancellationToken).ConfigureAwait(false);
            }
            await ExecuteAsync(w.Connection, w.Transaction, "INSERT INTO meta (key, value) VALUES ($key, datetime('now'))", cancellationToken, ("$key", SeededKey)).ConfigureAwait(false);
            return empty;
        }, cancellationToken);

    /// <summary>
    /// Group commit: one IMMEDIATE transaction and one fsync for the whole batch, one version for all of it. Each
    /// write runs inside its own savepoint, so a write the store refuses (conflict, stale revision, missing end) is
    /// rolled back alone and reported with its own exception while its batch mates commit.
    /// </summary>
    public Task<StoreBatch> CommitBatchAsync(IReadOnlyList<StoreWrite> writes, CancellationToken cancellationToken) =>
        InTransactionAsync(async w =>
        {
            var outcomes = new List<StoreWriteOutcome>(writes.Count);
            foreach (var write in writes)
            {
                ChangeAuthor.Set(write.Author);
                await ExecuteAsync(w.Connection, w.Transaction, "SAVEPOINT item", cancellationToken).ConfigureAwait(false);
                try
                {
                    var value = await ExecuteCoreAsync(w, write, cancellationToken).ConfigureAwait(false);
                    await ExecuteAsync(w.Connection, w.Transaction, "RELEASE item", cancellationToken).ConfigureAwait(false);
                    outcomes.Add(new StoreWriteOutcome(value, null));
                }
                catch (Exception ex) when (AsRefusal(ex) is { } refusal)
                {
                    await ExecuteAsync(w.Connection, w.Transaction, "ROLLBACK TO item; RELEASE item", cancellationToken).ConfigureAwait(false);
                    outcomes.Add(new StoreWriteOutcome(null, refusal));
                }
            }
            var version = outcomes.Any(o => o.Succeeded) ? await CommitVersionAsync(w, cancellationToken).ConfigureAwait(false) : w.Version - 1;
            return new StoreBatch(outcomes, w.Version - 1, version);
        }, cancellationToken);

    public async Task<StoreChanges?> ChangesSinceAsync(long version, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = connection.BeginTransaction(deferred: true);
        var current = await ReadVersionAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        return current < version ? null : await SqliteChangeLog.ReadAsync(connection, transaction, version, current, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The refusal a write of a batch fails with alone, or null for an error that must fail the whole batch.</summary>
    private static StoreException? AsRefusal(Exception ex) => ex switch
    {
        StoreUnavailableException => null,
        StoreException refusal => refusal,
        SqliteException { SqliteExtendedErrorCode: SqliteForeignKeyViolation } => new StoreReferenceException(ReferenceMessage),
        _ => null,
    };

    private static async Task<object?> ExecuteCoreAsync(SqliteWrite w, StoreWrite write, CancellationToken cancellationToken) => write switch
    {
        StoreWrite.CreateActor c => (await CreateActorCoreAsync(w, c.Actor, cancellationToken).ConfigureAwait(false)).Value,
        StoreWrite.UpdateActor u => (await UpdateActorCoreAsync(w, u.Actor, u.ExpectedRevision, cancellationToken).ConfigureAwait(false)).Value,
        StoreWrite.DeleteActor d => await DeleteActorCoreAsync(w, d.Id, d.ExpectedRevision, cancellationToken).ConfigureAwait(false),
        StoreWrite.CreateRelationship c => (await CreateRelationshipCoreAsync(w, c.Relationship, cancellationToken).ConfigureAwait(false)).Value,
        StoreWrite.UpdateRelationship u => (await UpdateRelationshipCoreAsync(w, u.Relationship, u.ExpectedRevision, cancellationToken).ConfigureAwait(false)).Value,
        StoreWrite.DeleteRelationship d => await DeleteRelationshipCoreAsync(w, d.Id, d.ExpectedRevision, cancellationToken).ConfigureAwait(false),
        StoreWrite.Upsert u => await UpsertCoreAsync(w, u.Actors, u.Relationships, cancellationToken).ConfigureAwait(false),
        StoreWrite.MergeActors m => await MergeCoreAsync(w, m, cancellationToken).ConfigureAwait(false),
        _ => throw new ArgumentOutOfRangeException(nameof(write), write, "unknown write"),
    };

    private static async Task<Committed<Actor>> CreateActorCoreAsync(SqliteWrite w, Actor actor, CancellationToken cancellationToken)
    {
        if (await RevisionOfAsync(w.Connection, w.Transaction, "actors", actor.Id, cancellationToken).ConfigureAwait(false) is not null)
        {
            throw new StoreConflictException($"an actor with id '{actor.Id}' already exists");
        }
        var stored = actor with { Revision = 1 };
        await ExecuteAsync(w.Connection, w.Transaction, "INSERT INTO actors (id, revision, body) VALUES ($id, 1, $body)", cancellationToken,
            ("$id", actor.Id), ("$body", RecordJson.Write(stored))).ConfigureAwait(false);
        await SqliteChangeLog.LogAsync(w.Connection, w.Transaction, w.Version, SqliteChangeLog.Actor, [actor.Id], cancellationToken).ConfigureAwait(false);
        return new Committed<Actor>(stored, w.Version);
    }

    private static async Task<Committed<Actor>> UpdateActorCoreAsync(SqliteWrite w, Actor actor, long? expectedRevision, CancellationToken cancellationToken)
    {
        var revision = await CheckRevisionAsync(w.Connection, w.Transaction, "actors", "actor", actor.Id, expectedRevision, cancellationToken).ConfigureAwait(false);
        var stored = actor with { Revision = revision + 1 };
        await ExecuteAsync(w.Connection, w.Transaction, "UPDATE actors SET revision = $revision, body = $body WHERE id = $id", cancellationToken,
            ("$id", actor.Id), ("$revision", stored.Revision), ("$body", RecordJson.Write(stored))).ConfigureAwait(false);
        await SqliteChangeLog.LogAsync(w.Connection, w.Transaction, w.Version, SqliteChangeLog.Actor, [actor.Id], cancellationToken).ConfigureAwait(false);
        return new Committed<Actor>(stored, w.Version);
    }

    private static async Task<ActorDeletion> DeleteActorCoreAsync(SqliteWrite w, string id, long? expectedRevision, CancellationToken cancellationToken)
    {
        await CheckRevisionAsync(w.Connection, w.Transaction, "actors", "actor", id, expectedRevision, cancellationToken).ConfigureAwait(false);
        var removed = new List<string>();
        await using (var command = Command(w.Connection, w.Transaction,
            "SELECT id FROM relationships WHERE source = $id OR target = $id ORDER BY id", ("$id", id)))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                removed.Add(reader.GetString(0));
            }
        }
        await ExecuteAsync(w.Connection, w.Transaction, "DELETE FROM relationships WHERE source = $id OR target = $id", cancellationToken, ("$id", id)).ConfigureAwait(false);
        await ExecuteAsync(w.Connection, w.Transaction, "DELETE FROM actors WHERE id = $id", cancellationToken, ("$id", id)).ConfigureAwait(false);
        await SqliteChangeLog.LogAsync(w.Connection, w.Transaction, w.Version, SqliteChangeLog.Relationship, removed, cancellationToken).ConfigureAwait(false);
        await SqliteChangeLog.LogAsync(w.Connection, w.Transaction, w.Version, SqliteChangeLog.Actor, [id], cancellationToken).ConfigureAwait(false);
        return new ActorDeletion(id, removed, w.Version);
    }

    private static async Task<Committed<Relationship>> CreateRelationshipCoreAsync(SqliteWrite w, Relationship relationship, CancellationToken cancellationToken)
    {
        if (await RevisionOfAsync(w.Connection, w.Transaction, "relationships", relationship.Id, cancellationToken).ConfigureAwait(false) is not null)
        {
            throw new StoreConflictException($"a relationship with id '{relationship.Id}' already exists");
        }
        await CheckEndsAsync(w.Connection, w.Transaction, relationship, cancellationToken).ConfigureAwait(false);
        var stored = relationship with { Revision = 1 };
        await WriteRelationshipAsync(w, stored, insert: true, cancellationToken).ConfigureAwait(false);
        return new Committed<Relationship>(stored, w.Version);
    }

    private static async Task<Committed<Relationship>> UpdateRelationshipCoreAsync(SqliteWrite w, Relationship relationship, long? expectedRevision, CancellationToken cancellationToken)
    {
        var revision = await CheckRevisionAsync(w.Connection, w.Transaction, "relationships", "relationship", relationship.Id, expectedRevision, cancellationToken).ConfigureAwait(false);
        await CheckEndsAsync(w.Connection, w.Transaction, relationship, cancellationToken).ConfigureAwait(false);
        var stored = relationship with { Revision = revision + 1 };
        await WriteRelationshipAsync(w, stored, insert: false, cancellationToken).ConfigureAwait(false);
        return new Committed<Relationship>(stored, w.Version);
    }

    private static async Task<string> DeleteRelationshipCoreAsync(SqliteWrite w, string id, long? expectedRevision, CancellationToken cancellationToken)
    {
        await CheckRevisionAsync(w.Connection, w.Transaction, "relationships", "relationship", id, expectedRevision, cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(w.Connection, w.Transaction, "DELETE FROM relationships WHERE id = $id", cancellationToken, ("$id", id)).ConfigureAwait(false);
        await SqliteChangeLog.LogAsync(w.Connection, w.Transaction, w.Version, SqliteChangeLog.Relationship, [id], cancellationToken).ConfigureAwait(false);
        return id;
    }

    private static async Task<StoreWrite.Upsert> UpsertCoreAsync(SqliteWrite w,
        IReadOnlyList<Actor> actors, IReadOnlyList<Relationship> relationships, CancellationToken cancellationToken)
    {
        var large = actors.Count + relationships.Count > BulkRows;
        await using var writer = await SqliteBulkWriter.StartAsync(w, ChangeAuthor.Name, large, cancellationToken).ConfigureAwait(false);
        foreach (var actor in actors)
        {
            cancellationToken.ThrowIfCancellationRequested();
            writer.Add(actor);
        }
        foreach (var relationship in relationships)
        {
            cancellationToken.ThrowIfCancellationRequested();
            writer.Add(relationship);
        }
        await writer.FinishAsync(cancellationToken).ConfigureAwait(false);
        return new StoreWrite.Upsert(actors, relationships);
    }

    private static async Task WriteRelationshipAsync(SqliteWrite w, Relationship r, bool insert, CancellationToken cancellationToken)
    {
        var sql = insert
            ? "INSERT INTO relationships (id, source, target, type, revision, body) VALUES ($id, $source, $target, $type, $revision, $body)"
            : "UPDATE relationships SET source = $source, target = $target, type = $type, revision = $revision, body = $body WHERE id = $id";
        await ExecuteAsync(w.Connection, w.Transaction, sql, cancellationToken, ("$id", r.Id), ("$source", r.Source), ("$target", r.Target),
            ("$type", r.Type), ("$revision", r.Revision), ("$body", RecordJson.Write(r))).ConfigureAwait(false);
        await SqliteChangeLog.LogAsync(w.Connection, w.Transaction, w.Version, SqliteChangeLog.Relationship, [r.Id], cancellationToken).ConfigureAwait(false);
    }

    private static async Task CheckEndsAsync(SqliteConnection connection, SqliteTransaction transaction, Relationship relationship, CancellationToken cancellationToken)
    {
        foreach (var end in new[] { relationship.Source, relationship.Target })
        {
            if (await RevisionOfAsync(connection, transaction, "actors", end, cancellationToken).ConfigureAwait(false) is null)
            {
                throw new StoreReferenceException($"no actor '{end}' exists");
            }
        }
    }

    private static async Task<long> CheckRevisionAsync(SqliteConnection connection, SqliteTransaction transaction, string table, string noun,
        string id, long? expectedRevision, CancellationToken cancellationToken)
    {
        var revision = await RevisionOfAsync(connection, transaction, table, id, cancellationToken).ConfigureAwait(false)
            ?? throw new StoreNotFoundException($"no {noun} '{id}' exists");
        if (expectedRevision is { } expected && expected != revision)
        {
            throw new StorePreconditionException($"{noun} '{id}' is at revision {revision}, not {expected}: it changed since you read it");
        }
        return revision;
    }

    private static async Task<long?> RevisionOfAsync(SqliteConnection connection, SqliteTransaction transaction, string table, string id, CancellationToken cancellationToken)
    {
        // table is one of two constants chosen by this class, never caller input.
        await using var command = Command(connection, transaction, $"SELECT revision FROM {table} WHERE id = $id", ("$id", id));
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long revision ? revision : null;
    }

    private static async Task<long> ReadVersionAsync(SqliteConnection connection, SqliteTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, "SELECT value FROM meta WHERE key = $key", ("$key", VersionKey));
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string text ? long.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : 0;
    }

    /// <summary>Moves the store's change version to the one this transaction's writes were logged under.</summary>
    private static async Task<long> CommitVersionAsync(SqliteWrite w, CancellationToken cancellationToken)
    {
        await ExecuteAsync(w.Connection, w.Transaction,
            "INSERT INTO meta (key, value) VALUES ($key, $value) ON CONFLICT(key) DO UPDATE SET value = excluded.value", cancellationToken,
            ("$key", VersionKey), ("$value", w.Version.ToString(System.Globalization.CultureInfo.InvariantCulture))).ConfigureAwait(false);
        await SqliteChangeLog.PruneAsync(w.Connection, w.Transaction, w.Version, cancellationToken).ConfigureAwait(false);
        return w.Version;
    }

    /// <summary>One write in its own transaction, under the next version.</summary>
    private Task<T> SingleWriteAsync<T>(Func<SqliteWrite, Task<T>> work, CancellationToken cancellationToken) =>
        InTransactionAsync(async w =>
        {
            var result = await work(w).ConfigureAwait(false);
            await CommitVersionAsync(w, cancellationToken).ConfigureAwait(false);
            return result;
        }, cancellationToken);

    private async Task<T> InTransactionAsync<T>(Func<SqliteWrite, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        // IMMEDIATE: take the write lock up front so two writers never both read-then-write the same row.
        await using var transaction = connection.BeginTransaction(deferred: false);
        try
        {
            var version = await ReadVersionAsync(connection, transaction, cancellationToken).ConfigureAwait(false) + 1;
            var result = await work(new SqliteWrite(connection, transaction, version)).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return result;
        }
        catch (SqliteException ex) when (ex.SqliteExtendedErrorCode == SqliteForeignKeyViolation)
        {
            // Bulk upserts rely on the foreign keys rather than a lookup per row; say which rule broke, as a 400.
            throw new StoreReferenceException(ReferenceMessage);
        }
        catch (SqliteException ex) when (SqliteOutOfService.Matches(ex))
        {
            throw SqliteOutOfService.Describe(ex, Path);
        }
    }

    private Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken) =>
        SqliteConnections.OpenAsync(_connectionString, Path, cancellationToken);
}

/// <summary>An open write transaction and the version its writes are logged under (the store's version + 1).</summary>
internal sealed record SqliteWrite(SqliteConnection Connection, SqliteTransaction Transaction, long Version);
