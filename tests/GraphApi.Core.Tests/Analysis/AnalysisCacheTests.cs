using GraphApi.Core.Analysis;

namespace GraphApi.Core.Tests.Analysis;

public sealed class AnalysisCacheTests
{
    [Fact]
    public async Task Same_version_and_key_share_one_computation()
    {
        var cache = new AnalysisCache();
        var runs = 0;
        Task<int> Compute() => Task.FromResult(++runs);
        Assert.Equal(1, await cache.GetOrAdd(5, "a", Compute));
        Assert.Equal(1, await cache.GetOrAdd(5, "a", Compute));
        Assert.Equal(2, await cache.GetOrAdd(5, "b", Compute));
    }

    [Fact]
    public async Task A_newer_version_recomputes_and_an_older_one_is_not_cached()
    {
        var cache = new AnalysisCache();
        var runs = 0;
        Task<int> Compute() => Task.FromResult(++runs);
        await cache.GetOrAdd(5, "a", Compute);
        Assert.Equal(2, await cache.GetOrAdd(6, "a", Compute));
        Assert.Equal(3, await cache.GetOrAdd(5, "a", Compute));
        Assert.Equal(2, await cache.GetOrAdd(6, "a", Compute));
    }

    [Fact]
    public async Task A_failed_computation_is_forgotten()
    {
        var cache = new AnalysisCache();
        await Assert.ThrowsAsync<TimeoutException>(() => cache.GetOrAdd<int>(1, "a", () => Task.FromException<int>(new TimeoutException())));
        Assert.Equal(7, await cache.GetOrAdd(1, "a", () => Task.FromResult(7)));
    }
}
