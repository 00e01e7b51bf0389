namespace GraphApi.Core.Storage;

/// <summary>
/// The batch of a store that commits each write in a transaction of its own (Neo4j over its Query API): every write is
/// durable when it answers, a refused one changed nothing, and the batch's versions are those its writes got.
/// </summary>
public sealed class OneTransactionEach : IStoreBatch
{
    private readonly IStoreWriter _store;
    private long _first = -1;
    private long _last = -1;
    private bool _contiguous = true;

    private OneTransactionEach(IStoreWriter store) => _store = store;

    /// <summary>Runs <paramref name="writes"/> against <paramref name="store"/>, one transaction per write.</summary>
    public static async Task<StoreBatch> CommitAsync(IStoreWriter store, Func<IStoreBatch, Task> writes)
    {
        ArgumentNullException.ThrowIfNull(writes);
        var batch = new OneTransactionEach(store);
        await writes(batch).ConfigureAwait(false);
        // Another writer between two of ours leaves a gap: then nobody can replay the batch on its own.
        return new StoreBatch(batch._contiguous && batch._first >= 0 ? batch._first - 1 : -1, batch._last);
    }

    public async Task<TOutcome> WriteAsync<TOutcome>(StoreWrite<TOutcome> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        ChangeAuthor.Set(write.Author);
        var committed = await write.RunAsync(_store, cancellationToken).ConfigureAwait(false);
        _contiguous &= _last < 0 || committed.Version == _last + 1;
        _first = _first < 0 ? committed.Version : _first;
        _last = committed.Version;
        return committed.Value;
    }
}
