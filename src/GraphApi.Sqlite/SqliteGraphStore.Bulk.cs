using GraphApi.Core.Domain;
using GraphApi.Core.Storage;
using Microsoft.Data.Sqlite;

namespace GraphApi.Sqlite;

public sealed partial class SqliteGraphStore
{
    /// <summary>
    /// Opens the write transaction now (IMMEDIATE, so the write lock is held until the commit or the dispose) and
    /// writes each row as it is added, with the statements of <see cref="SqliteBulkWriter"/>.
    /// </summary>
    public async Task<IBulkUpsert> BeginBulkUpsertAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        SqliteTransaction? transaction = null;
        try
        {
            transaction = connection.BeginTransaction(deferred: false);
            var version = await ReadVersionAsync(connection, transaction, cancellationToken).ConfigureAwait(false) + 1;
            var w = new WriteTransaction(connection, transaction, version);
            var writer = await SqliteBulkWriter.StartAsync(w, ChangeAuthor.Name, large: true, cancellationToken).ConfigureAwait(false);
            return new StreamingUpsert(w, writer);
        }
        catch
        {
            // Not yet handed to a caller who would dispose them: roll back and close here, then let the error go on.
            if (transaction is not null)
            {
                await transaction.DisposeAsync().ConfigureAwait(false);
            }
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private sealed class StreamingUpsert(WriteTransaction w, SqliteBulkWriter writer) : IBulkUpsert
    {
        private bool _done;

        public void Add(Actor actor) => Write(() => writer.Add(actor));

        public void Add(Relationship relationship) => Write(() => writer.Add(relationship));

        public async Task<long> CommitAsync(CancellationToken cancellationToken)
        {
            ObjectDisposedException.ThrowIf(_done, this);
            await writer.FinishAsync(cancellationToken).ConfigureAwait(false);
            await CommitVersionAsync(w, cancellationToken).ConfigureAwait(false);
            await w.Transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            _done = true;
            return w.Version;
        }

        public async ValueTask DisposeAsync()
        {
            _done = true;
            await writer.DisposeAsync().ConfigureAwait(false);
            // Uncommitted, disposing the transaction rolls it back: nothing of this upsert is written.
            await w.Transaction.DisposeAsync().ConfigureAwait(false);
            await w.Connection.DisposeAsync().ConfigureAwait(false);
        }

        private void Write(Action write)
        {
            ObjectDisposedException.ThrowIf(_done, this);
            try
            {
                write();
            }
            catch (SqliteException ex) when (ex.SqliteExtendedErrorCode == SqliteForeignKeyViolation)
            {
                // The caller checked the ends against its snapshot; an actor deleted since then lands here.
                throw new StoreReferenceException(ReferenceMessage);
            }
        }
    }
}
