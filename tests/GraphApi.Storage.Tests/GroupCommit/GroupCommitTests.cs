using GraphApi.Core.Domain;
using GraphApi.Core.Graph;
using GraphApi.Core.Storage;
using GraphApi.Sqlite;

namespace GraphApi.Storage.Tests.GroupCommit;

/// <summary>Batches of writes in one transaction, each refused write failing alone; merges that change no answer.</summary>
public sealed class GroupCommitTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "graphapi-group-commit", Guid.NewGuid().ToString("N"));

    private string DbPath => Path.Combine(_folder, "graph.db");

    private static Actor Actor(string id) => new() { Id = id, Name = id, Kind = "Cluster", Country = "FR" };

    private static Relationship Tie(string id, string source, string target) => new() { Id = id, Source = source, Target = target, Type = "MOU" };

    [Fact]
    public async Task A_batch_commits_under_one_version_and_refused_writes_fail_alone()
    {
        var store = new SqliteGraphStore(DbPath);
        await store.InitializeAsync(CancellationToken.None);
        await store.CreateActorAsync(Actor("existing"), CancellationToken.None);

        var refusals = new List<StoreException?>();
        Actor? created = null;
        var batch = await store.CommitBatchAsync(async into =>
        {
            created = await Outcome(into.WriteAsync(new StoreWrite.CreateActor(Actor("a")), CancellationToken.None), refusals);
            await Outcome(into.WriteAsync(new StoreWrite.CreateActor(Actor("existing")), CancellationToken.None), refusals);
            await Outcome(into.WriteAsync(new StoreWrite.CreateRelationship(Tie("a-nobody", "a", "nobody")), CancellationToken.None), refusals);
            await Outcome(into.WriteAsync(new StoreWrite.UpdateActor(Actor("existing") with { Name = "Renamed" }, ExpectedRevision: 7), CancellationToken.None), refusals);
            await Outcome(into.WriteAsync(new StoreWrite.CreateRelationship(Tie("a-existing", "a", "existing")), CancellationToken.None), refusals);
            await Outcome(into.WriteAsync(new StoreWrite.DeleteRelationship("missing", null), CancellationToken.None), refusals);
        }, CancellationToken.None);

        Assert.Equal((1L, 2L), (batch.VersionBefore, batch.Version));
        Assert.Equal([true, false, false, false, true, false], refusals.Select(r => r is null));
        Assert.IsType<StoreConflictException>(refusals[1]);
        Assert.IsType<StoreReferenceException>(refusals[2]);
        Assert.IsType<StorePreconditionException>(refusals[3]);
        Assert.IsType<StoreNotFoundException>(refusals[5]);
        Assert.Equal(("a", 1L), (created?.Id, created?.Revision));
        var data = await store.LoadAsync(CancellationToken.None);
        Assert.Equal(["a", "existing"], data.Actors.Select(a => a.Id));
        Assert.Equal("existing", data.Actors[1].Name);
        Assert.Equal(["a-existing"], data.Relationships.Select(r => r.Id));
        Assert.Equal(2, data.Version);
    }

    [Fact]
    public async Task The_change_log_lists_what_moved_after_a_version()
    {
        var store = new SqliteGraphStore(DbPath);
        await store.InitializeAsync(CancellationToken.None);
        await store.UpsertAsync([Actor("a"), Actor("b"), Actor("c")], [Tie("a-b", "a", "b"), Tie("b-c", "b", "c")], CancellationToken.None);
        var since = await store.GetVersionAsync(CancellationToken.None);

        await store.UpdateActorAsync(Actor("a") with { Name = "A2" }, null, CancellationToken.None);
        await store.DeleteActorAsync("c", null, CancellationToken.None);
        await store.CreateActorAsync(Actor("d"), CancellationToken.None);
        await store.CreateRelationshipAsync(Tie("a-d", "a", "d"), CancellationToken.None);

        var changes = await store.ChangesSinceAsync(since, CancellationToken.None);
        Assert.NotNull(changes);
        Assert.Equal(since + 4, changes.Version);
        Assert.Equal(["a", "d"], changes.Actors.Select(a => a.Id));
        Assert.Equal("A2", changes.Actors[0].Name);
        Assert.Equal(2, changes.Actors[0].Revision);
        Assert.Equal(["c"], changes.RemovedActorIds);
        Assert.Equal(["a-d"], changes.Relationships.Select(r => r.Id));
        Assert.Equal(["b-c"], changes.RemovedRelationshipIds);
        Assert.Null(await store.ChangesSinceAsync(changes.Version + 1, CancellationToken.None));
    }

    [Fact]
    public async Task Concurrent_writes_are_all_published_and_a_duplicate_fails_alone()
    {
        using var graph = new GraphService(new SqliteGraphStore(DbPath), RelationshipTypeCatalogue.Default, Regions.Default);
        await graph.Store.InitializeAsync(CancellationToken.None);
        await graph.ReloadAsync(CancellationToken.None);
        await graph.CreateActorAsync(Actor("hub"), CancellationToken.None);

        var writes = Enumerable.Range(0, 40).Select(i => graph.CreateActorAsync(Actor($"actor-{i:D2}"), CancellationToken.None)).ToList();
        var duplicate = graph.CreateActorAsync(Actor("hub"), CancellationToken.None);
        await Task.WhenAll(writes);
        await Assert.ThrowsAsync<StoreConflictException>(() => duplicate);

        var ties = Enumerable.Range(0, 40).Select(i => graph.CreateRelationshipAsync(Tie($"tie-{i:D2}", "hub", $"actor-{i:D2}"), CancellationToken.None));
        await Task.WhenAll(ties);

        var snapshot = graph.Snapshot;
        var store = await graph.Store.LoadAsync(CancellationToken.None);
        Assert.Equal(store.Version, snapshot.Version);
        Assert.Equal(store.Actors.Select(a => (a.Id, a.Revision)), snapshot.Actors.Select(a => (a.Id, a.Revision)));
        Assert.Equal(store.Relationships.Select(r => r.Id), snapshot.Relationships.Select(r => r.Id));
        Assert.Equal(40, snapshot.Degree(snapshot.IndexOf("hub")));
        // Batched: 81 acknowledged writes never need more versions than writes (and usually far fewer).
        Assert.InRange(store.Version, 2, 82);
    }

    [Fact]
    public async Task Background_merges_leave_the_graph_as_the_store_has_it()
    {
        using var graph = new GraphService(new SqliteGraphStore(DbPath), RelationshipTypeCatalogue.Default, Regions.Default, mergeThreshold: 4);
        await graph.Store.InitializeAsync(CancellationToken.None);
        await graph.ReloadAsync(CancellationToken.None);
        for (var i = 0; i < 30; i++)
        {
            await graph.CreateActorAsync(Actor($"m-{i:D2}"), CancellationToken.None);
            if (i > 0)
            {
                await graph.CreateRelationshipAsync(Tie($"t-{i:D2}", $"m-{i - 1:D2}", $"m-{i:D2}"), CancellationToken.None);
            }
            if (i % 7 == 6)
            {
                await graph.DeleteActorAsync($"m-{i - 3:D2}", null, CancellationToken.None);
            }
        }
        // Merges run beside the writer; a refresh goes through the writer, after any merge already queued.
        for (var wait = 0; wait < 100 && graph.Snapshot.PendingChanges >= 4; wait++)
        {
            await Task.Delay(50);
            await graph.RefreshIfStaleAsync(CancellationToken.None);
        }
        var snapshot = graph.Snapshot;
        Assert.True(snapshot.PendingChanges < 4, $"{snapshot.PendingChanges} changes still in the delta");
        var store = await graph.Store.LoadAsync(CancellationToken.None);
        Assert.Equal(store.Version, snapshot.Version);
        Assert.Equal(store.Actors.Select(a => a.Id), snapshot.Actors.Select(a => a.Id));
        Assert.Equal(store.Relationships.Select(r => r.Id), snapshot.Relationships.Select(r => r.Id));
        Assert.Equal("m-00>m-01>m-02", FewestHopsPath(snapshot, "m-00", "m-02"));
    }

    private static string FewestHopsPath(GraphSnapshot graph, string from, string to) =>
        string.Join('>', GraphApi.Core.Routing.FewestHops.Find(graph, from, to)!.Actors.Select(a => graph.ActorAt(a).Id));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    /// <summary>A write's typed outcome, noting the store's refusal (null when it was stored).</summary>
    private static async Task<T?> Outcome<T>(Task<T> write, List<StoreException?> refusals) where T : class
    {
        try
        {
            var outcome = await write;
            refusals.Add(null);
            return outcome;
        }
        catch (StoreException refusal)
        {
            refusals.Add(refusal);
            return null;
        }
    }
}
