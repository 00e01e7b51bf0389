using GraphApi.Core.Storage;

namespace GraphApi.Storage.Tests.Contract;

/// <summary>
/// The audit trail is part of every store: one entry per created, updated or deleted record, written in the
/// transaction of the change (so refused and rolled-back writes leave none), with the author and both bodies.
/// </summary>
public abstract partial class GraphStoreContract
{
    [SkippableFact]
    public async Task Every_single_write_has_one_entry_with_its_author_and_bodies()
    {
        var store = await StoreAsync();
        ChangeAuthor.Set("editor-key");
        await store.CreateActorAsync(Samples.FullActor("kicox"), None);
        await store.CreateActorAsync(Samples.Actor("pole-eau"), None);
        await store.UpdateActorAsync(Samples.Actor("pole-eau") with { City = "Montpellier" }, 1, None);
        await store.CreateRelationshipAsync(Samples.Relationship("r1", "pole-eau", "kicox"), None);
        await store.UpdateRelationshipAsync(Samples.Relationship("r1", "pole-eau", "kicox") with { Note = "renewed" }, 1, None);
        await store.CreateRelationshipAsync(Samples.Relationship("r2", "kicox", "pole-eau", "PARTNER_OF"), None);
        await store.DeleteRelationshipAsync("r2", null, None);
        await store.DeleteActorAsync("kicox", null, None); // takes r1 with it
        ChangeAuthor.Set(null);

        var entries = (await store.ReadAuditAsync(new AuditQuery(100), None)).Reverse().ToList();

        Assert.Equal(
            [
                ("actor", "kicox", "create"), ("actor", "pole-eau", "create"), ("actor", "pole-eau", "update"),
                ("relationship", "r1", "create"), ("relationship", "r1", "update"), ("relationship", "r2", "create"),
                ("relationship", "r2", "delete"), ("relationship", "r1", "delete"), ("actor", "kicox", "delete"),
            ],
            entries.Select(e => (e.EntityKind, e.EntityId, e.Operation)));
        Assert.All(entries, e => Assert.Equal("editor-key", e.Who));
        Assert.True(entries.Zip(entries.Skip(1)).All(p => p.First.Id < p.Second.Id), "ids grow in commit order");
        Assert.Equal(Normalise(Samples.FullActor("kicox")), Normalise(RecordJson.ReadActor(entries[0].After!)));
        Assert.Null(entries[0].Before);
        Assert.Null(RecordJson.ReadActor(entries[2].Before!).City);
        Assert.Equal("Montpellier", RecordJson.ReadActor(entries[2].After!).City);
        Assert.Equal("renewed", RecordJson.ReadRelationship(entries[4].After!).Note);
        Assert.Equal("renewed", RecordJson.ReadRelationship(entries[7].Before!).Note);
        Assert.Null(entries[7].After);
        Assert.Equal(Normalise(Samples.FullActor("kicox")), Normalise(RecordJson.ReadActor(entries[8].Before!)));
    }

    [SkippableFact]
    public async Task Refused_and_failed_writes_leave_no_entry()
    {
        var store = await StoreAsync();
        await store.CreateActorAsync(Samples.Actor("a1"), None);
        await Assert.ThrowsAsync<StoreConflictException>(() => store.CreateActorAsync(Samples.Actor("a1"), None));
        await Assert.ThrowsAsync<StorePreconditionException>(() => store.UpdateActorAsync(Samples.Actor("a1"), 7, None));
        await Assert.ThrowsAsync<StoreNotFoundException>(() => store.DeleteActorAsync("nobody", null, None));
        await Assert.ThrowsAsync<StoreReferenceException>(() =>
            store.UpsertAsync([Samples.Actor("a2")], [Samples.Relationship("r1", "a2", "nobody")], None));

        var entry = Assert.Single(await store.ReadAuditAsync(new AuditQuery(100), None));
        Assert.Equal(("a1", "create"), (entry.EntityId, entry.Operation));
    }

    [SkippableFact]
    public async Task A_bulk_upsert_audits_each_created_and_updated_record()
    {
        var store = await StoreAsync();
        ChangeAuthor.Set("first");
        await store.CreateActorAsync(Samples.Actor("aa"), None);
        ChangeAuthor.Set("importer");
        await store.UpsertAsync(
            [Samples.Actor("aa") with { City = "Lyon" }, Samples.Actor("bb"), Samples.Actor("cc")],
            [Samples.Relationship("aa-bb", "aa", "bb"), Samples.Relationship("bb-cc", "bb", "cc")], None);
        await store.UpsertAsync([], [Samples.Relationship("aa-bb", "aa", "bb") with { Note = "again" }], None);
        ChangeAuthor.Set(null);

        var entries = (await store.ReadAuditAsync(new AuditQuery(100), None)).Reverse().ToList();

        Assert.Equal(
            [
                ("first", "aa", "create"), ("importer", "aa", "update"), ("importer", "bb", "create"), ("importer", "cc", "create"),
                ("importer", "aa-bb", "create"), ("importer", "bb-cc", "create"), ("importer", "aa-bb", "update"),
            ],
            entries.Select(e => (e.Who, e.EntityId, e.Operation)));
        Assert.Null(RecordJson.ReadActor(entries[1].Before!).City);
        Assert.Equal("Lyon", RecordJson.ReadActor(entries[1].After!).City);
        Assert.Null(RecordJson.ReadRelationship(entries[6].Before!).Note);
        Assert.Equal("again", RecordJson.ReadRelationship(entries[6].After!).Note);
    }

