using GraphApi.Core.Domain;
using GraphApi.Core.Graph;
using GraphApi.Core.Storage;

namespace GraphApi.Storage.Tests.Contract;

/// <summary>
/// Two store instances on one database, as two replicas: what one writes, the other reads from the change log
/// (<see cref="IGraphStore.ChangesSinceAsync"/>) and its graph service applies as a delta, never reloading, until the
/// log no longer reaches back to the follower's version, when it reloads and says so.
/// </summary>
public abstract partial class GraphStoreContract
{
    /// <summary>Prunes the store's change log up to <paramref name="floor"/>, as its periodic pruning does.</summary>
    protected abstract Task PruneChangeLogAsync(IGraphStore store, long floor);

    /// <summary>A writer seeded with hub, b, c, dup, keep, x and their ties, and a follower graph on a second instance.</summary>
    private async Task<(IGraphStore Writer, GraphService Follower)> TwoInstancesAsync()
    {
        var writer = await StoreAsync();
        await writer.UpsertAsync([.. new[] { "hub", "b", "c", "dup", "keep", "x" }.Select(id => Samples.Actor(id))],
        [
            Samples.Relationship("hub-b", "hub", "b"), Samples.Relationship("c-hub", "c", "hub", "MEMBER_OF"), Samples.Relationship("b-c", "b", "c"),
            Samples.Relationship("dup-x", "dup", "x"), Samples.Relationship("keep-x", "keep", "x", "PARTNER_OF"),
        ], None);
        var follower = new GraphService(await StoreAsync(), RelationshipTypeCatalogue.Default, Regions.Default);
        await follower.ReloadAsync(None);
        return (writer, follower);
    }

    /// <summary>The follower catches up without a reload and then shows exactly what the store holds.</summary>
    private static async Task AssertAppliedFromTheLogAsync(GraphService follower, IGraphStore store, long fullLoads)
    {
        Assert.True(await follower.RefreshIfStaleAsync(None));
        Assert.Equal(fullLoads, follower.FullLoads);
        await AssertShowsAsync(follower, store);
    }

    private static async Task AssertShowsAsync(GraphService follower, IGraphStore store)
    {
        var data = await store.LoadAsync(None);
        Assert.Equal(data.Version, follower.Snapshot.Version);
        // RecordJson leaves the derived region out, so a snapshot's actor and a stored one read the same.
        Assert.Equal(data.Actors.OrderBy(a => a.Id, StringComparer.Ordinal).Select(RecordJson.Write),
            follower.Snapshot.Actors.OrderBy(a => a.Id, StringComparer.Ordinal).Select(RecordJson.Write));
        Assert.Equal(data.Relationships.OrderBy(r => r.Id, StringComparer.Ordinal).Select(RecordJson.Write),
            follower.Snapshot.Relationships.OrderBy(r => r.Id, StringComparer.Ordinal).Select(RecordJson.Write));
    }

