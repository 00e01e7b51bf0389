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
    internal const int SqliteForeignKeyViolation = 787; // SQLITE_CONSTRAINT_FOREIGNKEY
    internal const string ReferenceMessage = "a relationship refers to an actor that does not exist (nothing was written)";

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
        await CreateWorkspaceSchemaAsync(connection, cancellationToken).ConfigureAwait(false);
    }

    public Task<IReadOnlyList<AuditEntry>> ReadAuditAsync(AuditQuery query, CancellationToken cancellationToken) =>
        _audit.ReadAsync(query, cancellationToken);

    public Task<long> CountAuditAsync(AuditQuery query, CancellationToken cancellationToken) =>
        _audit.CountAsync(query, cancellationToken);

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
                await new SqliteWriter(w).UpsertAsync(actors, relationships, cancellationToken).ConfigureAwait(false);
                await CommitVersionAsync(w, cancellationToken).ConfigureAwait(false);
            }
            await ExecuteAsync(w.Connection, w.Transaction, "INSERT INTO meta (key, value) VALUES ($key, datetime('now'))", cancellationToken, ("$key", SeededKey)).ConfigureAwait(false);
            return empty;
        }, cancellationToken);

    /// <summary>
    /// Group commit: one IMMEDIATE transaction and one fsync for the whole batch, one version for all of it. Each
    /// write runs inside its own savepoint (<see cref="SqliteBatch"/>), so a write the store refuses (conflict, stale
    /// revision, missing end) is rolled back alone and reported with its own exception while its batch mates commit.
    /// </summary>
    public Task<StoreBatch> CommitBatchAsync(Func<IStoreBatch, Task> writes, CancellationToken cancellationToken) =>
        InTransactionAsync(async w =>
        {
            ArgumentNullException.ThrowIfNull(writes);
            var batch = new SqliteBatch(w);
            await writes(batch).ConfigureAwait(false);
            var version = batch.Stored > 0 ? await CommitVersionAsync(w, cancellationToken).ConfigureAwait(false) : w.Version - 1;
            return new StoreBatch(w.Version - 1, version);
        }, cancellationToken);

    public async Task<StoreChanges?> ChangesSinceAsync(long version, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = connection.BeginTransaction(deferred: true);
        var current = await ReadVersionAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        return current < version ? null : await SqliteChangeLog.ReadAsync(connection, transaction, version, current, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Drops the change log's rows at or below <paramref name="floor"/> now, as commits do every thousandth version:
    /// readers older than the floor reload. For tests; the version does not move.
    /// </summary>
    internal Task PruneChangeLogAsync(long floor, CancellationToken cancellationToken) =>
        InTransactionAsync(async w =>
        {
            await SqliteChangeLog.PruneToAsync(w.Connection, w.Transaction, floor, cancellationToken).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    private static async Task<long> ReadVersionAsync(SqliteConnection connection, SqliteTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, "SELECT value FROM meta WHERE key = $key", ("$key", VersionKey));
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string text ? long.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : 0;
    }

    /// <summary>Moves the store's change version to the one this transaction's writes were logged under.</summary>
    private static async Task<long> CommitVersionAsync(WriteTransaction w, CancellationToken cancellationToken)
    {
        await ExecuteAsync(w.Connection, w.Transaction,
            "INSERT INTO meta (key, value) VALUES ($key, $value) ON CONFLICT(key) DO UPDATE SET value = excluded.value", cancellationToken,
            ("$key", VersionKey), ("$value", w.Version.ToString(System.Globalization.CultureInfo.InvariantCulture))).ConfigureAwait(false);
        await SqliteChangeLog.PruneAsync(w.Connection, w.Transaction, w.Version, cancellationToken).ConfigureAwait(false);
        return w.Version;
    }

    private async Task<T> InTransactionAsync<T>(Func<WriteTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        // IMMEDIATE: take the write lock up front so two writers never both read-then-write the same row.
        await using var transaction = connection.BeginTransaction(deferred: false);
        try
        {
            var version = await ReadVersionAsync(connection, transaction, cancellationToken).ConfigureAwait(false) + 1;
            var result = await work(new WriteTransaction(connection, transaction, version)).ConfigureAwait(false);
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
