using System.Globalization;
using System.Text;
using GraphApi.Core.Storage;
using Microsoft.Data.Sqlite;

namespace GraphApi.Sqlite;

/// <summary>Reads the audit table that <see cref="SqliteAudit"/>'s triggers fill, newest first, with keyset paging.</summary>
internal sealed class SqliteAuditReader(string path)
{
    private readonly string _connectionString = new SqliteConnectionStringBuilder
    {
        DataSource = Path.GetFullPath(path),
        // Read-write (never create): a read-only open of a WAL file fails when its -shm file is missing.
        Mode = SqliteOpenMode.ReadWrite,
        Pooling = true,
        DefaultTimeout = 30,
    }.ToString();

    public async Task<IReadOnlyList<AuditEntry>> ReadAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException ex)
        {
            throw new StoreUnavailableException($"cannot open the audit log: {ex.Message}", ex);
        }
        await using var command = connection.CreateCommand();
        var sql = new StringBuilder("SELECT id, at, who, entity, entity_id, operation, before, after FROM audit WHERE 1 = 1");
        if (query.Before is { } before)
        {
            sql.Append(" AND id < $before");
            command.Parameters.AddWithValue("$before", before);
        }
        if (query.EntityId is { } entityId)
        {
            sql.Append(" AND entity_id = $entity");
            command.Parameters.AddWithValue("$entity", entityId);
        }
        if (query.Who is { } who)
        {
            sql.Append(" AND who = $who");
            command.Parameters.AddWithValue("$who", who);
        }
        sql.Append(" ORDER BY id DESC LIMIT $limit");
        command.Parameters.AddWithValue("$limit", query.Limit);
        command.CommandText = sql.ToString();

        var entries = new List<AuditEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(new AuditEntry(
                reader.GetInt64(0),
                DateTimeOffset.Parse(reader.GetString(1), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
                reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.IsDBNull(7) ? null : reader.GetString(7)));
        }
        return entries;
    }
}
