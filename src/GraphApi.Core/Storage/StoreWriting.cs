namespace GraphApi.Core.Storage;

public static class StoreWriting
{
    /// <summary>
    /// One write in a batch of its own, committed before this returns (the graph's writer batches its writes itself;
    /// this is for a store used on its own: the buffered bulk upsert, tools and tests).
    /// </summary>
    /// <exception cref="StoreException">The store refused the write; nothing was stored.</exception>
    public static async Task<Committed<TOutcome>> WriteAsync<TOutcome>(this IGraphStore store, StoreWrite<TOutcome> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var outcome = default(TOutcome);
        var batch = await store.CommitBatchAsync(async into => outcome = await into.WriteAsync(write, cancellationToken).ConfigureAwait(false),
            cancellationToken).ConfigureAwait(false);
        return new Committed<TOutcome>(outcome!, batch.Version);
    }
}
