using GraphApi.Core.Domain;
using GraphApi.Core.Storage;

namespace GraphApi.Storage.Tests.Contract;

/// <summary>Merging duplicate actors (<see cref="StoreWrite.MergeActors"/>): the same promises from every store.</summary>
public abstract partial class GraphStoreContract
{
    /// <summary>
    /// dup and keep, both tied to x by an MoU (a duplicate once re-pointed), dup MEMBER_OF y, and an MoU between
    /// dup and keep (a self-loop once re-pointed).
    /// </summary>
    private async Task<IGraphStore> DuplicatesAsync()
    {
        var store = await StoreAsync();
        await store.CreateActorAsync(Samples.Actor("dup") with { Name = "KICOX (typo)", Aliases = ["Kicox"], Sources = ["import 2"] }, None);
        await store.CreateActorAsync(Samples.Actor("keep") with { Name = "KICOX", Aliases = ["한국산업단지공단"], Sources = ["report §2.1"] }, None);
        await store.CreateActorAsync(Samples.Actor("x"), None);
        await store.CreateActorAsync(Samples.Actor("y"), None);
        await store.CreateRelationshipAsync(Samples.Relationship("dup-x", "x", "dup"), None);
        await store.CreateRelationshipAsync(Samples.Relationship("keep-x", "keep", "x"), None);
        await store.CreateRelationshipAsync(Samples.Relationship("dup-y", "dup", "y", "MEMBER_OF"), None);
        await store.CreateRelationshipAsync(Samples.Relationship("dup-keep", "dup", "keep"), None);
        return store;
    }

    private static StoreWrite.MergeActors Merge(string id, string into, bool collapse = false, long? expected = null) =>
        new(id, into, collapse, expected, RelationshipTypeCatalogue.Default);

    [SkippableFact]
    public async Task A_merge_repoints_ties_joins_names_and_drops_self_loops_in_one_version()
    {
        var store = await DuplicatesAsync();
        var before = await store.GetVersionAsync(None);

        var merge = await store.MergeActorAsync(Merge("dup", "keep", expected: 1), None);

        Assert.Equal(before + 1, merge.Version);
        Assert.Equal(["dup-keep"], merge.SelfLoops);
        var duplicate = Assert.Single(merge.Duplicates);
        Assert.Equal("keep-x", duplicate.Kept);
        Assert.Equal(["dup-x"], duplicate.Others);
        Assert.Equal(["dup-keep"], merge.RemovedRelationshipIds);
        var data = await store.LoadAsync(None);
        Assert.Equal(["keep", "x", "y"], data.Actors.Select(a => a.Id));
        var keep = data.Actors.Single(a => a.Id == "keep");
        // "Kicox" is the target's own name but for case, so it is not repeated as an alias.
        Assert.Equal(["한국산업단지공단", "KICOX (typo)"], keep.Aliases);
        Assert.Equal(["report §2.1", "import 2"], keep.Sources);
        Assert.Equal(2, keep.Revision);
        Assert.Equal(["dup-x:x>keep:2", "dup-y:keep>y:2", "keep-x:keep>x:1"],
            data.Relationships.Select(r => $"{r.Id}:{r.Source}>{r.Target}:{r.Revision}"));
        Assert.Equal(merge.Version, data.Version);
        Assert.Equal(new ActorRedirect("dup", "keep"), await store.FindRedirectAsync("dup", None));
        Assert.Null(await store.FindRedirectAsync("keep", None));
    }

    [SkippableFact]
    public async Task Collapsing_keeps_the_targets_own_tie_and_removes_the_others()
    {
        var store = await DuplicatesAsync();

        var merge = await store.MergeActorAsync(Merge("dup", "keep", collapse: true), None);

        Assert.Equal(["dup-keep", "dup-x"], merge.RemovedRelationshipIds);
        Assert.Equal(["dup-y"], merge.Repointed.Select(r => r.Id));
        Assert.Equal(["dup-y", "keep-x"], (await store.LoadAsync(None)).Relationships.Select(r => r.Id));
    }

    [SkippableFact]
    public async Task A_refused_merge_changes_nothing()
    {
        var store = await DuplicatesAsync();
        var before = await store.LoadAsync(None);

        await Assert.ThrowsAsync<StorePreconditionException>(() => store.MergeActorAsync(Merge("dup", "keep", expected: 5), None));
        await Assert.ThrowsAsync<StoreNotFoundException>(() => store.MergeActorAsync(Merge("dup", "nobody"), None));
        await Assert.ThrowsAsync<StoreNotFoundException>(() => store.MergeActorAsync(Merge("nobody", "keep"), None));

        var after = await store.LoadAsync(None);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.Actors.Select(a => (a.Id, a.Revision)), after.Actors.Select(a => (a.Id, a.Revision)));
        Assert.Equal(before.Relationships, after.Relationships);
        Assert.Null(await store.FindRedirectAsync("dup", None));
    }

    [SkippableFact]
    public async Task Redirects_follow_a_later_merge_and_survive_a_restart()
    {
        var store = await DuplicatesAsync();
        await store.MergeActorAsync(Merge("dup", "keep"), None);
        await store.MergeActorAsync(Merge("keep", "x"), None);

        var reopened = await StoreAsync();

        Assert.Equal(new ActorRedirect("dup", "x"), await reopened.FindRedirectAsync("dup", None));
        Assert.Equal(new ActorRedirect("keep", "x"), await reopened.FindRedirectAsync("keep", None));
    }
}
