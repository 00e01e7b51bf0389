using GraphApi.Core.Domain;
using GraphApi.Core.Introductions;
using GraphApi.Core.Tests.Routing;
using K = GraphApi.Core.Introductions.IntroductionEventKind;

namespace GraphApi.Core.Tests.Introductions;

/// <summary>The ledger per caller: each view holds the public asks plus its workspace's, and nothing else moves it.</summary>
public sealed class LedgerViewTests
{
    private static readonly DateOnly Day = new(2026, 3, 1);

    private sealed class MemoryStore : IIntroductionStore
    {
        public Task InitializeAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<IReadOnlyList<Introduction>> LoadAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<Introduction>>([]);

        public Task CreateAsync(Introduction ask, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task AppendEventAsync(string introductionId, IntroductionEvent e, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<IReadOnlyList<string>> DeleteWorkspaceAsync(string workspace, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<string>>([]);
    }

    private static NewIntroduction TwoHops(string? workspace) => new("a", "t", ["a", "b", "t"], ["ab", "bt"], null, Day, workspace);

    [Fact]
    public async Task A_workspaces_ask_is_in_its_view_only_and_moves_no_other_views_revision()
    {
        using var ledger = new IntroductionLedger(new MemoryStore(), TimeProvider.System);
        var shared = await ledger.AskAsync(TwoHops(null), CancellationToken.None);
        var publicBefore = ledger.ViewFor(null).Revision;
        var southBefore = ledger.ViewFor("south").Revision;

        var owned = await ledger.AskAsync(TwoHops("north"), CancellationToken.None);
        await ledger.RecordAsync("north", owned.Id, new NewIntroductionEvent(K.Declined, 1, Day, null), CancellationToken.None);

        Assert.Equal(new[] { owned.Id, shared.Id }.Order(StringComparer.Ordinal), ledger.ViewFor("north").All.Select(a => a.Id).Order(StringComparer.Ordinal));
        Assert.Equal([shared.Id], ledger.ViewFor(null).All.Select(a => a.Id));
        Assert.Equal([shared.Id], ledger.ViewFor("south").All.Select(a => a.Id));
        Assert.Equal(publicBefore, ledger.ViewFor(null).Revision);
        Assert.Equal(southBefore, ledger.ViewFor("south").Revision);
        Assert.NotEqual(publicBefore, ledger.ViewFor("north").Revision);
        Assert.Null(ledger.ViewFor("south").Find(owned.Id));
        Assert.Equal(new TrialCount(0, 1), ledger.ViewFor("north").Trials["ab"]);
        Assert.False(ledger.ViewFor(null).Trials.ContainsKey("ab"));
    }

    [Fact]
    public async Task Another_workspace_cannot_record_on_an_ask_it_cannot_see()
    {
        using var ledger = new IntroductionLedger(new MemoryStore(), TimeProvider.System);
        var owned = await ledger.AskAsync(TwoHops("north"), CancellationToken.None);

        var south = await Assert.ThrowsAsync<NotFoundException>(() =>
            ledger.RecordAsync("south", owned.Id, new NewIntroductionEvent(K.Forwarded, 1, Day, null), CancellationToken.None));
        var anonymous = await Assert.ThrowsAsync<NotFoundException>(() =>
            ledger.RecordAsync(null, owned.Id, new NewIntroductionEvent(K.Forwarded, 1, Day, null), CancellationToken.None));

        Assert.Equal($"no introduction '{owned.Id}'", south.Message);
        Assert.Equal(south.Message, anonymous.Message);
        Assert.Empty(ledger.ViewFor("north").Get(owned.Id).Events);
    }

    [Fact]
    public async Task Learned_strengths_are_per_view_and_built_once_per_snapshot_and_ledger_state()
    {
        var graph = new TestGraph().Tie("a", "b", "MOU", id: "ab").Tie("b", "t", "MET_AT", id: "bt").Build();
        using var ledger = new IntroductionLedger(new MemoryStore(), TimeProvider.System);
        var owned = await ledger.AskAsync(TwoHops("north"), CancellationToken.None);
        await ledger.RecordAsync("north", owned.Id, new NewIntroductionEvent(K.Declined, 1, Day, null), CancellationToken.None);

        var north = ledger.ViewFor("north").LearnedStrengths(graph);
        var outside = ledger.ViewFor(null).LearnedStrengths(graph);

        Assert.Equal(9.0 / 11, north.ById["ab"], 15);
        Assert.False(outside.ById.ContainsKey("ab"));
        Assert.Same(north, ledger.ViewFor("north").LearnedStrengths(graph));
        Assert.Same(ledger.ViewFor("north"), ledger.ViewFor("north"));
    }

    [Fact]
    public async Task A_deleted_workspaces_asks_leave_the_ledger_and_every_other_stays()
    {
        using var ledger = new IntroductionLedger(new MemoryStore(), TimeProvider.System);
        var shared = await ledger.AskAsync(TwoHops(null), CancellationToken.None);
        var owned = await ledger.AskAsync(TwoHops("north"), CancellationToken.None);
        var other = await ledger.AskAsync(TwoHops("south"), CancellationToken.None);

        await ledger.ForgetWorkspaceAsync("north", CancellationToken.None);

        Assert.Equal([shared.Id], ledger.ViewFor("north").All.Select(a => a.Id));
        Assert.Null(ledger.ViewFor("north").Find(owned.Id));
        Assert.NotNull(ledger.ViewFor("south").Find(other.Id));
        Assert.Equal(2, ledger.Count);
    }
}
