using GraphApi.Core.Domain;
using GraphApi.Core.Graph;
using GraphApi.Sqlite;

namespace GraphApi.Storage.Tests.Replicas;

/// <summary>Two services on one store, as two replicas on one Neo4j (or the CLI beside the server on one file).</summary>
public sealed class SharedStoreTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "graphapi-replicas", Guid.NewGuid().ToString("N"));

    private GraphService NewReplica() =>
        new(new SqliteGraphStore(Path.Combine(_folder, "graph.db")), RelationshipTypeCatalogue.Default, Regions.Default);

    private static Actor Actor(string id) => new() { Id = id, Name = id, Kind = "Cluster", Country = "FR" };

    [Fact]
    public async Task A_write_after_another_replicas_write_publishes_both()
    {
        using var a = NewReplica();
        using var b = NewReplica();
        await a.Store.InitializeAsync(CancellationToken.None);
        await a.ReloadAsync(CancellationToken.None);
        await b.ReloadAsync(CancellationToken.None);

        await a.CreateActorAsync(Actor("from-a"), CancellationToken.None);
        await b.CreateActorAsync(Actor("from-b"), CancellationToken.None);
        await a.CreateActorAsync(Actor("from-a-again"), CancellationToken.None);

        // Without the reload, A would publish version 3 holding only its own actors, and its version poll
        // (store 3 == snapshot 3) would never notice B's write.
        Assert.NotNull(a.Snapshot.FindActor("from-b"));
        Assert.Equal(await a.Store.GetVersionAsync(CancellationToken.None), a.Snapshot.Version);
        Assert.True(await b.RefreshIfStaleAsync(CancellationToken.None));
        Assert.Equal(3, b.Snapshot.ActorCount);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
