using System.Text.Json;
using GraphApi.Core.Domain;
using GraphApi.Core.Graph;
using GraphApi.Sqlite;

namespace GraphApi.Storage.Tests.Snapshots;

/// <summary>The saved snapshot: read back whole, refused when it is not this store's, and caught up from the change log on restart.</summary>
public sealed class SnapshotFileTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "graphapi-snapshot-file", Guid.NewGuid().ToString("N"));

    public SnapshotFileTests() => Directory.CreateDirectory(_folder);

    private string DbPath => Path.Combine(_folder, "graph.db");

    private string FilePath => DbPath + ".snapshot";

    private static Actor Actor(string id, string country = "FR") => new()
    {
        Id = id,
        Name = $"Name of {id} 한국",
        Aliases = [id.ToUpperInvariant(), "별칭"],
        Kind = "Cluster",
        Country = country,
        Region = country == "KR" ? "KR" : "EU",
        Sectors = ["water", "ict"],
        City = "Daegu",
        Website = "https://example.org",
        Description = "A description",
        Sources = ["report §3"],
        Contact = new ContactDetails("a@example.org", null),
        Revision = 3,
    };

    private static Relationship Tie(string id, string source, string target) => new()
    {
        Id = id,
        Source = source,
        Target = target,
        Type = "MET_AT",
        Since = PartialDate.Parse("2015-10"),
        Until = PartialDate.Parse("2020"),
        Strength = 0.45,
        Event = new EventInfo("TCI 2015", PartialDate.Parse("2015-10-20"), "Daegu"),
        Note = "a note",
        Evidence = new Evidence("report", "3.6", "a quote"),
        Inferred = true,
        Revision = 2,
    };

    [Fact]
    public void A_saved_snapshot_reads_back_whole_and_only_for_its_store_and_catalogue()
    {
        var snapshot = GraphSnapshot.Build([Actor("aa"), Actor("bb", "KR"), Actor("cc") with { Contact = null, City = null, Aliases = [] }],
            [Tie("t1", "aa", "bb"), Tie("t2", "bb", "cc") with { Event = null, Evidence = null, Since = null, Strength = null, Note = null }],
            7, RelationshipTypeCatalogue.Default);
        SnapshotFile.Write(FilePath, "store-a", snapshot);

        var read = SnapshotFile.Read(FilePath, "store-a", RelationshipTypeCatalogue.Default);
        Assert.NotNull(read);
        Assert.Equal(7, read.Version);
        Assert.Equal(Json(snapshot.Actors), Json(read.Actors));
        Assert.Equal(Json(snapshot.Relationships), Json(read.Relationships));
        Assert.Equal(snapshot.Actors.Select(a => a.Revision), read.Actors.Select(a => a.Revision));
        Assert.Equal(snapshot.Relationships.Select(r => r.Revision), read.Relationships.Select(r => r.Revision));
        Assert.Equal(snapshot.Base.Fields, read.Base.Fields);
        Assert.Equal(snapshot.Base.ArcTarget, read.Base.ArcTarget);
        Assert.Equal(snapshot.Base.SearchText, read.Base.SearchText);
        Assert.True(read.Matches(read.IndexOf("bb"), TextSearch.Fold("별칭")));

        Assert.Null(SnapshotFile.Read(FilePath, "store-b", RelationshipTypeCatalogue.Default));
        var otherCatalogue = new RelationshipTypeCatalogue(RelationshipTypeCatalogue.Defaults.Select(t => t.Name == "MOU" ? t with { Strength = 0.8 } : t));
        Assert.Null(SnapshotFile.Read(FilePath, "store-a", otherCatalogue));

        // The header alone (read beside the change log at a start) names the same version, under the same conditions.
        Assert.Equal(7, SnapshotFile.SavedVersion(FilePath, "store-a", RelationshipTypeCatalogue.Default));
        Assert.Null(SnapshotFile.SavedVersion(FilePath, "store-b", RelationshipTypeCatalogue.Default));
        Assert.Null(SnapshotFile.SavedVersion(FilePath, "store-a", otherCatalogue));
        Assert.Null(SnapshotFile.SavedVersion(FilePath + ".missing", "store-a", RelationshipTypeCatalogue.Default));
    }

    [Fact]
    public async Task A_restart_reads_the_saved_snapshot_and_the_changes_since()
    {
        using (var first = NewService())
        {
            await first.Store.InitializeAsync(CancellationToken.None);
            await first.ReloadAsync(CancellationToken.None);
            await first.UpsertAsync([Actor("aa"), Actor("bb", "KR"), Actor("cc")], [Tie("t1", "aa", "bb")], CancellationToken.None);
            Assert.False(first.LoadedFromSnapshotFile);
        }
        Assert.True(File.Exists(FilePath)); // saved at shutdown

        // Another writer (a CLI, a second service without a snapshot file) moves the store on.
        using (var other = new GraphService(new SqliteGraphStore(DbPath), RelationshipTypeCatalogue.Default, Regions.Default))
        {
            await other.ReloadAsync(CancellationToken.None);
            await other.DeleteActorAsync("cc", null, CancellationToken.None);
            await other.CreateRelationshipAsync(Tie("t2", "bb", "aa"), CancellationToken.None);
            await other.UpdateActorAsync(Actor("aa") with { Name = "Renamed" }, null, CancellationToken.None);
        }

        using var restarted = NewService();
        await restarted.ReloadAsync(CancellationToken.None);
        Assert.True(restarted.LoadedFromSnapshotFile);
        var store = await restarted.Store.LoadAsync(CancellationToken.None);
        Assert.Equal(store.Version, restarted.Snapshot.Version);
        Assert.Equal(store.Actors.Select(a => (a.Id, a.Name, a.Revision)), restarted.Snapshot.Actors.Select(a => (a.Id, a.Name, a.Revision)));
        Assert.Equal(store.Relationships.Select(r => (r.Id, r.Revision)), restarted.Snapshot.Relationships.Select(r => (r.Id, r.Revision)));
    }

    [Fact]
    public async Task Private_records_are_saved_beside_the_public_graph_and_a_restart_shows_each_workspace_what_a_store_load_does()
    {
        using (var first = NewService())
        {
            await first.Store.InitializeAsync(CancellationToken.None);
            await first.ReloadAsync(CancellationToken.None);
            await first.CreateWorkspaceAsync(new Workspace("north", "North"), CancellationToken.None);
            await first.CreateWorkspaceAsync(new Workspace("south", "South"), CancellationToken.None);
            await first.UpsertAsync([Actor("aa"), Actor("bb", "KR"), Actor("north--ours") with { Workspace = "north" }],
                [Tie("t1", "aa", "bb"), Tie("north--t2", "aa", "north--ours") with { Workspace = "north" }, Tie("south--t3", "bb", "aa") with { Workspace = "south" }],
                CancellationToken.None);
        }
        using (var later = new GraphService(new SqliteGraphStore(DbPath), RelationshipTypeCatalogue.Default, Regions.Default))
        {
            await later.ReloadAsync(CancellationToken.None);
            await later.CreateRelationshipAsync(Tie("north--t4", "bb", "north--ours") with { Workspace = "north" }, CancellationToken.None);
        }

        using var restarted = NewService();
        Exception? failed = null;
        restarted.SnapshotFileFailed += ex => failed = ex;
        Assert.True(File.Exists(FilePath));
        await restarted.ReloadAsync(CancellationToken.None);
        Assert.Null(failed);
        using var loaded = new GraphService(new SqliteGraphStore(DbPath), RelationshipTypeCatalogue.Default, Regions.Default);
        await loaded.ReloadAsync(CancellationToken.None);

        Assert.True(restarted.LoadedFromSnapshotFile);
        foreach (var workspace in new[] { null, "north", "south" })
        {
            var (fromFile, fromStore) = (restarted.Snapshot.ForWorkspace(workspace), loaded.Snapshot.ForWorkspace(workspace));
            Assert.Equal(Json(fromStore.Actors), Json(fromFile.Actors));
            Assert.Equal(Json(fromStore.Relationships), Json(fromFile.Relationships));
        }
        Assert.Equal(["north--t2", "north--t4", "t1"], restarted.Snapshot.ForWorkspace("north").Relationships.Select(r => r.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_damaged_or_foreign_snapshot_file_is_ignored_and_the_store_is_read()
    {
        using (var first = NewService())
        {
            await first.Store.InitializeAsync(CancellationToken.None);
            await first.ReloadAsync(CancellationToken.None);
            await first.UpsertAsync([Actor("aa"), Actor("bb")], [Tie("t1", "aa", "bb")], CancellationToken.None);
        }
        var bytes = await File.ReadAllBytesAsync(FilePath);
        await File.WriteAllBytesAsync(FilePath, bytes[..(bytes.Length / 2)]);
        var failures = new List<Exception>();
        using (var restarted = NewService())
        {
            restarted.SnapshotFileFailed += failures.Add;
            await restarted.ReloadAsync(CancellationToken.None);
            Assert.False(restarted.LoadedFromSnapshotFile);
            Assert.Equal(["aa", "bb"], restarted.Snapshot.Actors.Select(a => a.Id));
        }
        Assert.NotEmpty(failures);

        // A new store at the same version is not the one the file was saved from.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(DbPath);
        using var fresh = NewService();
        await fresh.Store.InitializeAsync(CancellationToken.None);
        await fresh.UpsertAsync([Actor("zz")], [], CancellationToken.None);
        await fresh.ReloadAsync(CancellationToken.None);
        Assert.False(fresh.LoadedFromSnapshotFile);
        Assert.Equal(["zz"], fresh.Snapshot.Actors.Select(a => a.Id));
    }

    [Fact]
    public async Task Once_writes_pause_after_a_merge_the_file_is_saved_at_the_latest_version()
    {
        using var service = new GraphService(new SqliteGraphStore(DbPath), RelationshipTypeCatalogue.Default, Regions.Default, mergeThreshold: 4, snapshotFile: FilePath);
        await service.Store.InitializeAsync(CancellationToken.None);
        await service.ReloadAsync(CancellationToken.None);
        foreach (var id in new[] { "aa", "bb", "cc", "dd", "ee", "ff" })
        {
            await service.CreateActorAsync(Actor(id), CancellationToken.None);
        }
        var identity = (await service.Store.GetIdentityAsync(CancellationToken.None))!;

        // No shutdown: only the pause after the merge can have saved the file at the last write's version.
        var saved = -1L;
        for (var tries = 0; tries < 300 && saved != service.Snapshot.Version; tries++)
        {
            await Task.Delay(100);
            saved = File.Exists(FilePath) ? SnapshotFile.Read(FilePath, identity, RelationshipTypeCatalogue.Default)?.Version ?? -1 : -1;
        }
        Assert.Equal(service.Snapshot.Version, saved);
    }

    [Fact]
    public async Task Once_writes_pause_the_compact_graph_that_was_saved_is_served_instead_of_kept_beside_the_delta()
    {
        using var service = new GraphService(new SqliteGraphStore(DbPath), RelationshipTypeCatalogue.Default, Regions.Default, mergeThreshold: 4, snapshotFile: FilePath);
        await service.Store.InitializeAsync(CancellationToken.None);
        await service.ReloadAsync(CancellationToken.None);
        string[] ids = ["aa", "bb", "cc", "dd", "ee", "ff"];
        foreach (var id in ids)
        {
            await service.CreateActorAsync(Actor(id), CancellationToken.None);
        }
        var written = service.Snapshot;
        Assert.False(written.IsCompact); // the merge at 4 changes left 2 in a delta

        for (var tries = 0; tries < 300 && !service.Snapshot.IsCompact; tries++)
        {
            await Task.Delay(100);
        }
        var served = service.Snapshot;
        Assert.True(served.IsCompact, "the pause after the writes left the base and its delta in service");
        Assert.Equal(written.Version, served.Version);
        Assert.Equal(ids, served.Actors.Select(a => a.Id).Order(StringComparer.Ordinal));

        // Writes go on from the compact graph as from any merged base.
        await service.CreateActorAsync(Actor("gg"), CancellationToken.None);
        Assert.Equal([.. ids, "gg"], service.Snapshot.Actors.Select(a => a.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Under_writes_that_never_pause_a_merge_saves_the_file_once_it_is_old()
    {
        using var service = new GraphService(new SqliteGraphStore(DbPath), RelationshipTypeCatalogue.Default, Regions.Default, mergeThreshold: 4, snapshotFile: FilePath);
        await service.Store.InitializeAsync(CancellationToken.None);
        await service.ReloadAsync(CancellationToken.None);
        var identity = (await service.Store.GetIdentityAsync(CancellationToken.None))!;
        var loadedAt = service.Snapshot.Version;

        // A write every 200 ms: never the 2 s pause that saves the file otherwise, so only a merge's save can move it.
        var saved = -1L;
        for (var n = 0; n < 150 && saved <= loadedAt; n++)
        {
            await service.CreateActorAsync(Actor($"w{n:D3}"), CancellationToken.None);
            await Task.Delay(200);
            saved = File.Exists(FilePath) ? SnapshotFile.Read(FilePath, identity, RelationshipTypeCatalogue.Default)?.Version ?? -1 : -1;
        }

        Assert.True(saved > loadedAt, $"the file stayed at version {saved} (loaded at {loadedAt}) through {service.Snapshot.Version} versions of writes");
        Assert.True(saved <= service.Snapshot.Version);
    }

    private GraphService NewService() =>
        new(new SqliteGraphStore(DbPath), RelationshipTypeCatalogue.Default, Regions.Default, snapshotFile: FilePath);

    private static string Json<T>(T value) => JsonSerializer.Serialize(value);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