    [SkippableFact]
    public async Task Another_instance_reads_each_write_as_a_change_and_applies_it_without_reloading()
    {
        var (writer, graph) = await TwoInstancesAsync();
        using var follower = graph;
        Assert.Equal(1, follower.FullLoads);

        var version = follower.Snapshot.Version;
        await writer.UpdateActorAsync(Samples.Actor("b") with { Name = "B renamed", City = "Lyon" }, 1, None);
        var update = (await follower.Store.ChangesSinceAsync(version, None))!;
        Assert.Equal([("b", "B renamed", "Lyon", 2L)], update.Actors.Select(a => (a.Id, a.Name, a.City, a.Revision)));
        Assert.Empty(update.RemovedActorIds.Concat(update.RemovedRelationshipIds));
        Assert.Empty(update.Relationships);
        await AssertAppliedFromTheLogAsync(follower, writer, fullLoads: 1);

        version = follower.Snapshot.Version;
        await writer.DeleteActorAsync("hub", 1, None);
        var deletion = (await follower.Store.ChangesSinceAsync(version, None))!;
        Assert.Equal(["hub"], deletion.RemovedActorIds);
        Assert.Equal(["c-hub", "hub-b"], deletion.RemovedRelationshipIds);
        Assert.Empty(deletion.Actors);
        await AssertAppliedFromTheLogAsync(follower, writer, fullLoads: 1);

        version = follower.Snapshot.Version;
        await writer.MergeActorAsync(Merge("dup", "keep"), None);
        var merge = (await follower.Store.ChangesSinceAsync(version, None))!;
        Assert.Equal([("keep", 2L)], merge.Actors.Select(a => (a.Id, a.Revision)));
        Assert.Equal(["dup"], merge.RemovedActorIds);
        Assert.Equal(["dup-x:keep>x:2"], merge.Relationships.Select(r => $"{r.Id}:{r.Source}>{r.Target}:{r.Revision}"));
        await AssertAppliedFromTheLogAsync(follower, writer, fullLoads: 1);

        version = follower.Snapshot.Version;
        await writer.CommitBatchAsync(async into =>
        {
            await into.WriteAsync(new StoreWrite.CreateActor(Samples.Actor("d")), None);
            await into.WriteAsync(new StoreWrite.UpdateRelationship(Samples.Relationship("b-c", "b", "c") with { Note = "renewed" }, 1), None);
            await into.WriteAsync(new StoreWrite.CreateRelationship(Samples.Relationship("c-d", "c", "d", "SUPPORTS")), None);
            await into.WriteAsync(new StoreWrite.DeleteRelationship("keep-x", null), None);
            await into.WriteAsync(new StoreWrite.Upsert([Samples.Actor("e")], [Samples.Relationship("d-e", "d", "e")]), None);
        }, None);
        var batch = (await follower.Store.ChangesSinceAsync(version, None))!;
        Assert.Equal(["d", "e"], batch.Actors.Select(a => a.Id));
        Assert.Equal(["b-c:renewed:2", "c-d::1", "d-e::1"], batch.Relationships.Select(r => $"{r.Id}:{r.Note}:{r.Revision}"));
        Assert.Equal(["keep-x"], batch.RemovedRelationshipIds);
        Assert.Empty(batch.RemovedActorIds);
        await AssertAppliedFromTheLogAsync(follower, writer, fullLoads: 1);

        // The follower's own write, made before it saw the writer's next one, publishes both from the log too.
        await writer.CreateActorAsync(Samples.Actor("from-writer"), None);
        await follower.CreateActorAsync(Samples.Actor("from-follower"), None);
        Assert.Equal(1, follower.FullLoads);
        Assert.Equal(5, follower.CatchUpsFromChangeLog);
        await AssertShowsAsync(follower, writer);
    }

    [SkippableFact]
    public async Task A_follower_older_than_the_change_log_reloads_and_says_so()
    {
        var (writer, graph) = await TwoInstancesAsync();
        using var follower = graph;
        var version = follower.Snapshot.Version;
        long? reloadedFrom = null;
        follower.CaughtUpByReloading += (from, _) => reloadedFrom = from;
        await writer.UpdateActorAsync(Samples.Actor("b") with { Name = "B renamed" }, null, None);
        await writer.DeleteActorAsync("c", null, None);
        var current = await writer.GetVersionAsync(None);

        await PruneChangeLogAsync(writer, current - 1);

        Assert.Null(await follower.Store.ChangesSinceAsync(version, None));
        Assert.Equal(["c"], (await follower.Store.ChangesSinceAsync(current - 1, None))!.RemovedActorIds);
        Assert.True(await follower.RefreshIfStaleAsync(None));
        Assert.Equal((2L, 0L), (follower.FullLoads, follower.CatchUpsFromChangeLog));
        Assert.Equal(version, reloadedFrom);
        await AssertShowsAsync(follower, writer);
    }
}
