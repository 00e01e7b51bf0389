using System.Text.Json;
using GraphApi.Core.Domain;
using GraphApi.Core.Graph;
using GraphApi.Core.Interchange;
using GraphApi.Sqlite;

namespace GraphApi.Storage.Tests.Snapshots;

/// <summary>
/// The command line's streaming import leaves a snapshot file that shows the store as the import left it (issue 26),
/// so the next start reads the file instead of every stored body; the file must equal what a load of the store
/// builds, revisions, regions and kept contact details included.
/// </summary>
public sealed class ImportedSnapshotFileTests : IDisposable
{
    private const string ActorsCsv = """
        id,name,aliases,kind,country,city,sectors,website,description,sources
        aa,Renamed by the import,,Cluster,FR,,water,,,
        bb,Name of bb,,University,DE,,,,,
        cc,새 클러스터,별칭|Alias,Cluster,KR,Daegu,water|ict,https://example.org,A description,report §3
        """;

    private const string RelationshipsCsv = """
        id,source,target,type,since,until,strength,eventName,eventDate,eventPlace,note,evidenceDocument,evidenceSection,evidenceQuote,inferred
        t1,aa,bb,MET_AT,2015-10,2020,0.45,TCI 2015,2015-10-20,Daegu,a note,report,3.6,a quote,true
        t2,bb,cc,PARTNER_OF,2019,,,,,,,,,,false
        """;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "graphapi-imported-snapshot", Guid.NewGuid().ToString("N"));

    public ImportedSnapshotFileTests() => Directory.CreateDirectory(_folder);

    private string DbPath => Path.Combine(_folder, "graph.db");

    private string FilePath => DbPath + ".snapshot";

    [Theory]
    [InlineData(false)] // into an empty store: the base is built from the rows
    [InlineData(true)] // over rows it updates: shown the way the write path shows an upsert
    public async Task An_import_leaves_a_snapshot_file_at_its_version_equal_to_a_load_of_the_store(bool seeded)
    {
        long version;
        using (var cli = await OpenAsync(snapshotFile: true))
        {
            if (seeded)
            {
                await SeedAsync(cli);
            }
            version = await ImportAsync(cli);
            Assert.Equal(version, cli.Snapshot.Version);
        }

        using var reference = await OpenAsync(snapshotFile: false);
        var saved = await ReadFileAsync(reference);
        Assert.NotNull(saved);
        Assert.Equal(version, saved.Version);
        AssertSame(reference.Snapshot, saved);
        Assert.Equal(seeded ? "Contact kept" : null, reference.Snapshot.FindActor("aa")!.Contact?.Email);
        Assert.Equal(seeded ? 2 : 1, saved.FindActor("aa")!.Revision);

        using var restarted = await OpenAsync(snapshotFile: true);
        Assert.True(restarted.LoadedFromSnapshotFile);
        AssertSame(reference.Snapshot, restarted.Snapshot);
    }

    [Fact]
    public async Task When_another_writer_committed_first_the_file_is_left_and_the_change_log_catches_up()
    {
        using (var cli = await OpenAsync(snapshotFile: true))
        {
            await SeedAsync(cli);
            using (var other = new GraphService(new SqliteGraphStore(DbPath), RelationshipTypeCatalogue.Default, Regions.Default))
            {
                await other.ReloadAsync(CancellationToken.None);
                await other.CreateActorAsync(Actor("zz") with { Name = "Written elsewhere" }, CancellationToken.None);
            }
            var version = await ImportAsync(cli);
            Assert.NotEqual(version, cli.Snapshot.Version);
        }

        using var reference = await OpenAsync(snapshotFile: false);
        var saved = await ReadFileAsync(reference);
        Assert.NotNull(saved);
        Assert.True(saved.Version < reference.Snapshot.Version);
        using var restarted = await OpenAsync(snapshotFile: true);
        AssertSame(reference.Snapshot, restarted.Snapshot);
        Assert.Equal("Written elsewhere", restarted.Snapshot.FindActor("zz")!.Name);
    }

    private async Task<GraphService> OpenAsync(bool snapshotFile)
    {
        var graph = new GraphService(new SqliteGraphStore(DbPath), RelationshipTypeCatalogue.Default, Regions.Default, snapshotFile: snapshotFile ? FilePath : null);
        await graph.Store.InitializeAsync(CancellationToken.None);
        await graph.ReloadAsync(CancellationToken.None);
        return graph;
    }

    /// <summary>Rows the import then updates (revisions 1 → 2, the contact details kept) beside one it leaves alone.</summary>
    private static Task<long> SeedAsync(GraphService graph) => graph.UpsertAsync(
        [Actor("aa") with { Contact = new ContactDetails("Contact kept", null) }, Actor("bb")],
        [new Relationship { Id = "t1", Source = "aa", Target = "bb", Type = "MOU" }],
        CancellationToken.None);

    private static Actor Actor(string id) => new() { Id = id, Name = $"Name of {id}", Kind = "Cluster", Country = "FR" };

    private static async Task<long> ImportAsync(GraphService graph)
    {
        var import = await GraphImport.StreamCsvAsync(graph, new StringReader(ActorsCsv), "actors.csv", new StringReader(RelationshipsCsv), "relationships.csv",
            new CsvReadOptions(), dryRun: false, workspace: null, CancellationToken.None);
        Assert.Empty(import.Errors);
        return import.Summary!.Version;
    }

    private async Task<GraphSnapshot?> ReadFileAsync(GraphService graph) =>
        SnapshotFile.Read(FilePath, (await graph.Store.GetIdentityAsync(CancellationToken.None))!, RelationshipTypeCatalogue.Default);

    private static void AssertSame(GraphSnapshot expected, GraphSnapshot actual)
    {
        Assert.Equal(expected.Version, actual.Version);
        Assert.Equal(Json(expected.Actors.OrderBy(a => a.Id, StringComparer.Ordinal)), Json(actual.Actors.OrderBy(a => a.Id, StringComparer.Ordinal)));
        Assert.Equal(Revisions(expected.Actors.Select(a => (a.Id, a.Revision))), Revisions(actual.Actors.Select(a => (a.Id, a.Revision))));
        Assert.Equal(Json(expected.Relationships.OrderBy(r => r.Id, StringComparer.Ordinal)), Json(actual.Relationships.OrderBy(r => r.Id, StringComparer.Ordinal)));
        Assert.Equal(Revisions(expected.Relationships.Select(r => (r.Id, r.Revision))), Revisions(actual.Relationships.Select(r => (r.Id, r.Revision))));
        foreach (var id in expected.Relationships.Select(r => r.Id))
        {
            // The packed fields, ends named by actor id (slots may be numbered differently).
            Assert.Equal(Packed(expected, id), Packed(actual, id));
        }
        Assert.True(actual.Matches(actual.IndexOf("cc"), TextSearch.Fold("별칭")));
    }

    private static (RelationshipFields Fields, string Source, string Target) Packed(GraphSnapshot snapshot, string relationshipId)
    {
        var fields = snapshot.Fields(snapshot.RelationshipSlotOf(relationshipId));
        return (fields.WithEnds(0, 0), snapshot.ActorAt(fields.Source).Id, snapshot.ActorAt(fields.Target).Id);
    }

    private static string Revisions(IEnumerable<(string Id, long Revision)> revisions) =>
        string.Join(",", revisions.OrderBy(r => r.Id, StringComparer.Ordinal).Select(r => $"{r.Id}:{r.Revision}"));

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
