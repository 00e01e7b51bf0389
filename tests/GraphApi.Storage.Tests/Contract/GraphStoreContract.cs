using GraphApi.Core.Domain;
using GraphApi.Core.Storage;

namespace GraphApi.Storage.Tests.Contract;

/// <summary>
/// What every <see cref="IGraphStore"/> adapter promises. One subclass per store runs the same tests; a subclass
/// whose server is absent skips each test with its reason (so the run shows it), never passes silently.
/// </summary>
public abstract partial class GraphStoreContract : IAsyncLifetime
{
    private readonly List<IGraphStore> _opened = [];

    protected static CancellationToken None => CancellationToken.None;

    /// <summary>A new store instance over this test's data (called again to simulate a restart).</summary>
    protected abstract Task<IGraphStore> OpenAsync();

    protected async Task<IGraphStore> StoreAsync()
    {
        var store = await OpenAsync();
        _opened.Add(store);
        await store.InitializeAsync(None);
        return store;
    }

    [SkippableFact]
    public async Task An_actor_and_a_relationship_round_trip_with_every_field()
    {
        var store = await StoreAsync();
        var actor = await store.CreateActorAsync(Samples.FullActor("kicox"), None);
        await store.CreateActorAsync(Samples.Actor("pole-eau"), None);
        var relationship = await store.CreateRelationshipAsync(Samples.FullRelationship("met-1", "pole-eau", "kicox"), None);

        var data = await store.LoadAsync(None);

        Assert.Equal(1, actor.Value.Revision);
        Assert.Equal(1, relationship.Value.Revision);
        Assert.Equal(Normalise(Samples.FullActor("kicox") with { Revision = 1 }), Normalise(data.Actors.Single(a => a.Id == "kicox")));
        Assert.Equal(Samples.FullRelationship("met-1", "pole-eau", "kicox") with { Revision = 1 }, Normalise(data.Relationships.Single()));
        Assert.Equal(["kicox", "pole-eau"], data.Actors.Select(a => a.Id));
    }

    [SkippableFact]
    public async Task Optional_fields_left_empty_stay_empty()
    {
        var store = await StoreAsync();
        await store.CreateActorAsync(Samples.Actor("a1"), None);
        await store.CreateActorAsync(Samples.Actor("a2"), None);
        await store.CreateRelationshipAsync(Samples.Relationship("r1", "a1", "a2"), None);

        var data = await store.LoadAsync(None);

        Assert.Equal(Normalise(Samples.Actor("a1") with { Revision = 1 }), Normalise(data.Actors[0]));
        Assert.Equal(Samples.Relationship("r1", "a1", "a2") with { Revision = 1 }, Normalise(data.Relationships[0]));
    }

    [SkippableFact]
    public async Task Updates_check_the_expected_revision_and_bump_it()
    {
        var store = await StoreAsync();
        await store.CreateActorAsync(Samples.Actor("a1"), None);

        var updated = await store.UpdateActorAsync(Samples.Actor("a1") with { Name = "Renamed" }, expectedRevision: 1, None);
        var stale = await Assert.ThrowsAsync<StorePreconditionException>(
            () => store.UpdateActorAsync(Samples.Actor("a1") with { Name = "Lost update" }, expectedRevision: 1, None));
        var unconditional = await store.UpdateActorAsync(Samples.Actor("a1") with { Name = "Forced" }, expectedRevision: null, None);

        Assert.Equal(2, updated.Value.Revision);
        Assert.Contains("revision 2", stale.Message, StringComparison.Ordinal);
        Assert.Equal(3, unconditional.Value.Revision);
        var stored = (await store.LoadAsync(None)).Actors.Single();
        Assert.Equal(("Forced", 3L), (stored.Name, stored.Revision));
    }

