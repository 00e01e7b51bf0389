namespace GraphApi.Core.Graph;

/// <summary>
/// When the snapshot falls behind the store (a committed batch that could not be shown, a catch-up that failed),
/// the service says so (<see cref="Lag"/>, which readiness reports), refuses writes with
/// <see cref="SnapshotBehindException"/> (503) rather than commit what it cannot show, keeps serving the last good
/// snapshot, and reloads by itself through the single writer, backing off between attempts, until the snapshot shows
/// the store again. Nothing committed is lost: the store is the record, and the reload reads it.
/// </summary>
public sealed partial class GraphService
{
    private readonly CancellationTokenSource _stopping = new();
    private SnapshotLag? _lag;
    private bool _loadedOnce;
    private int _reloading;

    /// <summary>Null while the snapshot shows everything this service knows the store committed.</summary>
    public SnapshotLag? Lag => Volatile.Read(ref _lag);

    /// <summary>Raised when the snapshot falls behind the store and after each failed reload (the host logs it).</summary>
    public event Action<SnapshotLag, Exception>? FellBehind;

    /// <summary>Raised when a reload caught the snapshot up with the store again, with the version it shows.</summary>
    public event Action<long>? CaughtUp;

    /// <summary>Delay before the first reload after falling behind; doubled after each failed one, up to <see cref="MaxReloadDelay"/>.</summary>
    internal TimeSpan FirstReloadDelay { get; set; } = TimeSpan.FromSeconds(1);

    internal TimeSpan MaxReloadDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Test seam: runs just before a snapshot made from the store's data (a committed batch, a catch-up, a reload)
    /// is published; throwing from it is a failure to apply that data. Null in production: one null check per publish.
    /// </summary>
    internal Action? BeforePublishFromStore { get; set; }

    private void ThrowIfBehind()
    {
        if (Lag is { } lag)
        {
            throw SnapshotBehindException.NothingStored(lag);
        }
    }

    /// <summary>Publishes a snapshot made from what the store holds; one that shows the store again ends a lag.</summary>
    private void PublishFromStore(GraphSnapshot snapshot)
    {
        BeforePublishFromStore?.Invoke();
        Publish(snapshot);
        _loadedOnce = true;
        if (Lag is not null)
        {
            Volatile.Write(ref _lag, null);
            CaughtUp?.Invoke(snapshot.Version);
        }
    }

    /// <summary>
    /// The batch is committed but the snapshot could not show it: every write the store accepted is durable, so its
    /// caller hears that (and that it should not send it again); a write the store refused stored nothing and keeps its
    /// own answer. Writer thread only.
    /// </summary>
    private void AnswerCommittedButNotShown(List<PendingWrite> writes, Exception cause)
    {
        var lag = FallBehind("a committed batch of writes could not be applied to the graph in memory", cause);
        foreach (var write in writes)
        {
            write.Fail(write.Refusal ?? (Exception)SnapshotBehindException.StoredNotShown(write.Write.Describe(), lag, cause));
        }
    }

    /// <summary>Writer thread only: notes the lag (or a failed reload) and makes sure a reload is on its way.</summary>
    private SnapshotLag FallBehind(string reason, Exception cause)
    {
        var now = DateTimeOffset.UtcNow;
        var before = Lag;
        var failed = before is null ? 0 : before.FailedAttempts + 1;
        var delay = TimeSpan.FromTicks(Math.Min(MaxReloadDelay.Ticks, FirstReloadDelay.Ticks << Math.Min(failed, 20)));
        var lag = new SnapshotLag(before?.Since ?? now, before?.Reason ?? reason, failed, now + delay);
        Volatile.Write(ref _lag, lag);
        FellBehind?.Invoke(lag, cause);
        EnsureReloading();
        return lag;
    }

    private void EnsureReloading()
    {
        if (Interlocked.CompareExchange(ref _reloading, 1, 0) == 0)
        {
            _ = Task.Run(ReloadUntilCaughtUpAsync);
        }
    }

    /// <summary>
    /// Runs beside the writer while the snapshot is behind: at each attempt's time it asks the writer for a full
    /// reload (which reads the saved snapshot and the change log when it can), so the reload is ordered with the
    /// writes and merges like everything else that publishes.
    /// </summary>
    private async Task ReloadUntilCaughtUpAsync()
    {
        try
        {
            while (Lag is { } lag)
            {
                var wait = lag.NextAttempt - DateTimeOffset.UtcNow;
                try
                {
                    await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, _stopping.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return; // shutting down: the next start loads the store anyway
                }
                var reload = new WriterWork.CatchUpAfterLag();
                if (!_queue.TryPost(reload))
                {
                    return;
                }
                await reload.Done.Task.ConfigureAwait(false);
            }
        }
        finally
        {
            Volatile.Write(ref _reloading, 0);
        }
        // The writer may have fallen behind again between the last look and the flag going down.
        if (Lag is not null && !_stopping.IsCancellationRequested)
        {
            EnsureReloading();
        }
    }

    /// <summary>Writer thread: one reload attempt; a failure schedules the next.</summary>
    private async Task CatchUpAfterLagAsync(WriterWork.CatchUpAfterLag work)
    {
        try
        {
            if (Lag is { } lag)
            {
                // The first attempt may use the saved snapshot and the change log; if that fails, later attempts build
                // from every stored body, the path that shares the least with whatever failed (no delta is replayed).
                await PublishFromStoreAsync("reload", () => LoadAsync(useSnapshotFile: lag.FailedAttempts == 0)).ConfigureAwait(false);
            }
        }
        catch (Exception ex)
        {
            FallBehind("reloading the graph failed", ex);
        }
        finally
        {
            work.Done.TrySetResult();
        }
    }
}
