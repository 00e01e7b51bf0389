using GraphApi.Core.Domain;
using GraphApi.Core.Graph;
using GraphApi.Sqlite;

namespace GraphApi.Storage.Tests.Replicas;

/// <summary>
/// A service that cannot apply what another writer committed (a fault injected into the catch-up) is behind its
/// store: it says so, refuses writes without storing them, keeps its last snapshot, and catches up by itself.
/// </summary>
public sealed class LaggingReplicaTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "graphapi-lagging-replica", Guid.NewGuid().ToString("N"));
    private int _failing;

    private string DbPath => Path.Combine(_folder, "graph.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private static Actor Actor(string id) => new() { Id = id, Name = id, Kind = "Cluster", Country = "FR" };

    private async Task<GraphService> StartAsync()
    {
        var graph = new GraphService(new SqliteGraphStore(DbPath), RelationshipTypeCatalogue.Default, Regions.Default);
        await graph.Store.InitializeAsync(CancellationToken.None);
        await graph.ReloadAsync(CancellationToken.None);
        return graph;
    }

    [Fact]
    public async Task A_catch_up_that_fails_leaves_the_service_behind_until_it_reloads_by_itself()
    {
        using var other = await StartAsync();
        using var graph = await StartAsync();
        graph.FirstReloadDelay = TimeSpan.FromMilliseconds(20);
        graph.MaxReloadDelay = TimeSpan.FromMilliseconds(100);
        graph.BeforePublishFromStore = () =>
        {
            if (Volatile.Read(ref _failing) == 1)
            {
                throw new InvalidOperationException("injected: applying the store's changes failed");
            }
        };
        await other.CreateActorAsync(Actor("from-other"), CancellationToken.None);
        var before = graph.Snapshot;
        Volatile.Write(ref _failing, 1);

        await Assert.ThrowsAsync<InvalidOperationException>(() => graph.RefreshIfStaleAsync(CancellationToken.None));

        Assert.NotNull(graph.Lag);
        Assert.Same(before, graph.Snapshot);
        var refused = await Assert.ThrowsAsync<SnapshotBehindException>(() => graph.CreateActorAsync(Actor("from-this"), CancellationToken.None));
        Assert.False(refused.Committed);
        Assert.InRange(refused.RetryAfterSeconds, 1, 60);
        Assert.Null((await graph.Store.LoadAsync(CancellationToken.None)).Actors.FirstOrDefault(a => a.Id == "from-this"));

        Volatile.Write(ref _failing, 0);
        for (var waited = 0; graph.Lag is not null; waited += 20)
        {
            Assert.True(waited < 30_000, "the service did not catch up by itself within 30 s");
            await Task.Delay(20);
        }
        Assert.NotNull(graph.Snapshot.FindActor("from-other"));
        await graph.CreateActorAsync(Actor("from-this"), CancellationToken.None);
        Assert.Equal(await graph.Store.GetVersionAsync(CancellationToken.None), graph.Snapshot.Version);
    }
}
