namespace GraphApi.Core.Graph;

/// <summary>
/// How this service follows what other writers (replicas on the same database, the CLI) commit: from the store's
/// change log as a delta, at the cost of what changed, or, when the log does not reach back to the snapshot's
/// version (pruned, a bulk write too large to log, a write made around the log), by reading every stored body. The
/// counts are for metrics and tests, the event for the log: a reload is O(graph) and an operator should see it.
/// </summary>
public sealed partial class GraphService
{
    private long _fullLoads;
    private long _catchUpsFromLog;

    /// <summary>Loads that read every stored body: the first one, full reloads, and catch-ups the change log could not serve.</summary>
    public long FullLoads => Interlocked.Read(ref _fullLoads);

    /// <summary>Catch-ups with other writers' commits applied from the store's change log, without a reload.</summary>
    public long CatchUpsFromChangeLog => Interlocked.Read(ref _catchUpsFromLog);

    /// <summary>
    /// Raised when catching up had to reload the graph because the store's change log did not reach back to the
    /// snapshot's version: the version it was at and the one it reloaded (the host logs it).
    /// </summary>
    public event Action<long, long>? CaughtUpByReloading;

    private void CountFullLoad() => Interlocked.Increment(ref _fullLoads);

    private void CountCatchUpFromLog() => Interlocked.Increment(ref _catchUpsFromLog);

    private void ReportCaughtUpByReloading(long from, long to) => CaughtUpByReloading?.Invoke(from, to);
}
