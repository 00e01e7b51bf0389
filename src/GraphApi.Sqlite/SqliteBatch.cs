using GraphApi.Core.Storage;
using Microsoft.Data.Sqlite;
using static GraphApi.Sqlite.SqliteCommands;

namespace GraphApi.Sqlite;

/// <summary>
/// A group commit in one open transaction (<see cref="SqliteGraphStore.CommitBatchAsync"/>): each write runs in a
/// savepoint, released when it succeeds and rolled back alone when the store refuses it.
/// </summary>
internal sealed class SqliteBatch(WriteTransaction w) : IStoreBatch
{
    private readonly SqliteWriter _writer = new(w);

    /// <summary>Writes that succeeded; with none, the batch commits nothing and keeps the store's version.</summary>
    public int Stored { get; private set; }

    public async Task<TOutcome> WriteAsync<TOutcome>(StoreWrite<TOutcome> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        ChangeAuthor.Set(write.Author);
        await ExecuteAsync(w.Connection, w.Transaction, "SAVEPOINT item", cancellationToken).ConfigureAwait(false);
        try
        {
            var committed = await write.RunAsync(_writer, cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(w.Connection, w.Transaction, "RELEASE item", cancellationToken).ConfigureAwait(false);
            Stored++;
            return committed.Value;
        }
        catch (Exception ex) when (AsRefusal(ex) is { } refusal)
        {
            await ExecuteAsync(w.Connection, w.Transaction, "ROLLBACK TO item; RELEASE item", cancellationToken).ConfigureAwait(false);
            if (ReferenceEquals(refusal, ex))
            {
                throw;
            }
            throw refusal;
        }
    }

    /// <summary>The refusal a write of a batch fails with alone, or null for an error that must fail the whole batch.</summary>
    private static StoreException? AsRefusal(Exception ex) => ex switch
    {
        StoreUnavailableException => null,
        StoreException refusal => refusal,
        SqliteException { SqliteExtendedErrorCode: SqliteGraphStore.SqliteForeignKeyViolation } => new StoreReferenceException(SqliteGraphStore.ReferenceMessage),
        _ => null,
    };
}
