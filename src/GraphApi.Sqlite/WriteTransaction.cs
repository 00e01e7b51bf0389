using Microsoft.Data.Sqlite;

namespace GraphApi.Sqlite;

/// <summary>An open write transaction and the version its writes are logged under (the store's version + 1).</summary>
internal sealed record WriteTransaction(SqliteConnection Connection, SqliteTransaction Transaction, long Version);
