using GraphApi.Core.Introductions;
using GraphApi.Core.Storage;

namespace GraphApi.Storage.Tests.Ledger;

/// <summary>What every <see cref="IIntroductionStore"/> promises; one subclass per store, skipping visibly without its server.</summary>
public abstract class IntroductionStoreContract : IAsyncLifetime
{
    protected static CancellationToken None => CancellationToken.None;

    private static readonly DateTimeOffset At = new(2026, 3, 1, 9, 30, 15, 123, TimeSpan.Zero);

    /// <summary>A new store instance over this test's data (called again to simulate a restart).</summary>
    protected abstract Task<IIntroductionStore> OpenAsync();

    private async Task<IIntroductionStore> StoreAsync()
    {
        var store = await OpenAsync();
        await store.InitializeAsync(None);
        return store;
    }

    private static Introduction Ask(string id, string? note = "water tech") => new(
        id, "pole-eau", "kicox", ["pole-eau", "daegu-city", "kicox"], ["r-1", "r-2"], note,
        new DateOnly(2026, 2, 27), "editor-key", At, []);

    private static IntroductionEvent Event(int sequence, IntroductionEventKind kind, int? step, string? evidence = null) =>
        new(sequence, kind, step, new DateOnly(2026, 3, sequence), evidence, "editor-key", At.AddMinutes(sequence));

    [SkippableFact]
    public async Task An_ask_and_its_events_round_trip_across_a_restart()
    {
        var store = await StoreAsync();
        await store.CreateAsync(Ask("intro-1"), None);
        await store.CreateAsync(Ask("intro-2", note: null), None);
        await store.AppendEventAsync("intro-1", Event(1, IntroductionEventKind.Forwarded, 1, "mail of 1 March"), None);
        await store.AppendEventAsync("intro-1", Event(2, IntroductionEventKind.NoAnswer, 2), None);

        var loaded = await (await StoreAsync()).LoadAsync(None);

        var first = loaded.Single(a => a.Id == "intro-1");
        // Lists compare by reference in records: compare the stored form, which has every field but the events.
        Assert.Equal(IntroductionJson.Write(Ask("intro-1")), IntroductionJson.Write(first));
        Assert.Equal(["pole-eau", "daegu-city", "kicox"], first.Path);
        Assert.Equal([Event(1, IntroductionEventKind.Forwarded, 1, "mail of 1 March"), Event(2, IntroductionEventKind.NoAnswer, 2)], first.Events);
        var second = loaded.Single(a => a.Id == "intro-2");
        Assert.Null(second.Note);
        Assert.Empty(second.Events);
    }

    [SkippableFact]
    public async Task A_private_ask_keeps_its_workspace_across_a_restart_and_a_public_one_has_none()
    {
        var store = await StoreAsync();
        await store.CreateAsync(Ask("intro-1") with { Workspace = "north" }, None);
        await store.CreateAsync(Ask("intro-2"), None);
        await store.AppendEventAsync("intro-1", Event(1, IntroductionEventKind.Forwarded, 1), None);

        var loaded = await (await StoreAsync()).LoadAsync(None);

        Assert.Equal(("north", 1), (loaded.Single(a => a.Id == "intro-1").Workspace, loaded.Single(a => a.Id == "intro-1").Events.Count));
        Assert.Null(loaded.Single(a => a.Id == "intro-2").Workspace);
    }

    [SkippableFact]
    public async Task Deleting_a_workspaces_asks_takes_them_with_their_events_and_leaves_every_other()
    {
        var store = await StoreAsync();
        await store.CreateAsync(Ask("intro-1") with { Workspace = "north" }, None);
        await store.CreateAsync(Ask("intro-2") with { Workspace = "south" }, None);
        await store.CreateAsync(Ask("intro-3"), None);
        await store.AppendEventAsync("intro-1", Event(1, IntroductionEventKind.Forwarded, 1), None);

        Assert.Equal(["intro-1"], await store.DeleteWorkspaceAsync("north", None));
        Assert.Empty(await store.DeleteWorkspaceAsync("north", None));

        Assert.Equal(["intro-2", "intro-3"], (await store.LoadAsync(None)).Select(a => a.Id).Order(StringComparer.Ordinal));
        await Assert.ThrowsAsync<StoreNotFoundException>(() => store.AppendEventAsync("intro-1", Event(2, IntroductionEventKind.Forwarded, 2), None));
    }

    [SkippableFact]
    public async Task A_duplicate_id_is_a_conflict()
    {
        var store = await StoreAsync();
        await store.CreateAsync(Ask("intro-1"), None);

        await Assert.ThrowsAsync<StoreConflictException>(() => store.CreateAsync(Ask("intro-1"), None));
    }

    [SkippableFact]
    public async Task An_event_out_of_sequence_is_a_conflict_and_writes_nothing()
    {
        var store = await StoreAsync();
        await store.CreateAsync(Ask("intro-1"), None);
        await store.AppendEventAsync("intro-1", Event(1, IntroductionEventKind.Forwarded, 1), None);

        await Assert.ThrowsAsync<StoreConflictException>(() => store.AppendEventAsync("intro-1", Event(1, IntroductionEventKind.Forwarded, 2), None));
        await Assert.ThrowsAsync<StoreConflictException>(() => store.AppendEventAsync("intro-1", Event(3, IntroductionEventKind.Forwarded, 2), None));
        await store.AppendEventAsync("intro-1", Event(2, IntroductionEventKind.Forwarded, 2), None);

        var events = (await store.LoadAsync(None)).Single().Events;
        Assert.Equal([1, 2], events.Select(e => e.Sequence));
    }

    [SkippableFact]
    public async Task An_event_for_an_unknown_ask_is_not_found()
    {
        var store = await StoreAsync();

        await Assert.ThrowsAsync<StoreNotFoundException>(() => store.AppendEventAsync("intro-none", Event(1, IntroductionEventKind.Met, null), None));
    }

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual Task DisposeAsync() => Task.CompletedTask;
}
