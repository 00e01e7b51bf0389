namespace GraphApi.Core.Graph;

/// <summary>What the service does once a write burst is over: save the snapshot file and give memory back.</summary>
public sealed partial class GraphService
{
    /// <summary>How long without a commit counts as the end of a burst (<see cref="AfterWritesPause"/>).</summary>
    internal static readonly TimeSpan WritePause = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Under sustained writes the pause never comes, and a start after a crash would replay every change since the
    /// service started. So a merge whose file is older than this saves the merged graph (compact already, at the
    /// version it was merged from) beside the writes: a crash then replays at most this long of writes.
    /// </summary>
    internal static readonly TimeSpan SaveDuringWritesEvery = TimeSpan.FromSeconds(5);

    private Timer? _afterWrites;
    private int _mergedSincePause;
    private long _fileSavedAt = System.Diagnostics.Stopwatch.GetTimestamp();

    /// <summary>Writer thread: a merge replaced the base, so the next pause in the writes has memory to give back.</summary>
    /// <param name="merged">The merge's compact graph, at the version it was merged from.</param>
    private void NoteMerged(GraphSnapshot merged)
    {
        Volatile.Write(ref _mergedSincePause, 1);
        ArmWritePause();
        if (_snapshotFile is not null && _pendingSave is not { IsCompleted: false }
            && System.Diagnostics.Stopwatch.GetElapsedTime(Volatile.Read(ref _fileSavedAt)) >= SaveDuringWritesEvery)
        {
            Volatile.Write(ref _fileSavedAt, System.Diagnostics.Stopwatch.GetTimestamp());
            _pendingSave = Task.Run(() => SaveSnapshotFile(merged));
        }
    }

    /// <summary>Writer thread, after every committed batch: a pause only begins once the writes stop.</summary>
    private void NoteWrites()
    {
        if (Volatile.Read(ref _mergedSincePause) == 1)
        {
            ArmWritePause();
        }
    }

    private void ArmWritePause()
    {
        _afterWrites ??= new Timer(_ => AfterWritesPause());
        _afterWrites.Change(WritePause, Timeout.InfiniteTimeSpan);
    }

    /// <summary>
    /// Each merge leaves the base it replaced behind (its arrays and indexes, tens of MB at 100k actors, most of it
    /// on the large-object heap), a write burst several, promoted to the oldest generation; once the writes stop,
    /// nothing allocates enough to make the GC look at them again, and the process stayed at up to 2.5 times the
    /// memory of a fresh start on the same data (issue 26). So when the writes have paused for <see cref="WritePause"/>
    /// after a merge, one compacting collection gives that memory back to the OS. Not after every merge: a full
    /// compacting collection pauses every request, and under sustained writes merges come every few seconds. The
    /// same pause saves the snapshot file (when there is one), so a start after a crash replays only the changes
    /// since the last pause from the store's log, not everything since the service started.
    /// </summary>
    /// <remarks>
    /// The file is written from the snapshot's compact twin (<see cref="GraphSnapshot.Compacted"/>, cached on the
    /// snapshot), which then lived beside the base and delta it was made from until the next write: a second graph in
    /// memory, 1.35 times a fresh start's after a large burst. So the twin is served instead, through the writer like
    /// a merge's result (writes in between are replayed onto it), and the collection runs once it is in.
    /// </remarks>
    private void AfterWritesPause()
    {
        Volatile.Write(ref _mergedSincePause, 0);
        var snapshot = Snapshot;
        SaveSnapshotFile(snapshot);
        if (!snapshot.IsCompact && Interlocked.CompareExchange(ref _merging, 1, 0) == 0)
        {
            if (_queue.TryPost(new WriterWork.Merge(snapshot, snapshot.Compacted(), atPause: true)))
            {
                return; // SwapInMerge gives the memory back once the twin is in
            }
            Volatile.Write(ref _merging, 0); // shutting down: nothing will swap it in
        }
        GiveMemoryBack();
    }

    /// <summary>One compacting collection that returns the freed memory to the OS (after a load, after a burst).</summary>
    private static void GiveMemoryBack() =>
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
}
