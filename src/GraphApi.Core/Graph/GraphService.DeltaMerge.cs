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
            var merged = merge.Merged.Apply(current.Version, current.ChangesSinceBase.Skip(merge.From.PendingChanges)).WithPrivateOf(current);
            Publish(merged);
            merged.Private.Overlays.ForgetAllBuiltOnOtherThan(merged.Base);
            if (!merge.AtPause)
            {
                NoteMerged(merge.Merged);
            }
        }
        Volatile.Write(ref _merging, 0);
        if (merge.AtPause)
        {
            _ = Task.Run(GiveMemoryBack);
        }
    }
}
