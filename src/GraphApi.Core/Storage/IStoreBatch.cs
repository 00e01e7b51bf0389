namespace GraphApi.Core.Storage;

/// <summary>
/// A group commit while it is open (<see cref="IGraphStore.CommitBatchAsync"/>): writes run into it one at a time,
/// in order, and commit together; each answers with its own outcome, typed by its kind.
/// </summary>
public interface IStoreBatch
{
    /// <summary>
    /// Runs the write as its author (<see cref="StoreWrite.Author"/>). A write the store refuses throws its
    /// <see cref="StoreException"/> having changed nothing, and the batch goes on; any other exception (an outage,
    /// <see cref="StoreUnavailableException"/>) fails the whole batch.
    /// </summary>
    Task<TOutcome> WriteAsync<TOutcome>(StoreWrite<TOutcome> write, CancellationToken cancellationToken);
}
