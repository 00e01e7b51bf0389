using GraphApi.Cli;
using GraphApi.Sqlite;

namespace GraphApi.Api.Tests.Interchange;

/// <summary>The import/export verbs against an embedded store, run in-process as Program.cs runs them.</summary>
public sealed class CliTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "graphapi-cli-tests", Guid.NewGuid().ToString("N"));

    public CliTests() => Directory.CreateDirectory(_folder);

    private string Db => Path.Combine(_folder, "graph.db");

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static Task<int> Run(params string[] args) => CliCommands.RunAsync(args);

    private async Task<long> VersionAsync() => await new SqliteGraphStore(Db).GetVersionAsync(CancellationToken.None);

    [Fact]
    public async Task Imports_the_seed_and_exports_it_in_every_format()
    {
        var seed = InterchangeClient.SeedFolder;
        Assert.Equal(CliCommands.Ok, await Run("import", "--actors", Path.Combine(seed, "actors.csv"), "--relationships", Path.Combine(seed, "relationships.csv"), "--db", Db));
        var stored = await new SqliteGraphStore(Db).LoadAsync(CancellationToken.None);
        Assert.True(stored.Actors.Count >= 60);

        foreach (var format in new[] { "graphml", "gexf", "cytoscape", "csv", "json" })
        {
            var output = Path.Combine(_folder, "export." + format);
            Assert.Equal(CliCommands.Ok, await Run("export", "--format", format, "--out", output, "--db", Db));
            Assert.True(new FileInfo(output).Length > 1000, format);
        }
        var graphml = GraphXmlReader.ReadGraphML(await File.ReadAllTextAsync(Path.Combine(_folder, "export.graphml")));
        Assert.Equal((stored.Actors.Count, stored.Relationships.Count), (graphml.Nodes.Count, graphml.Edges.Count));
    }

    [Fact]
    public async Task Rejected_data_exits_1_and_writes_nothing()
    {
        var actors = Write("actors.csv", "id,name,kind,country\naa,A,Cluster,FR\nbb,B,Blob,FR\n");
        Assert.Equal(CliCommands.Rejected, await Run("import", "--actors", actors, "--db", Db));
        Assert.Equal(0, await VersionAsync());
    }

    [Fact]
    public async Task Dry_run_exits_0_and_writes_nothing()
    {
        var actors = Write("actors.csv", "id,name,kind,country\naa,A,Cluster,FR\n");
        Assert.Equal(CliCommands.Ok, await Run("import", "--actors", actors, "--db", Db, "--dry-run"));
        Assert.Equal(0, await VersionAsync());
        Assert.Equal(CliCommands.Ok, await Run("import", "--actors", actors, "--db", Db));
        Assert.Equal(1, await VersionAsync());
    }

    [Fact]
    public async Task Importing_again_updates_every_row_and_the_audit_trail_shows_both_imports()
    {
        var actors = Write("actors.csv", "id,name,kind,country\naa,A,Cluster,FR\nbb,B,Cluster,DE\n");
        var relationships = Write("relationships.csv", "id,source,target,type\nt1,aa,bb,MOU\n");
        Assert.Equal(CliCommands.Ok, await Run("import", "--actors", actors, "--relationships", relationships, "--db", Db));
        File.WriteAllText(actors, "id,name,kind,country\naa,A renamed,Cluster,FR\nbb,B,Cluster,DE\n");
        Assert.Equal(CliCommands.Ok, await Run("import", "--actors", actors, "--relationships", relationships, "--db", Db));

        var stored = await new SqliteGraphStore(Db).LoadAsync(CancellationToken.None);
        Assert.Equal(2, stored.Version);
        Assert.Equal([("aa", 2L, "A renamed"), ("bb", 2L, "B")], stored.Actors.Select(a => (a.Id, a.Revision, a.Name)));
        var audit = await new SqliteGraphStore(Db).ReadAuditAsync(new GraphApi.Core.Storage.AuditQuery(10, EntityId: "aa"), CancellationToken.None);
        Assert.Equal(["update", "create"], audit.Select(e => e.Operation));
        Assert.Contains("A renamed", audit[0].After, StringComparison.Ordinal);
        Assert.DoesNotContain("A renamed", audit[0].Before, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_relationship_file_alone_may_tie_actors_already_in_the_store()
    {
        var actors = Write("actors.csv", "id,name,kind,country\naa,A,Cluster,FR\nbb,B,Cluster,DE\n");
        Assert.Equal(CliCommands.Ok, await Run("import", "--actors", actors, "--db", Db));
        var relationships = Write("relationships.csv", "id,source,target,type\nt1,aa,bb,MOU\nt2,bb,nobody,MOU\n");
        Assert.Equal(CliCommands.Rejected, await Run("import", "--relationships", relationships, "--db", Db));
        File.WriteAllText(relationships, "id,source,target,type\nt1,aa,bb,MOU\n");
        Assert.Equal(CliCommands.Ok, await Run("import", "--relationships", relationships, "--db", Db));

        var stored = await new SqliteGraphStore(Db).LoadAsync(CancellationToken.None);
        Assert.Equal((2L, "t1"), (stored.Version, Assert.Single(stored.Relationships).Id));
    }

    [Theory]
    [InlineData("import", "--actors", "no-such-file.csv")]
    [InlineData("import", "--bogus", "x")]
    [InlineData("import")]
    [InlineData("export", "--format", "xml")]
    [InlineData("export", "--format", "json", "--actor", "nobody")]
    [InlineData("export", "--format", "json", "--depth", "two")]
    public async Task Wrong_usage_exits_2(params string[] args)
    {
        Assert.Equal(CliCommands.UsageError, await Run([.. args, "--db", Db]));
    }

    [Theory]
    [InlineData("import")]
    [InlineData("export")]
    public async Task Every_verb_has_help_and_exits_0(string verb)
    {
        Assert.Equal(CliCommands.Ok, await Run(verb, "--help"));
    }

    [Fact]
    public void Only_the_two_verbs_are_commands()
    {
        Assert.True(CliCommands.IsCommand(["import"]));
        Assert.True(CliCommands.IsCommand(["export", "--format", "json"]));
        Assert.False(CliCommands.IsCommand([]));
        Assert.False(CliCommands.IsCommand(["--urls", "http://localhost:5000"]));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
