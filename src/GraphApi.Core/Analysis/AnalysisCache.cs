namespace GraphApi.Core.Analysis;

/// <summary>
/// Analysis results of the current snapshot version, keyed by their parameters. A newer version drops every entry
/// (writes make old answers wrong); a request still holding an older snapshot computes without caching. Entries
/// are running or finished computations, so concurrent callers asking the same question share one; a computation
/// that fails (e.g. runs out of time budget) is forgotten so the next caller tries afresh.
/// </summary>
/// <remarks>
/// Each running computation counts the callers waiting for it. A caller who goes away stops waiting; when the last
/// one has gone, the computation is cancelled (its token fires) and forgotten, so work nobody will read stops and
/// frees its analysis slot, while a computation someone still waits for runs on and is shared as before.
/// </remarks>
public sealed class AnalysisCache
{
    /// <summary>Parameter combinations are few in practice; the cap only guards memory against a caller cycling them.</summary>
    public const int MaxEntries = 64;

    private readonly Lock _gate = new();
    private readonly Dictionary<object, Entry> _entries = [];
    private long _version = long.MinValue;

    /// <summary>
    /// The answer to <paramref name="key"/> on <paramref name="version"/>: a finished or running computation if there
    /// is one, else a new one from <paramref name="compute"/>, which gets a token that fires when every caller waiting
    /// for it has gone. <paramref name="cancellationToken"/> is this caller's: it stops this caller's wait only.
    /// </summary>
    public async Task<T> GetOrAdd<T>(long version, object key, Func<CancellationToken, Task<T>> compute, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(compute);
        var entry = Join(version, key, compute);
        try
        {
            return await ((Task<T>)entry.Computation).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Leave(key, entry);
        }
    }

    /// <summary>How many callers wait for the running computation of <paramref name="key"/> (0 when none runs): for tests and metrics.</summary>
    public int Waiting(object key)
    {
        lock (_gate)
        {
            return _entries.TryGetValue(key, out var entry) && !entry.Computation.IsCompleted ? entry.Waiters : 0;
        }
    }

    private Entry Join<T>(long version, object key, Func<CancellationToken, Task<T>> compute)
    {
        Entry entry;
        lock (_gate)
        {
            var cacheable = version >= _version;
            if (version > _version)
            {
                _entries.Clear();
                _version = version;
            }
            if (cacheable && _entries.TryGetValue(key, out var existing))
            {
                existing.Waiters++;
                return existing;
            }
            if (cacheable && _entries.Count >= MaxEntries)
            {
                _entries.Clear();
            }
            var abandoned = new CancellationTokenSource();
            entry = new Entry(compute(abandoned.Token), abandoned) { Waiters = 1 };
            if (cacheable)
            {
                _entries[key] = entry;
            }
        }
        _ = entry.Computation.ContinueWith(t => Forget(version, key, entry), CancellationToken.None,
            TaskContinuationOptions.NotOnRanToCompletion | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return entry;
    }

    private void Leave(object key, Entry entry)
    {
        lock (_gate)
        {
            if (--entry.Waiters > 0 || entry.Computation.IsCompleted)
            {
                return;
            }
            // The last caller went away before the answer: nobody can join it any more once it is out of the table.
            if (_entries.TryGetValue(key, out var current) && ReferenceEquals(current, entry))
            {
                _entries.Remove(key);
            }
        }
        // Outside the lock: cancelling runs the computation's registrations, which must not run under our lock.
        entry.Abandon();
    }

    private void Forget(long version, object key, Entry failed)
    {
        lock (_gate)
        {
            if (version == _version && _entries.TryGetValue(key, out var current) && ReferenceEquals(current, failed))
            {
                _entries.Remove(key);
            }
        }
    }

    /// <summary>
    /// A computation and the source of its "abandoned" token. The source has no timer and its wait handle is never
    /// read, so it holds nothing to dispose; it is left to the collector, which also rules out cancelling a disposed
    /// source when the last caller leaves just as the computation ends.
    /// </summary>
    private sealed class Entry(Task computation, CancellationTokenSource abandoned)
    {
        public Task Computation { get; } = computation;

        public int Waiters { get; set; }

        public void Abandon() => abandoned.Cancel();
    }
}
