namespace GraphApi.Core.Analysis;

/// <summary>
/// Threads of the analyses' own, so their work never queues ahead of requests on the thread pool. Analyses are long
/// Parallel.For loops: on pool threads their replicas sit in the pool threads' local queues, which those threads serve
/// before the global queue where a request's work waits, and a read of one actor then waited seconds behind them
/// (docs/performance.md, "Reads while analyses saturate the service"). Here the analyses' loops (their ParallelOptions
/// use the current scheduler) run on these threads only, and the pool stays free for requests.
/// </summary>
/// <remarks>
/// A loop waiting for its replicas runs the ones not yet started itself (inlining on these threads), so loops that
/// wait on each other cannot take every thread and deadlock.
/// </remarks>
public sealed class AnalysisThreads : TaskScheduler, IDisposable
{
    private readonly Lock _gate = new();
    private readonly Queue<Task> _queue = new();
    private readonly SemaphoreSlim _queued = new(0);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Thread[] _threads;

    [ThreadStatic]
    private static AnalysisThreads? _runningOn;

    public AnalysisThreads(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        _threads = [.. Enumerable.Range(0, count).Select(i => new Thread(Serve) { IsBackground = true, Name = $"analysis-{i}" })];
        foreach (var thread in _threads)
        {
            thread.Start();
        }
    }

    public override int MaximumConcurrencyLevel => _threads.Length;

    /// <summary>Runs <paramref name="compute"/> on these threads (and its parallel loops with it).</summary>
    public Task<T> Run<T>(Func<T> compute, CancellationToken cancellationToken) =>
        Task.Factory.StartNew(compute, cancellationToken, TaskCreationOptions.DenyChildAttach, this);

    /// <summary>
    /// Stops the threads once they finish what they are running (background threads: they never hold the process up).
    /// The semaphore and the token source are left to the collector: a thread may still be waiting on them.
    /// </summary>
    public void Dispose() => _stopping.Cancel();

    protected override void QueueTask(Task task)
    {
        lock (_gate)
        {
            _queue.Enqueue(task);
        }
        _queued.Release();
    }

    // A task already run inline is skipped by TryExecuteTask when its turn in the queue comes.
    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) =>
        ReferenceEquals(_runningOn, this) && TryExecuteTask(task);

    protected override IEnumerable<Task> GetScheduledTasks()
    {
        lock (_gate)
        {
            return [.. _queue];
        }
    }

    private void Serve()
    {
        _runningOn = this;
        try
        {
            while (true)
            {
                _queued.Wait(_stopping.Token);
                Task task;
                lock (_gate)
                {
                    task = _queue.Dequeue();
                }
                TryExecuteTask(task);
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Disposed: the host is stopping, and no analysis will be asked for again.
        }
    }
}