    [SkippableFact]
    public async Task Writes_to_unknown_ids_are_not_found()
    {
        var store = await StoreAsync();

        await Assert.ThrowsAsync<StoreNotFoundException>(() => store.UpdateActorAsync(Samples.Actor("ghost"), null, None));
        await Assert.ThrowsAsync<StoreNotFoundException>(() => store.DeleteActorAsync("ghost", null, None));
        await Assert.ThrowsAsync<StoreNotFoundException>(() => store.UpdateRelationshipAsync(Samples.Relationship("ghost", "a", "b"), null, None));
        await Assert.ThrowsAsync<StoreNotFoundException>(() => store.DeleteRelationshipAsync("ghost", null, None));
    }

    [SkippableFact]
    public async Task Duplicate_ids_conflict_and_change_nothing()
    {
        var store = await StoreAsync();
        await store.CreateActorAsync(Samples.Actor("a1"), None);
        await store.CreateActorAsync(Samples.Actor("a2"), None);
        await store.CreateRelationshipAsync(Samples.Relationship("r1", "a1", "a2"), None);
        var version = await store.GetVersionAsync(None);

        await Assert.ThrowsAsync<StoreConflictException>(() => store.CreateActorAsync(Samples.Actor("a1") with { Name = "Other" }, None));
        // Same id under another type: relationship ids are unique across the whole graph, not per type.
        await Assert.ThrowsAsync<StoreConflictException>(
            () => store.CreateRelationshipAsync(Samples.Relationship("r1", "a2", "a1", "PARTNER_OF"), None));

        var data = await store.LoadAsync(None);
        Assert.Equal("Name of a1", data.Actors[0].Name);
        Assert.Equal("MOU", data.Relationships.Single().Type);
        Assert.Equal(version, data.Version);
    }

    [SkippableFact]
    public async Task A_relationship_to_a_missing_actor_is_a_dangling_reference()
    {
        var store = await StoreAsync();
        await store.CreateActorAsync(Samples.Actor("a1"), None);

        var error = await Assert.ThrowsAsync<StoreReferenceException>(
            () => store.CreateRelationshipAsync(Samples.Relationship("r1", "a1", "ghost"), None));

        Assert.Contains("ghost", error.Message, StringComparison.Ordinal);
        Assert.Empty((await store.LoadAsync(None)).Relationships);
    }

    [SkippableFact]
    public async Task A_relationship_update_may_change_its_type_and_ends()
    {
        var store = await StoreAsync();
        foreach (var id in new[] { "a1", "a2", "a3" })
        {
            await store.CreateActorAsync(Samples.Actor(id), None);
        }
        await store.CreateRelationshipAsync(Samples.Relationship("r1", "a1", "a2"), None);

        var updated = await store.UpdateRelationshipAsync(Samples.Relationship("r1", "a3", "a1", "SUPPORTS") with { Note = "moved" }, 1, None);

        Assert.Equal(2, updated.Value.Revision);
        var stored = Normalise((await store.LoadAsync(None)).Relationships.Single());
        Assert.Equal(Samples.Relationship("r1", "a3", "a1", "SUPPORTS") with { Note = "moved", Revision = 2 }, stored);
    }

    [SkippableFact]
    public async Task Deleting_an_actor_removes_its_relationships_and_reports_their_ids()
    {
        var store = await StoreAsync();
        foreach (var id in new[] { "hub", "b", "c", "d" })
        {
            await store.CreateActorAsync(Samples.Actor(id), None);
        }
        await store.CreateRelationshipAsync(Samples.Relationship("z-out", "hub", "b"), None);
        await store.CreateRelationshipAsync(Samples.Relationship("a-in", "c", "hub", "MEMBER_OF"), None);
        await store.CreateRelationshipAsync(Samples.Relationship("m-other", "b", "d"), None);

        var stale = await Assert.ThrowsAsync<StorePreconditionException>(() => store.DeleteActorAsync("hub", expectedRevision: 7, None));
        var deletion = await store.DeleteActorAsync("hub", expectedRevision: 1, None);

        Assert.NotNull(stale);
        Assert.Equal(["a-in", "z-out"], deletion.RemovedRelationshipIds);
        var data = await store.LoadAsync(None);
        Assert.Equal(["b", "c", "d"], data.Actors.Select(a => a.Id));
        Assert.Equal(["m-other"], data.Relationships.Select(r => r.Id));
        Assert.Equal(deletion.Version, data.Version);
    }

