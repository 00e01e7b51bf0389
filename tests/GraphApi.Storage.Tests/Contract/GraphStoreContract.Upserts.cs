using GraphApi.Core.Domain;
using GraphApi.Core.Storage;

namespace GraphApi.Storage.Tests.Contract;

/// <summary>Upserts, buffered and streamed, and the seed: all or nothing, revisions counted per row.</summary>
public abstract partial class GraphStoreContract
{
    [SkippableFact]
    public async Task Bulk_upsert_inserts_and_replaces_with_revisions()
    {
        var store = await StoreAsync();
        await store.CreateActorAsync(Samples.Actor("a1"), None);
        await store.CreateActorAsync(Samples.Actor("a2"), None);
        await store.CreateRelationshipAsync(Samples.Relationship("r1", "a1", "a2"), None);

        var actors = Enumerable.Range(1, 7).Select(i => Samples.Actor($"a{i}") with { City = $"City {i}" }).ToList();
        var relationships = new[]
        {
            Samples.Relationship("r1", "a2", "a1", "PARTNER_OF"),
            Samples.Relationship("r2", "a3", "a4", "MOU"),
            Samples.Relationship("r3", "a5", "a6", "MEMBER_OF"),
            Samples.Relationship("r4", "a6", "a7", "MEMBER_OF"),
        };
        var version = await store.UpsertAsync(actors, relationships, None);

        var data = await store.LoadAsync(None);
        Assert.Equal(version, data.Version);
        Assert.Equal(actors.Select(a => a.Id), data.Actors.Select(a => a.Id));
        Assert.All(data.Actors, a => Assert.Equal($"City {a.Id[1..]}", a.City));
        Assert.Equal([2L, 2L, 1L, 1L, 1L, 1L, 1L], data.Actors.Select(a => a.Revision));
        Assert.Equal(["r1", "r2", "r3", "r4"], data.Relationships.Select(r => r.Id));
        Assert.Equal(Samples.Relationship("r1", "a2", "a1", "PARTNER_OF") with { Revision = 2 }, Normalise(data.Relationships[0]));
        Assert.Equal([2L, 1L, 1L, 1L], data.Relationships.Select(r => r.Revision));
    }

    [SkippableFact]
    public async Task A_failing_bulk_upsert_leaves_nothing_behind()
    {
        var store = await StoreAsync();
        await store.CreateActorAsync(Samples.Actor("keep"), None);
        var before = await store.LoadAsync(None);

        var actors = new[] { Samples.Actor("n1"), Samples.Actor("n2"), Samples.Actor("keep") with { Name = "Overwritten" } };
        var relationships = new[] { Samples.Relationship("ok", "n1", "n2"), Samples.Relationship("bad", "n1", "nowhere") };
        await Assert.ThrowsAsync<StoreReferenceException>(() => store.UpsertAsync(actors, relationships, None));

        var after = await store.LoadAsync(None);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.Actors.Select(Normalise), after.Actors.Select(Normalise));
        Assert.Empty(after.Relationships);
    }

    [SkippableFact]
    public async Task A_streamed_bulk_upsert_commits_every_row_as_one_version()
    {
        var store = await StoreAsync();
        await store.CreateActorAsync(Samples.Actor("a1"), None);
        var before = await store.GetVersionAsync(None);

        await using (var upsert = await store.BeginBulkUpsertAsync(None))
        {
            upsert.Add(Samples.Actor("a1") with { City = "Moved" });
            upsert.Add(Samples.Actor("a2"));
            upsert.Add(Samples.Relationship("r1", "a1", "a2"));
            Assert.Equal(before + 1, await upsert.CommitAsync(None));
        }

        var data = await store.LoadAsync(None);
        Assert.Equal(before + 1, data.Version);
        Assert.Equal([("a1", 2L, "Moved"), ("a2", 1L, null)], data.Actors.Select(a => (a.Id, a.Revision, a.City)));
        Assert.Equal(Samples.Relationship("r1", "a1", "a2") with { Revision = 1 }, Normalise(Assert.Single(data.Relationships)));
    }

    [SkippableFact]
    public async Task A_streamed_bulk_upsert_left_uncommitted_writes_nothing()
    {
        var store = await StoreAsync();
        await store.CreateActorAsync(Samples.Actor("keep"), None);
        var before = await store.LoadAsync(None);

        await using (var upsert = await store.BeginBulkUpsertAsync(None))
        {
            upsert.Add(Samples.Actor("keep") with { Name = "Overwritten" });
            upsert.Add(Samples.Actor("n1"));
            upsert.Add(Samples.Relationship("r1", "n1", "keep"));
        }

        var after = await store.LoadAsync(None);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.Actors.Select(Normalise), after.Actors.Select(Normalise));
        Assert.Empty(after.Relationships);
    }

    [SkippableFact]
    public async Task A_streamed_bulk_upsert_with_a_dangling_end_is_refused_whole()
    {
        var store = await StoreAsync();
        var before = await store.GetVersionAsync(None);

        await Assert.ThrowsAsync<StoreReferenceException>(async () =>
        {
            await using var upsert = await store.BeginBulkUpsertAsync(None);
            upsert.Add(Samples.Actor("n1"));
            upsert.Add(Samples.Relationship("bad", "n1", "nowhere"));
            await upsert.CommitAsync(None);
        });

        Assert.Equal(before, await store.GetVersionAsync(None));
        Assert.Empty((await store.LoadAsync(None)).Actors);
    }

    [SkippableFact]
    public async Task Seeding_leaves_a_store_that_already_holds_data_alone()
    {
        var store = await StoreAsync();
        await store.CreateActorAsync(Samples.Actor("imported"), None);

        Assert.False(await store.SeedOnceAsync([Samples.Actor("s1")], [], None));

        Assert.Equal(["imported"], (await store.LoadAsync(None)).Actors.Select(a => a.Id));
    }

    [SkippableFact]
    public async Task Seeding_happens_once_even_after_the_seed_data_is_edited()
    {
        var store = await StoreAsync();
        Actor[] actors = [Samples.Actor("s1"), Samples.Actor("s2")];
        Relationship[] relationships = [Samples.Relationship("sr", "s1", "s2")];

        Assert.True(await store.SeedOnceAsync(actors, relationships, None));
        await store.DeleteActorAsync("s2", null, None);
        var version = await store.GetVersionAsync(None);
        Assert.False(await store.SeedOnceAsync(actors, relationships, None));

        var data = await store.LoadAsync(None);
        Assert.Equal(["s1"], data.Actors.Select(a => a.Id));
        Assert.Empty(data.Relationships);
        Assert.Equal(version, data.Version);
    }
}
