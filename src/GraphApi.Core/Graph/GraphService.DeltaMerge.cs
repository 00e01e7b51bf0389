namespace GraphApi.Core.Graph;

/// <summary>Merging the snapshot's delta into a fresh base once it has grown, off the writer's thread.</summary>
public sealed partial class GraphService
{
    /// <summary>
    /// When the delta has grown past the threshold, merges it into a fresh base on another thread; the writer goes
    /// on meanwhile, and swaps the result in (replaying what it committed since) when it is ready.
    /// </summary>
    private void StartMergeIfDue()
    {
        var snapshot = Snapshot;
        if (snapshot.PendingChanges < _mergeThreshold || Interlocked.CompareExchange(ref _merging, 1, 0) != 0)
        {
            return;
        }
        _ = Task.Run(() =>
        {
            try
            {
                _queue.Post(new WriterWork.Merge(snapshot, snapshot.Compacted()));
            }
            catch (Exception ex)
            {
                Volatile.Write(ref _merging, 0);
                MergeFailed?.Invoke(ex);
            }
        });
    }

    private void SwapInMerge(WriterWork.Merge merge)
    {
        var current = Snapshot;
        // A reload in between replaced the base the merge started from: its result is stale, drop it.
        if (ReferenceEquals(current.Base, merge.From.Base))
        {
            Publish(merge.Merged.Apply(current.Version, current.ChangesSinceBase.Skip(merge.From.PendingChanges)));
            CollectWhenMergesPause();
        }
        Volatile.Write(ref _merging, 0);
    }

    /// <summary>How long after the last merge the old bases are collected (<see cref="CollectWhenMergesPause"/>).</summary>
    internal static readonly TimeSpan MergePause = TimeSpan.FromSeconds(2);

    private Timer? _collectAfterMerges;

    /// <summary>
    /// Each merge leaves the base it replaced behind (its arrays and indexes, tens of MB at 100k actors, most of it
    /// on the large-object heap), and a write burst leaves several, promoted to the oldest generation, where nothing
    /// collects them soon, and once the writes stop nothing allocates enough to make the GC look again: the process
    /// stayed at up to 2.5 times the memory of a fresh start on the same data (issue 26). So once merges pause for
    /// <see cref="MergePause"/>, one compacting collection gives that memory back to the OS. Not after every merge:
    /// under a sustained burst they come about once a second, and a full compacting collection pauses every request.
    /// The same pause saves the snapshot file (when there is one), so a start after a crash replays only the
    /// changes since the last pause from the store's log, not everything since the service started.
    /// </summary>
    private void CollectWhenMergesPause()
    {
        _collectAfterMerges ??= new Timer(_ => AfterMergesPause());
        _collectAfterMerges.Change(MergePause, Timeout.InfiniteTimeSpan);
    }

    private void AfterMergesPause()
    {
        SaveSnapshotFile(Snapshot);
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }
}
