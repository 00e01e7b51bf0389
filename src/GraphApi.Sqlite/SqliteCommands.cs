using Microsoft.Data.Sqlite;

namespace GraphApi.Sqlite;

/// <summary>Parameterised commands for the embedded store's readers and writers (graph, audit, ledger): one way to build and run them.</summary>
internal static class SqliteCommands
{
    /// <summary>A command on the connection, in the transaction when given, with named parameters (<c>$id</c>, …).</summary>
    public static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        return command;
    }

    public static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken,
        params (string Name, object Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
