using System.Diagnostics;
using GraphApi.Core.Storage;

namespace GraphApi.Core.Graph;

/// <summary>A write as committed: what the store answered and the version of the snapshot that first shows it.</summary>
internal sealed record CommittedWrite<TOutcome>(TOutcome Value, long Version);

/// <summary>
/// A write queued for the single writer, with its snapshot side worked out before it was queued. The writer runs it
/// into the store's batch (<see cref="RunAsync"/>), shows it in the snapshot if the store took it (<see cref="ShowIn"/>),
/// then answers its caller (<see cref="Answer"/>) or fails it (<see cref="Fail"/>). Writer thread only.
/// </summary>
internal abstract class PendingWrite : WriterWork
{
    public abstract StoreWrite Write { get; }

    /// <summary>The caller's span when the write was queued (none when nobody traces), for the batch's span to link.</summary>
    public ActivityContext Caller { get; } = Activity.Current?.Context ?? default;

    /// <summary>Whether the store committed this write with its batch (false until run, and when refused).</summary>
    public bool Stored { get; protected set; }

    /// <summary>Why the store refused this write (it stored nothing, and its batch mates are unaffected), or null.</summary>
    public StoreException? Refusal { get; protected set; }

    /// <summary>Runs the write into the batch, keeping its outcome or the store's refusal; anything else fails the batch.</summary>
    public abstract Task RunAsync(IStoreBatch batch);

    /// <summary>The snapshot with this write shown, if stored; unchanged otherwise.</summary>
    public abstract GraphSnapshot ShowIn(GraphSnapshot snapshot, long version);

    /// <summary>Answers the caller: the outcome with the snapshot version that shows it, or the store's refusal.</summary>
    public abstract void Answer(long shownIn);

    public abstract void Fail(Exception error);
}

internal sealed class PendingWrite<TOutcome>(StoreWrite<TOutcome> write, PreparedWrite<TOutcome> prepared) : PendingWrite
{
    private TOutcome? _outcome;

    public override StoreWrite Write => write;

    public TaskCompletionSource<CommittedWrite<TOutcome>> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override async Task RunAsync(IStoreBatch batch)
    {
        try
        {
            // The batch belongs to many callers, so no one caller's token may cut it short.
            _outcome = await batch.WriteAsync(write, CancellationToken.None).ConfigureAwait(false);
            Stored = true;
        }
        catch (StoreException refusal) when (refusal is not StoreUnavailableException)
        {
            Refusal = refusal;
        }
    }

    public override GraphSnapshot ShowIn(GraphSnapshot snapshot, long version) =>
        Stored ? prepared.ShowIn(snapshot, _outcome!, version) : snapshot;

    public override void Answer(long shownIn)
    {
        if (Refusal is { } refusal)
        {
            Done.TrySetException(refusal);
        }
        else
        {
            Done.TrySetResult(new CommittedWrite<TOutcome>(_outcome!, shownIn));
        }
    }

    public override void Fail(Exception error) => Done.TrySetException(error);
}