    [SkippableFact]
    public async Task Deleting_a_relationship_checks_its_revision()
    {
        var store = await StoreAsync();
        await store.CreateActorAsync(Samples.Actor("a1"), None);
        await store.CreateActorAsync(Samples.Actor("a2"), None);
        await store.CreateRelationshipAsync(Samples.Relationship("r1", "a1", "a2"), None);

        await Assert.ThrowsAsync<StorePreconditionException>(() => store.DeleteRelationshipAsync("r1", expectedRevision: 2, None));
        var version = await store.DeleteRelationshipAsync("r1", expectedRevision: 1, None);

        var data = await store.LoadAsync(None);
        Assert.Empty(data.Relationships);
        Assert.Equal(2, data.Actors.Count);
        Assert.Equal(version, data.Version);
    }

    [SkippableFact]
    public async Task Every_write_moves_the_change_version_by_one_and_reads_do_not()
    {
        var store = await StoreAsync();
        var start = await store.GetVersionAsync(None);

        var v1 = (await store.CreateActorAsync(Samples.Actor("a1"), None)).Version;
        var v2 = (await store.CreateActorAsync(Samples.Actor("a2"), None)).Version;
        var v3 = (await store.UpdateActorAsync(Samples.Actor("a2"), null, None)).Version;
        var v4 = (await store.CreateRelationshipAsync(Samples.Relationship("r1", "a1", "a2"), None)).Version;
        var v5 = (await store.UpdateRelationshipAsync(Samples.Relationship("r1", "a1", "a2"), null, None)).Version;
        var v6 = await store.DeleteRelationshipAsync("r1", null, None);
        var v7 = await store.UpsertAsync([Samples.Actor("a3")], [], None);
        var v8 = (await store.DeleteActorAsync("a3", null, None)).Version;
        await store.LoadAsync(None);

        Assert.Equal(Enumerable.Range(1, 8).Select(i => start + i), [v1, v2, v3, v4, v5, v6, v7, v8]);
        Assert.Equal(v8, await store.GetVersionAsync(None));
    }

    [SkippableFact]
    public async Task A_new_store_instance_sees_everything_committed_before()
    {
        var first = await StoreAsync();
        await first.SeedOnceAsync([Samples.FullActor("kicox"), Samples.Actor("pole-eau")], [Samples.FullRelationship("met-1", "pole-eau", "kicox")], None);
        await first.UpdateActorAsync(Samples.Actor("pole-eau") with { Name = "Pôle Eau" }, 1, None);
        var before = await first.LoadAsync(None);

        var restarted = await StoreAsync();
        var after = await restarted.LoadAsync(None);

        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.Actors.Select(Normalise), after.Actors.Select(Normalise));
        Assert.Equal(before.Relationships.Select(Normalise), after.Relationships.Select(Normalise));
        Assert.False(await restarted.SeedOnceAsync([Samples.Actor("other")], [], None));
        Assert.Equal(2, (await restarted.UpdateActorAsync(Samples.Actor("kicox"), 1, None)).Value.Revision);
    }

    // Records hold lists; compare them by content so equality means "same data".
    private static Actor Normalise(Actor actor) => actor with
    {
        Aliases = new EquatableList<string>(actor.Aliases),
        Sectors = new EquatableList<string>(actor.Sectors),
        Sources = new EquatableList<string>(actor.Sources),
    };

    // Relationships hold no lists: records already compare by value.
    private static Relationship Normalise(Relationship relationship) => relationship;

    public Task InitializeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync()
    {
        foreach (var store in _opened)
        {
            switch (store)
            {
                case IAsyncDisposable asyncDisposable:
                    await asyncDisposable.DisposeAsync();
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }
        }
    }
}
