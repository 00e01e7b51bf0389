using GraphApi.Core.Domain;
using GraphApi.Core.Storage;

namespace GraphApi.Storage.Tests.Contract;

/// <summary>Group commit (<see cref="IGraphStore.CommitBatchAsync"/>): every kind of write, each answered with its own typed outcome.</summary>
public abstract partial class GraphStoreContract
{
    [SkippableFact]
    public async Task A_batch_answers_each_kind_of_write_with_its_own_outcome_and_a_refusal_alone()
    {
        var store = await StoreAsync();
        await store.UpsertAsync([Samples.Actor("aa"), Samples.Actor("bb"), Samples.Actor("dup"), Samples.Actor("gone")],
            [Samples.Relationship("aa-bb", "aa", "bb"), Samples.Relationship("old", "bb", "gone")], None);
        var before = await store.GetVersionAsync(None);
        var catalogue = RelationshipTypeCatalogue.Default;

        Actor? created = null, updated = null;
        Relationship? tie = null, retyped = null;
        ActorDeletion? deletion = null;
        RelationshipDeletion? untied = null;
        Upserted? upserted = null;
        ActorMerge? merge = null;
        StoreException? refusal = null;
        var batch = await store.CommitBatchAsync(async into =>
        {
            created = await into.WriteAsync(new StoreWrite.CreateActor(Samples.Actor("cc")), None);
            updated = await into.WriteAsync(new StoreWrite.UpdateActor(Samples.Actor("aa") with { City = "Lyon" }, 1), None);
            tie = await into.WriteAsync(new StoreWrite.CreateRelationship(Samples.Relationship("bb-cc", "bb", "cc")), None);
            refusal = await Assert.ThrowsAsync<StoreConflictException>(() => into.WriteAsync(new StoreWrite.CreateActor(Samples.Actor("bb")), None));
            retyped = await into.WriteAsync(new StoreWrite.UpdateRelationship(Samples.Relationship("aa-bb", "aa", "bb", "MEMBER_OF"), 1), None);
            untied = await into.WriteAsync(new StoreWrite.DeleteRelationship("aa-bb", 2), None);
            deletion = await into.WriteAsync(new StoreWrite.DeleteActor("gone", null), None);
            upserted = await into.WriteAsync(new StoreWrite.Upsert([Samples.Actor("dd")], [Samples.Relationship("cc-dd", "cc", "dd")]), None);
            merge = await into.WriteAsync(new StoreWrite.MergeActors("dup", "dd", false, null, catalogue), None);
        }, None);

        Assert.Equal(("cc", 1L), (created?.Id, created?.Revision));
        Assert.Equal(("Lyon", 2L), (updated?.City, updated?.Revision));
        Assert.Equal(("bb-cc", 1L), (tie?.Id, tie?.Revision));
        Assert.Equal(("MEMBER_OF", 2L), (retyped?.Type, retyped?.Revision));
        Assert.Equal("aa-bb", untied?.RelationshipId);
        Assert.Equal(["old"], deletion?.RemovedRelationshipIds ?? []);
        Assert.Equal((1, 1), (upserted?.Actors, upserted?.Relationships));
        Assert.Equal(("dup", "dd"), (merge?.Merged, merge?.Into));
        Assert.NotNull(refusal);
        // One store version for the whole batch (SQLite) or one per write (Neo4j), but always counted from where it began.
        Assert.Equal(before, batch.VersionBefore);
        Assert.Equal(await store.GetVersionAsync(None), batch.Version);
        var data = await store.LoadAsync(None);
        Assert.Equal(["aa", "bb", "cc", "dd"], data.Actors.Select(a => a.Id));
        Assert.Equal(["bb-cc", "cc-dd"], data.Relationships.Select(r => r.Id));
        Assert.Equal(new ActorRedirect("dup", "dd"), await store.FindRedirectAsync("dup", None));
    }

    [SkippableFact]
    public async Task A_batch_in_which_every_write_is_refused_keeps_the_version()
    {
        var store = await StoreAsync();
        await store.CreateActorAsync(Samples.Actor("aa"), None);
        var before = await store.GetVersionAsync(None);

        await store.CommitBatchAsync(async into =>
        {
            await Assert.ThrowsAsync<StoreConflictException>(() => into.WriteAsync(new StoreWrite.CreateActor(Samples.Actor("aa")), None));
            await Assert.ThrowsAsync<StoreNotFoundException>(() => into.WriteAsync(new StoreWrite.DeleteActor("nobody", null), None));
        }, None);

        Assert.Equal(before, await store.GetVersionAsync(None));
    }
}
