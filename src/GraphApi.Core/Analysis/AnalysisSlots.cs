using System.Globalization;

namespace GraphApi.Core.Analysis;

/// <summary>
/// How many uncached analyses (and overview layouts) may compute at once. Each takes a slot for as long as it computes;
/// a caller finding every slot taken queues up to <see cref="Wait"/> for one, then is refused with
/// <see cref="AnalysesBusyException"/> (a 503 with Retry-After). Cached answers never come here: only computations do.
/// So however many distinct questions arrive at once, at most <see cref="Capacity"/> of them share the cores, and
/// reads of actors and routes keep the rest of the machine.
/// </summary>
/// <remarks>
/// A queue of our own rather than a SemaphoreSlim: a caller who stops waiting (cancelled, or out of patience) leaves the
/// queue at once, under the same lock that hands a freed slot to the first in line, so a slot is never handed to
/// someone who has gone (SemaphoreSlim removes a cancelled waiter later, on the thread pool, and may grant it first).
/// </remarks>
public sealed class AnalysisSlots
{
    private readonly Lock _gate = new();
    private readonly LinkedList<TaskCompletionSource<bool>> _queue = [];
    private int _busy;

    public AnalysisSlots(int capacity, TimeSpan wait, TimeSpan retryAfter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        if (wait < TimeSpan.Zero && wait != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(wait), wait, "a wait is zero or more, or infinite");
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(retryAfter.TotalSeconds, 1, nameof(retryAfter));
        Capacity = capacity;
        Wait = wait;
        RetryAfter = retryAfter;
    }

    public int Capacity { get; }

    public TimeSpan Wait { get; }

    public TimeSpan RetryAfter { get; }

    /// <summary>Slots computing right now.</summary>
    public int Busy
    {
        get
        {
            lock (_gate)
            {
                return _busy;
            }
        }
    }

    /// <summary>
    /// Takes a slot for <paramref name="analysis"/>, queueing at most <paramref name="wait"/> (default <see cref="Wait"/>);
    /// dispose the lease to give it back. Throws <see cref="AnalysesBusyException"/> when none came free in time and
    /// <see cref="OperationCanceledException"/> when <paramref name="cancellationToken"/> fires first.
    /// </summary>
    public async Task<IDisposable> EnterAsync(string analysis, CancellationToken cancellationToken, TimeSpan? wait = null)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var patience = wait ?? Wait;
        LinkedListNode<TaskCompletionSource<bool>> place;
        lock (_gate)
        {
            if (_busy < Capacity)
            {
                _busy++;
                return new Lease(this);
            }
            // A shared patience may have run out before the second of two waits (the overview's): that is no wait at all.
            if (patience <= TimeSpan.Zero && patience != Timeout.InfiniteTimeSpan)
            {
                throw new AnalysesBusyException(analysis, Capacity, Wait, RetryAfter);
            }
            place = _queue.AddLast(new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously));
        }
        using var outOfPatience = patience == Timeout.InfiniteTimeSpan ? null : new CancellationTokenSource(patience);
        using (cancellationToken.Register(() => Leave(place)))
        using (outOfPatience?.Token.Register(() => Leave(place)))
        {
            if (await place.Value.Task.ConfigureAwait(false))
            {
                // Handed a slot in the instant the caller went away: give it on to the next in line.
                if (cancellationToken.IsCancellationRequested)
                {
                    Release();
                    cancellationToken.ThrowIfCancellationRequested();
                }
                return new Lease(this);
            }
        }
        cancellationToken.ThrowIfCancellationRequested();
        throw new AnalysesBusyException(analysis, Capacity, Wait, RetryAfter);
    }

    /// <summary>A queued caller stops waiting: out of the queue, and told it got no slot (unless it was handed one just before).</summary>
    private void Leave(LinkedListNode<TaskCompletionSource<bool>> place)
    {
        lock (_gate)
        {
            if (place.List is null)
            {
                return;
            }
            _queue.Remove(place);
        }
        place.Value.TrySetResult(false);
    }

    /// <summary>A slot given back goes straight to the first in line, if any.</summary>
    private void Release()
    {
        TaskCompletionSource<bool> next;
        lock (_gate)
        {
            if (_queue.First is not { } first)
            {
                _busy--;
                return;
            }
            _queue.RemoveFirst();
            next = first.Value;
        }
        next.TrySetResult(true);
    }

    private sealed class Lease(AnalysisSlots slots) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                slots.Release();
            }
        }
    }
}

/// <summary>Every analysis slot stayed busy for as long as a caller may wait: the answer is a 503 with Retry-After.</summary>
public sealed class AnalysesBusyException(string analysis, int capacity, TimeSpan waited, TimeSpan retryAfter)
    : Exception(Describe(analysis, capacity, waited, retryAfter))
{
    public string Analysis { get; } = analysis;

    public TimeSpan RetryAfter { get; } = retryAfter;

    private static string Describe(string analysis, int capacity, TimeSpan waited, TimeSpan retryAfter) =>
        string.Create(CultureInfo.InvariantCulture, $"The {analysis} analysis was not started: all {capacity} analysis slots were computing other questions and none came free within {waited.TotalSeconds:0.###} s. ") +
        string.Create(CultureInfo.InvariantCulture, $"Retry after {retryAfter.TotalSeconds:0} s. ") +
        "An answer already computed for the current graph version (the same question, the same parameters) is served at once, without a slot.";
}
