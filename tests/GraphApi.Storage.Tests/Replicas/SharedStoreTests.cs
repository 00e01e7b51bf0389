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
    public async Task A_new_id_another_replica_took_meanwhile_is_not_reused()
    {
        using var a = NewReplica();
        using var b = NewReplica();
        await a.Store.InitializeAsync(CancellationToken.None);
        await a.ReloadAsync(CancellationToken.None);
        await b.ReloadAsync(CancellationToken.None);

        var first = await a.CreateActorWithNewIdAsync(Actor("") with { Name = "Pôle Eau" }, CancellationToken.None);
        // B has not seen A's write: its first pick collides in the store, it catches up and picks the next id.
        var second = await b.CreateActorWithNewIdAsync(Actor("") with { Name = "Pôle Eau" }, CancellationToken.None);

        Assert.Equal("pole-eau", first.Id);
        Assert.Equal("pole-eau-2", second.Id);
    }

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

    [Fact]
    public async Task A_replica_catches_up_from_the_change_log_without_reloading()
    {
        using var a = NewReplica();
        using var b = NewReplica();
        await a.Store.InitializeAsync(CancellationToken.None);
        await a.UpsertAsync([Actor("xx"), Actor("yy"), Actor("zz")],
            [new Relationship { Id = "xx-yy", Source = "xx", Target = "yy", Type = "MOU" }], CancellationToken.None);
        await b.ReloadAsync(CancellationToken.None);
        var baseBefore = b.Snapshot.Base;

        await a.UpdateActorAsync(Actor("xx") with { Name = "XX renamed" }, null, CancellationToken.None);
        await a.DeleteActorAsync("yy", null, CancellationToken.None);
        await a.CreateRelationshipAsync(new Relationship { Id = "xx-zz", Source = "xx", Target = "zz", Type = "MET_AT" }, CancellationToken.None);

        Assert.True(await b.RefreshIfStaleAsync(CancellationToken.None));
        Assert.Same(baseBefore, b.Snapshot.Base); // applied as a delta, not rebuilt
        Assert.Equal(a.Snapshot.Version, b.Snapshot.Version);
        Assert.Equal(["xx", "zz"], b.Snapshot.Actors.Select(x => x.Id));
        Assert.Equal("XX renamed", b.Snapshot.FindActor("xx")!.Name);
        Assert.Equal(2, b.Snapshot.FindActor("xx")!.Revision);
        Assert.Equal(["xx-zz"], b.Snapshot.Relationships.Select(r => r.Id));
        Assert.False(await b.RefreshIfStaleAsync(CancellationToken.None));
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
