using System.Globalization;

namespace GraphApi.Core.Graph;

/// <summary>
/// The snapshot is behind the store: a batch was committed but could not be shown, or a catch-up with the store
/// failed. Until a reload catches up (<see cref="GraphService"/> retries by itself, backing off from one second to
/// half a minute) writes are refused and reads serve the last good snapshot.
/// </summary>
/// <param name="Since">When the service noticed.</param>
/// <param name="Reason">What went wrong, in plain words.</param>
/// <param name="FailedAttempts">Reloads tried and failed so far.</param>
/// <param name="NextAttempt">When the next reload starts.</param>
public sealed record SnapshotLag(DateTimeOffset Since, string Reason, int FailedAttempts, DateTimeOffset NextAttempt)
{
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"the graph in memory is behind its store since {Since:u} ({Reason}); it reloads by itself: {FailedAttempts} failed attempts so far, the next at {NextAttempt:u}");
}

/// <summary>
/// A write refused or left unshown because the snapshot is behind the store (<see cref="SnapshotLag"/>): the API
/// answers 503 with Retry-After. <see cref="Committed"/> says whether this write itself was stored, so a caller
/// knows not to send a create again.
/// </summary>
public sealed class SnapshotBehindException : Exception
{
    private SnapshotBehindException(string message, bool committed, int retryAfterSeconds, Exception? cause)
        : base(message, cause)
    {
        Committed = committed;
        RetryAfterSeconds = retryAfterSeconds;
    }

    /// <summary>Whether the write was stored (and audited) although it is not shown yet.</summary>
    public bool Committed { get; }

    /// <summary>Seconds until the service's next attempt to catch up, at least one.</summary>
    public int RetryAfterSeconds { get; }

    /// <summary>The write was committed, then the snapshot could not show it.</summary>
    public static SnapshotBehindException StoredNotShown(string what, SnapshotLag lag, Exception cause) => new(
        $"Your change ({what}) was saved and recorded in the audit trail, but the service could not show it yet and is " +
        "reloading the graph from its store by itself. Do not send it again: it becomes visible once the reload is done " +
        "(when /health/ready answers 200 again).", committed: true, SecondsUntil(lag), cause);

    /// <summary>The write was refused without touching the store, because the snapshot is behind it.</summary>
    public static SnapshotBehindException NothingStored(SnapshotLag lag) => new(
        "The service is reloading the graph from its store after a fault and takes no writes until it has caught up. " +
        "Nothing was saved: send the request again after the Retry-After delay (or once /health/ready answers 200).",
        committed: false, SecondsUntil(lag), null);

    private static int SecondsUntil(SnapshotLag lag) =>
        Math.Clamp((int)Math.Ceiling((lag.NextAttempt - DateTimeOffset.UtcNow).TotalSeconds), 1, 60);
}
