using GraphApi.Core.Analysis;

namespace GraphApi.Core.Tests.Analysis;

public sealed class AnalysisCacheTests
{
    [Fact]
    public async Task Same_version_and_key_share_one_computation()
    {
        var cache = new AnalysisCache();
        var runs = 0;
        Task<int> Compute(CancellationToken _) => Task.FromResult(++runs);
        Assert.Equal(1, await cache.GetOrAdd(5, "a", Compute, CancellationToken.None));
        Assert.Equal(1, await cache.GetOrAdd(5, "a", Compute, CancellationToken.None));
        Assert.Equal(2, await cache.GetOrAdd(5, "b", Compute, CancellationToken.None));
    }

    [Fact]
    public async Task A_newer_version_recomputes_and_an_older_one_is_not_cached()
    {
        var cache = new AnalysisCache();
        var runs = 0;
        Task<int> Compute(CancellationToken _) => Task.FromResult(++runs);
        await cache.GetOrAdd(5, "a", Compute, CancellationToken.None);
        Assert.Equal(2, await cache.GetOrAdd(6, "a", Compute, CancellationToken.None));
        Assert.Equal(3, await cache.GetOrAdd(5, "a", Compute, CancellationToken.None));
        Assert.Equal(2, await cache.GetOrAdd(6, "a", Compute, CancellationToken.None));
    }

    [Fact]
    public async Task A_failed_computation_is_forgotten()
    {
        var cache = new AnalysisCache();
        await Assert.ThrowsAsync<TimeoutException>(() => cache.GetOrAdd<int>(1, "a", _ => Task.FromException<int>(new TimeoutException()), CancellationToken.None));
        Assert.Equal(7, await cache.GetOrAdd(1, "a", _ => Task.FromResult(7), CancellationToken.None));
    }

    [Fact]
    public async Task The_last_caller_going_away_cancels_the_computation_and_the_next_caller_starts_afresh()
    {
        var cache = new AnalysisCache();
        var computation = new BlockedComputation();
        using var first = new CancellationTokenSource();
        using var second = new CancellationTokenSource();
        var a = cache.GetOrAdd(1, "q", computation.RunAsync, first.Token);
        var b = cache.GetOrAdd(1, "q", computation.RunAsync, second.Token);
        Assert.Equal(1, computation.Started);
        Assert.Equal(2, cache.Waiting("q"));

        await first.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => a);
        Assert.False(computation.Abandoned.IsCancellationRequested); // the second caller still waits for it
        Assert.Equal(1, cache.Waiting("q"));

        await second.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => b);
        Assert.True(computation.Abandoned.IsCancellationRequested);
        Assert.Equal(0, cache.Waiting("q"));

        var again = cache.GetOrAdd(1, "q", computation.RunAsync, CancellationToken.None);
        Assert.Equal(2, computation.Started);
        computation.Finish(42);
        Assert.Equal(42, await again);
    }

    [Fact]
    public async Task A_computation_someone_still_waits_for_runs_on_and_answers_them()
    {
        var cache = new AnalysisCache();
        var computation = new BlockedComputation();
        using var leaving = new CancellationTokenSource();
        var gone = cache.GetOrAdd(1, "q", computation.RunAsync, leaving.Token);
        var staying = cache.GetOrAdd(1, "q", computation.RunAsync, CancellationToken.None);

        await leaving.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => gone);
        computation.Finish(7);

        Assert.Equal(7, await staying);
        Assert.False(computation.Abandoned.IsCancellationRequested);
        Assert.Equal(1, computation.Started);
        Assert.Equal(7, await cache.GetOrAdd(1, "q", computation.RunAsync, CancellationToken.None)); // and it is cached
    }

    /// <summary>A computation that runs until the test finishes it, or until its token says nobody waits any more.</summary>
    private sealed class BlockedComputation
    {
        private TaskCompletionSource<int> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Started { get; private set; }

        public CancellationToken Abandoned { get; private set; }

        public Task<int> RunAsync(CancellationToken abandoned)
        {
            Started++;
            Abandoned = abandoned;
            _result = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
            abandoned.Register(() => _result.TrySetCanceled(abandoned));
            return _result.Task;
        }

        public void Finish(int value) => _result.SetResult(value);
    }
}
