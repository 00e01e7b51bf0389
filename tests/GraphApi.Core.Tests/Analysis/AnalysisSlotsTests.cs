using GraphApi.Core.Analysis;

namespace GraphApi.Core.Tests.Analysis;

public sealed class AnalysisSlotsTests
{
    [Fact]
    public async Task With_every_slot_taken_a_caller_is_refused_with_the_retry_advice()
    {
        var slots = new AnalysisSlots(1, TimeSpan.Zero, TimeSpan.FromSeconds(7));
        var held = await slots.EnterAsync("held", CancellationToken.None);

        var refused = await Assert.ThrowsAsync<AnalysesBusyException>(() => slots.EnterAsync("gateways", CancellationToken.None));

        Assert.Equal(TimeSpan.FromSeconds(7), refused.RetryAfter);
        Assert.Contains("gateways", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Retry after 7 s", refused.Message, StringComparison.Ordinal);
        held.Dispose();
        held.Dispose(); // giving a lease back twice frees one slot, not two
        using var next = await slots.EnterAsync("next", CancellationToken.None);
        Assert.Equal(1, slots.Busy);
        await Assert.ThrowsAsync<AnalysesBusyException>(() => slots.EnterAsync("third", CancellationToken.None));
    }

    [Fact]
    public async Task A_waiting_caller_gets_the_slot_given_back()
    {
        var slots = new AnalysisSlots(2, Timeout.InfiniteTimeSpan, TimeSpan.FromSeconds(5));
        var first = await slots.EnterAsync("a", CancellationToken.None);
        using var second = await slots.EnterAsync("b", CancellationToken.None);

        var waiting = slots.EnterAsync("c", CancellationToken.None);
        Assert.False(waiting.IsCompleted);
        first.Dispose();

        using var third = await waiting;
        Assert.Equal(2, slots.Busy);
    }

    [Fact]
    public async Task A_caller_who_stops_waiting_leaves_the_queue()
    {
        var slots = new AnalysisSlots(1, Timeout.InfiniteTimeSpan, TimeSpan.FromSeconds(5));
        var held = await slots.EnterAsync("a", CancellationToken.None);
        using var gone = new CancellationTokenSource();
        var waiting = slots.EnterAsync("b", gone.Token);

        await gone.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        held.Dispose();

        // Had the cancelled caller stayed in the queue, the slot would have gone to it and this would wait forever.
        using var next = await slots.EnterAsync("c", CancellationToken.None, wait: TimeSpan.Zero);
        Assert.Equal(1, slots.Busy);
    }
}
