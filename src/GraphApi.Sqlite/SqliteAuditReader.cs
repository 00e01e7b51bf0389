using System.Globalization;
using System.Text;
using GraphApi.Core.Storage;
using Microsoft.Data.Sqlite;

namespace GraphApi.Sqlite;

/// <summary>Reads the audit table that <see cref="SqliteAudit"/>'s triggers fill, newest first, below an anchor id, with offsets.</summary>
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
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        var sql = new StringBuilder("SELECT id, at, who, entity, entity_id, operation, before, after FROM audit");
        Where(query, sql, command);
        sql.Append(" ORDER BY id DESC LIMIT $limit OFFSET $offset");
        command.Parameters.AddWithValue("$limit", query.Limit);
        command.Parameters.AddWithValue("$offset", query.Offset);
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

    public async Task<long> CountAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        var sql = new StringBuilder("SELECT count(*) FROM audit");
        Where(query, sql, command);
        command.CommandText = sql.ToString();
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch (SqliteException ex)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw new StoreUnavailableException($"cannot open the audit log: {ex.Message}", ex);
        }
    }

    /// <summary>The anchor and the filters, as parameters (never text in the statement).</summary>
    private static void Where(AuditQuery query, StringBuilder sql, SqliteCommand command)
    {
        sql.Append(" WHERE 1 = 1");
        Filter(sql, command, query.Before, "id < $before", "$before");
        Filter(sql, command, query.EntityId, "entity_id = $entityId", "$entityId");
        Filter(sql, command, query.EntityKind, "entity = $entity", "$entity");
        Filter(sql, command, query.Who, "who = $who", "$who");
        Filter(sql, command, query.Operation, "operation = $operation", "$operation");
        Filter(sql, command, query.Workspace,
            "(json_extract(before, '$.workspace') = $workspace OR json_extract(after, '$.workspace') = $workspace)", "$workspace");
    }

    private static void Filter(StringBuilder sql, SqliteCommand command, object? value, string condition, string name)
    {
        if (value is not null)
        {
            sql.Append(" AND ").Append(condition);
            command.Parameters.AddWithValue(name, value);
        }
    }
}
