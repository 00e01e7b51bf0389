using GraphApi.Core.Storage;
using Microsoft.Data.Sqlite;

namespace GraphApi.Sqlite;

/// <summary>
/// How every writer of the embedded store's file connects: pooled, created if missing, the store's SQL functions
/// registered (the audit triggers call them), foreign keys on, <c>synchronous=FULL</c> (acknowledged means on disk) and a
/// busy timeout; a failure to open is the store being unavailable, or out of service when the disk is full or read-only.
/// </summary>
internal static class SqliteConnections
{
    public static string For(string path) => new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Pooling = true,
        DefaultTimeout = 30,
    }.ToString();

    /// <param name="extraPragmas">Statements to run after the common ones (e.g. <c>PRAGMA journal_mode=WAL;</c>).</param>
    public static async Task<SqliteConnection> OpenAsync(string connectionString, string path, CancellationToken cancellationToken, string extraPragmas = "")
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            SqliteAudit.Register(connection);
            await using var command = connection.CreateCommand();
            command.CommandText = extraPragmas + "PRAGMA foreign_keys=ON; PRAGMA synchronous=FULL; PRAGMA busy_timeout=30000;";
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch (SqliteException ex)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw SqliteOutOfService.Matches(ex) ? SqliteOutOfService.Describe(ex, path)
                : new StoreUnavailableException($"cannot open the SQLite store at {path}: {ex.Message}", ex);
        }
    }
}
