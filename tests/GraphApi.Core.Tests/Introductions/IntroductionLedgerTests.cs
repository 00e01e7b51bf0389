using GraphApi.Core.Domain;
using GraphApi.Core.Introductions;
using GraphApi.Core.Storage;
using GraphApi.Core.Tests.Routing;
using K = GraphApi.Core.Introductions.IntroductionEventKind;

namespace GraphApi.Core.Tests.Introductions;

public sealed class IntroductionLedgerTests
{
    private static readonly DateOnly Day = new(2026, 3, 1);

    /// <summary>Counts the writes that reach it, so a test can tell that a refused event wrote nothing.</summary>
    private sealed class CountingStore : IIntroductionStore
    {
        public int Writes { get; private set; }

        public Task InitializeAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<IReadOnlyList<Introduction>> LoadAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<Introduction>>([]);

        public Task CreateAsync(Introduction ask, CancellationToken cancellationToken)
        {
            Writes++;
            return Task.CompletedTask;
        }

        public Task AppendEventAsync(string introductionId, IntroductionEvent e, CancellationToken cancellationToken)
        {
            Writes++;
            return Task.CompletedTask;
        }

        public Task<IReadOnlyList<string>> DeleteWorkspaceAsync(string workspace, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<string>>([]);
    }

    private static NewIntroduction TwoHops() => new("a", "t", ["a", "b", "t"], ["ab", "bt"], "note", Day);

    [Fact]
    public async Task A_refused_event_writes_nothing_and_leaves_the_ask_as_it_was()
    {
        var store = new CountingStore();
        using var ledger = new IntroductionLedger(store, TimeProvider.System);
        var ask = await ledger.AskAsync(TwoHops(), CancellationToken.None);

        await Assert.ThrowsAsync<StoreConflictException>(() =>
            ledger.RecordAsync(null, ask.Id, new NewIntroductionEvent(K.Met, null, Day, null), CancellationToken.None));
        var invalid = await Assert.ThrowsAsync<DomainValidationException>(() =>
            ledger.RecordAsync(null, ask.Id, new NewIntroductionEvent(K.Forwarded, 3, Day, null), CancellationToken.None));

        Assert.Equal(["step"], invalid.Errors.ToDictionary().Keys);
        Assert.Equal(1, store.Writes);
        Assert.Same(ask, ledger.ViewFor(null).Find(ask.Id));
    }

    [Fact]
    public async Task Events_carry_their_author_and_feed_the_learned_strengths()
    {
        var graph = new TestGraph().Tie("a", "b", "MOU", id: "ab").Tie("b", "t", "MET_AT", id: "bt").Build();
        using var ledger = new IntroductionLedger(new CountingStore(), TimeProvider.System);
        ChangeAuthor.Set("cluster-manager");
        var ask = await ledger.AskAsync(TwoHops(), CancellationToken.None);

        await ledger.RecordAsync(null, ask.Id, new NewIntroductionEvent(K.Forwarded, 1, Day, null), CancellationToken.None);
        var updated = await ledger.RecordAsync(null, ask.Id, new NewIntroductionEvent(K.Declined, 2, Day, "no time"), CancellationToken.None);

        Assert.Equal("cluster-manager", ask.RecordedBy);
        Assert.All(updated.Events, e => Assert.Equal("cluster-manager", e.RecordedBy));
        Assert.Equal([1, 2], updated.Events.Select(e => e.Sequence));
        var learned = ledger.ViewFor(null).LearnedStrengths(graph);
        Assert.Equal(10.0 / 11, learned.ById["ab"], 15);
        Assert.Equal(4.0 / 11, learned.ById["bt"], 15);
        Assert.Same(learned, ledger.ViewFor(null).LearnedStrengths(graph));
    }

    [Fact]
    public async Task An_unknown_ask_is_not_found()
    {
        using var ledger = new IntroductionLedger(new CountingStore(), TimeProvider.System);

        await Assert.ThrowsAsync<NotFoundException>(() =>
            ledger.RecordAsync(null, "intro-none", new NewIntroductionEvent(K.Met, null, Day, null), CancellationToken.None));
    }

    /// <summary>Holds what was written, as a store shared by two processes would.</summary>
    private sealed class SharedStore : IIntroductionStore
    {
        private readonly Dictionary<string, Introduction> _asks = new(StringComparer.Ordinal);

        public Task InitializeAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<IReadOnlyList<Introduction>> LoadAsync(CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<Introduction>>([.. _asks.Values]);

        public Task CreateAsync(Introduction ask, CancellationToken cancellationToken)
        {
            _asks.Add(ask.Id, ask);
            return Task.CompletedTask;
        }

        public Task AppendEventAsync(string introductionId, IntroductionEvent e, CancellationToken cancellationToken)
        {
            var ask = _asks[introductionId];
            if (ask.Events.Count != e.Sequence - 1)
            {
                throw new StoreConflictException("moved");
            }
            _asks[introductionId] = ask with { Events = [.. ask.Events, e] };
            return Task.CompletedTask;
        }

        public Task<IReadOnlyList<string>> DeleteWorkspaceAsync(string workspace, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<string>>([]);
    }

    [Fact]
    public async Task A_replica_sees_the_other_ones_asks_and_events_after_a_reload()
    {
        var store = new SharedStore();
        using var first = new IntroductionLedger(store, TimeProvider.System);
        using var second = new IntroductionLedger(store, TimeProvider.System);
        await second.LoadAsync(CancellationToken.None);
        var ask = await first.AskAsync(TwoHops(), CancellationToken.None);
        await first.RecordAsync(null, ask.Id, new NewIntroductionEvent(K.Forwarded, 1, Day, null), CancellationToken.None);

        Assert.Null(second.ViewFor(null).Find(ask.Id));
        Assert.NotEqual(first.ViewFor(null).Revision, second.ViewFor(null).Revision);
        Assert.True(await second.ReloadAsync(CancellationToken.None));
        Assert.False(await second.ReloadAsync(CancellationToken.None));
        Assert.Equal(first.ViewFor(null).Revision, second.ViewFor(null).Revision);

        Assert.Single(second.ViewFor(null).Find(ask.Id)!.Events);
        Assert.Equal(new TrialCount(1, 0), second.ViewFor(null).Trials["ab"]);
        await Assert.ThrowsAsync<StoreConflictException>(() =>
            second.RecordAsync(null, ask.Id, new NewIntroductionEvent(K.Forwarded, 1, Day, null), CancellationToken.None));
    }

    [Fact]
    public async Task The_revision_moves_with_every_write_and_tells_apart_ledgers_with_as_many_writes()
    {
        using var one = new IntroductionLedger(new CountingStore(), TimeProvider.System);
        using var other = new IntroductionLedger(new CountingStore(), TimeProvider.System);
        var empty = one.ViewFor(null).Revision;
        Assert.Equal(empty, other.ViewFor(null).Revision);

        var ask = await one.AskAsync(TwoHops(), CancellationToken.None);
        var asked = one.ViewFor(null).Revision;
        await one.RecordAsync(null, ask.Id, new NewIntroductionEvent(K.Forwarded, 1, Day, null), CancellationToken.None);
        await other.AskAsync(TwoHops(), CancellationToken.None);

        Assert.Equal([empty, asked, one.ViewFor(null).Revision], new[] { empty, asked, one.ViewFor(null).Revision }.Distinct());
        Assert.NotEqual(asked, other.ViewFor(null).Revision); // one write each, different asks
        Assert.Equal(1, ask.Revision);
        Assert.Equal(2, one.ViewFor(null).Get(ask.Id).Revision);
    }
}