    [SkippableFact]
    public async Task Seeding_without_an_author_is_recorded_as_system()
    {
        var store = await StoreAsync();
        ChangeAuthor.Set(null);
        await store.SeedOnceAsync([Samples.Actor("aa"), Samples.Actor("bb")], [Samples.Relationship("r1", "aa", "bb")], None);

        var entries = await store.ReadAuditAsync(new AuditQuery(100), None);

        Assert.Equal(3, entries.Count);
        Assert.All(entries, e => Assert.Equal((ChangeAuthor.System, "create"), (e.Who, e.Operation)));
    }

    [SkippableFact]
    public async Task The_trail_reads_newest_first_by_cursor_entity_and_author()
    {
        var store = await StoreAsync();
        foreach (var (author, id) in new[] { ("ann", "a1"), ("bob", "a2"), ("ann", "a3") })
        {
            ChangeAuthor.Set(author);
            await store.CreateActorAsync(Samples.Actor(id), None);
        }
        ChangeAuthor.Set("bob");
        await store.UpdateActorAsync(Samples.Actor("a1") with { City = "Paris" }, 1, None);
        ChangeAuthor.Set(null);

        var all = await store.ReadAuditAsync(new AuditQuery(100), None);
        var firstPage = await store.ReadAuditAsync(new AuditQuery(2), None);
        var nextPage = await store.ReadAuditAsync(new AuditQuery(2, Before: firstPage[^1].Id), None);

        Assert.Equal(["a1", "a3", "a2", "a1"], all.Select(e => e.EntityId));
        Assert.Equal(all, [.. firstPage, .. nextPage]);
        Assert.Equal(["update", "create"], (await store.ReadAuditAsync(new AuditQuery(10, EntityId: "a1"), None)).Select(e => e.Operation));
        Assert.Equal(["a1", "a2"], (await store.ReadAuditAsync(new AuditQuery(10, Who: "bob"), None)).Select(e => e.EntityId));
    }

    [SkippableFact]
    public async Task The_trail_pages_by_offset_below_an_anchor_counts_its_matches_and_filters_by_type_and_operation()
    {
        var store = await StoreAsync();
        ChangeAuthor.Set("ann");
        await store.CreateActorAsync(Samples.Actor("a1"), None);
        await store.CreateActorAsync(Samples.Actor("a2"), None);
        await store.CreateRelationshipAsync(Samples.Relationship("r1", "a1", "a2"), None);
        await store.UpdateActorAsync(Samples.Actor("a1") with { City = "Paris" }, 1, None);
        var anchor = (await store.ReadAuditAsync(new AuditQuery(1), None))[0].Id;
        await store.DeleteRelationshipAsync("r1", null, None); // recorded after the anchor: no page below it shows it
        ChangeAuthor.Set(null);

        var below = new AuditQuery(2, Before: anchor + 1);
        var first = await store.ReadAuditAsync(below, None);
        var second = await store.ReadAuditAsync(below with { Offset = 2 }, None);

        Assert.Equal([("actor", "a1", "update"), ("relationship", "r1", "create")], first.Select(e => (e.EntityKind, e.EntityId, e.Operation)));
        Assert.Equal(["a2", "a1"], second.Select(e => e.EntityId));
        Assert.Equal(4, await store.CountAuditAsync(below, None));
        Assert.Equal(5, await store.CountAuditAsync(new AuditQuery(1), None));
        Assert.Equal(["r1", "r1"], (await store.ReadAuditAsync(new AuditQuery(10, EntityKind: "relationship"), None)).Select(e => e.EntityId));
        Assert.Equal(["delete"], (await store.ReadAuditAsync(new AuditQuery(10, EntityKind: "relationship", Operation: "delete"), None)).Select(e => e.Operation));
        Assert.Equal(1, await store.CountAuditAsync(new AuditQuery(10, Operation: "update"), None));
        Assert.Empty(await store.ReadAuditAsync(below with { Offset = 4 }, None));
    }
}
