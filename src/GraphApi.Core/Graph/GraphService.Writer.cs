using GraphApi.Core.Storage;

namespace GraphApi.Core.Graph;

/// <summary>
/// How a write reaches disk and the snapshot, in order:
/// <list type="number">
/// <item>A public write method (<c>CreateActorAsync</c>, … in GraphService.cs) checks the record against the domain
/// rules (<c>ActorRules</c>, <c>RelationshipRules</c>: 400 on failure) and wraps it in its <see cref="StoreWrite"/>
/// kind, which states the write's outcome type (<see cref="StoreWrite{TOutcome}"/>).</item>
/// <item><see cref="CommitAsync{TOutcome}"/> works out the write's snapshot side before anything is stored
/// (<see cref="SnapshotRecords"/>: search text, packed fields, and how the outcome will be shown; a record the
/// snapshot cannot take is refused here), refuses it if the snapshot is behind its store (<see cref="Lag"/>), and
/// queues it (<see cref="PendingWrite{TOutcome}"/>, <see cref="WriterQueue"/>).</item>
/// <item>The single writer (<see cref="RunWriterAsync"/>) takes every write waiting, up to <see cref="MaxBatch"/>, and
/// <see cref="CommitBatchAsync"/> opens one store batch (<see cref="IGraphStore.CommitBatchAsync"/>) and runs each
/// write into it: the store runs the write's kind through its <see cref="IStoreWriter"/> (SQLite: one transaction,
/// a savepoint per write, one fsync at the commit; a refused write is rolled back alone and keeps its refusal).</item>
/// <item>Once the batch is durable, the writer shows each stored write in a new snapshot (base plus delta, in time
/// proportional to the change) if the store was where the snapshot is, or catches up from the store's change log
/// otherwise, and publishes it; only then is each caller answered, with its typed outcome and the snapshot version
/// that shows it, or its refusal.</item>
/// <item>If the batch was stored but could not be shown, the callers hear that it was saved (503, committed) and the
/// service reloads by itself (GraphService.Lag.cs). When the delta has grown, a merge into a fresh base runs off the
/// writer (GraphService.DeltaMerge.cs).</item>
/// </list>
/// </summary>
public sealed partial class GraphService
{
    private async Task RunWriterAsync()
    {
        while (await _queue.NextAsync(MaxBatch).ConfigureAwait(false) is var (writes, other))
        {
            if (writes.Count > 0)
            {
                await CommitBatchAsync(writes).ConfigureAwait(false);
                StartMergeIfDue();
                NoteWrites();
            }
            else if (other is WriterWork.Refresh refresh)
            {
                await RefreshAsync(refresh).ConfigureAwait(false);
            }
            else if (other is WriterWork.CatchUpAfterLag catchUp)
            {
                await CatchUpAfterLagAsync(catchUp).ConfigureAwait(false);
            }
            else if (other is WriterWork.ShowBulkUpsert show)
            {
                ShowBulkUpsert(show);
            }
            else if (other is WriterWork.Merge merge)
            {
                try
                {
                    SwapInMerge(merge);
                }
                catch (Exception ex)
                {
                    // The writer must outlive a failed merge: the delta keeps serving, and the next write starts another.
                    Volatile.Write(ref _merging, 0);
                    MergeFailed?.Invoke(ex);
                }
            }
            CollectAfterLoad();
        }
    }

    private async Task CommitBatchAsync(List<PendingWrite> writes)
    {
        if (Lag is { } lag)
        {
            // Queued before the snapshot fell behind: committing now would store what the service cannot show.
            foreach (var write in writes)
            {
                write.Fail(SnapshotBehindException.NothingStored(lag));
            }
            return;
        }
        using var span = StartBatchSpan(writes);
        var before = Snapshot;
        StoreBatch batch;
        try
        {
            batch = await CommitToStoreAsync(writes).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            foreach (var write in writes)
            {
                write.Fail(ex);
            }
            return;
        }
        var published = before.Version;
        try
        {
            if (writes.Exists(w => w.Stored))
            {
                var inOrder = batch.VersionBefore >= 0 && batch.VersionBefore == before.Version;
                await PublishFromStoreAsync(inOrder ? "writes" : "catch_up", () => inOrder
                    ? Task.FromResult(ShowInOrder(before, writes, batch.Version))
                    : CatchUpAsync(before)).ConfigureAwait(false);
                published = Snapshot.Version;
            }
        }
        catch (Exception ex)
        {
            // Committed but not shown (a bug in applying it, or the store went away while we read it back): the
            // snapshot is behind the store until a reload catches up, and the callers hear exactly that.
            AnswerCommittedButNotShown(writes, ex);
            return;
        }
        foreach (var write in writes)
        {
            write.Answer(published);
        }
    }

    /// <summary>
    /// Our batch was the store's next version, so showing its writes in order is exact. Each write's records were
    /// derived before the commit (<see cref="SnapshotRecords"/>): here they are only placed.
    /// </summary>
    private static GraphSnapshot ShowInOrder(GraphSnapshot snapshot, List<PendingWrite> writes, long version)
    {
        foreach (var write in writes)
        {
            snapshot = write.ShowIn(snapshot, version);
        }
        return snapshot.WithVersion(version);
    }

    private void Publish(GraphSnapshot snapshot) => Volatile.Write(ref _snapshot, snapshot);

}
