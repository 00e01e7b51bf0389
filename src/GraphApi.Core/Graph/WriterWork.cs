namespace GraphApi.Core.Graph;

/// <summary>
/// Work for the single writer (<see cref="WriterQueue"/>): a write to commit (<see cref="PendingWrite"/>), a catch-up
/// with the store, a bulk upsert committed elsewhere to show, or a finished merge to swap in.
/// </summary>
internal abstract class WriterWork
{
    /// <summary>Catch up with the store if another writer moved it (<see cref="Full"/>: reload everything).</summary>
    public sealed class Refresh(bool full) : WriterWork
    {
        public bool Full => full;

        public TaskCompletionSource<bool> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>One attempt to reload the snapshot while it is behind the store (<see cref="GraphService.Lag"/>).</summary>
    public sealed class CatchUpAfterLag : WriterWork
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>A bulk upsert committed by the caller's own store transaction, to show on top of <see cref="Before"/> (<see cref="GraphService.SavesSnapshotFile"/>).</summary>
    public sealed class ShowBulkUpsert(GraphSnapshot before, long version, Func<GraphSnapshot, GraphSnapshot> show) : WriterWork
    {
        public GraphSnapshot Before => before;

        public long Version => version;

        public Func<GraphSnapshot, GraphSnapshot> Show => show;

        public TaskCompletionSource<bool> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>A merged base made from <see cref="From"/> off the writer's thread.</summary>
    /// <param name="atPause">Made when the writes paused (<see cref="GraphService.WritePause"/>): collect once it is in.</param>
    public sealed class Merge(GraphSnapshot from, GraphSnapshot merged, bool atPause = false) : WriterWork
    {
        public GraphSnapshot From => from;

        public GraphSnapshot Merged => merged;

        public bool AtPause => atPause;
    }
}
