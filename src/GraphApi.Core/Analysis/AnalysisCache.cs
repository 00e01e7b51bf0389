namespace GraphApi.Core.Analysis;

/// <summary>
/// Analysis results of the current snapshot version, keyed by their parameters. A newer version drops every entry
/// (writes make old answers wrong); a request still holding an older snapshot computes without caching. Entries
/// are running or finished tasks, so concurrent callers asking the same question share one computation; a
/// computation that fails (e.g. runs out of time budget) is forgotten so the next caller tries afresh.
/// </summary>
public sealed class AnalysisCache
{
    /// <summary>Parameter combinations are few in practice; the cap only guards memory against a caller cycling them.</summary>
    public const int MaxEntries = 64;

    private readonly Lock _gate = new();
    private readonly Dictionary<object, Task> _entries = [];
    private long _version = long.MinValue;

    public Task<T> GetOrAdd<T>(long version, object key, Func<Task<T>> compute)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(compute);
        Task<T> task;
        lock (_gate)
        {
            if (version < _version)
            {
                return compute();
            }
            if (version > _version)
            {
                _entries.Clear();
                _version = version;
            }
            if (_entries.TryGetValue(key, out var existing))
            {
                return (Task<T>)existing;
            }
            if (_entries.Count >= MaxEntries)
            {
                _entries.Clear();
            }
            task = compute();
            _entries[key] = task;
        }
        _ = task.ContinueWith(t => Forget(version, key, t), CancellationToken.None,
            TaskContinuationOptions.NotOnRanToCompletion | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return task;
    }

    private void Forget(long version, object key, Task failed)
    {
        lock (_gate)
        {
            if (version == _version && _entries.TryGetValue(key, out var current) && ReferenceEquals(current, failed))
            {
                _entries.Remove(key);
            }
        }
    }
}
