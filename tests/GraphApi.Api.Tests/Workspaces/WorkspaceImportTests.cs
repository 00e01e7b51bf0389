using System.Net;
using GraphApi.Api.Tests.Security;
using GraphApi.Cli;
using GraphApi.Core.Domain;
using GraphApi.Sqlite;

namespace GraphApi.Api.Tests.Workspaces;

/// <summary>Imports into a workspace: POST /api/import?workspace= and the command line's --workspace; the rows are private to it.</summary>
public sealed class WorkspaceImportTests : IDisposable
{
    private readonly GraphApiFactory _factory = new GraphApiFactory(seed: false).WithWorkspaceKeys();
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "graphapi-cli-tests", Guid.NewGuid().ToString("N"));

    public WorkspaceImportTests() => Directory.CreateDirectory(_folder);

    public void Dispose()
    {
        _factory.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task An_import_into_a_workspace_makes_its_rows_private_to_it()
    {
        await _factory.CreateWorkspacesAsync();
        using var admin = _factory.CreateClient();
        using var north = _factory.ClientWithKey(WorkspaceKeys.NorthReader);
        using var anonymous = _factory.CreateAnonymousClient();
        (await admin.PostJsonAsync("/api/actors", TestKeys.NewActor("hub"))).EnsureSuccessStatusCode();

        var imported = await admin.PostJsonAsync("/api/import?workspace=north", new
        {
            actors = new[] { new { id = "north--our-contact", name = "Our contact", kind = "Company", country = "KR" } },
            relationships = new[] { new { id = "north--we-met", source = "hub", target = "north--our-contact", type = "MET_AT" } },
        });
        var unknown = await admin.PostJsonAsync("/api/import?workspace=nowhere", new { actors = new[] { new { id = "x1", name = "X", kind = "Company", country = "KR" } } });

        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        Assert.Equal("private", (await (await north.GetAsync("/api/relationships/north--we-met")).ReadJsonAsync())["visibility"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/api/actors/north--our-contact")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
    }

    [Fact]
    public async Task The_command_line_imports_into_a_workspace_it_is_given()
    {
        var db = Path.Combine(_folder, "graph.db");
        var store = new SqliteGraphStore(db);
        await store.InitializeAsync(CancellationToken.None);
        await store.CreateWorkspaceAsync(new Workspace("north", "North"), CancellationToken.None);
        var actors = Path.Combine(_folder, "actors.csv");
        File.WriteAllText(actors, "id,name,kind,country\nnorth--aa,A,Cluster,FR\nnorth--bb,B,Cluster,KR\n");
        var relationships = Path.Combine(_folder, "relationships.csv");
        File.WriteAllText(relationships, "id,source,target,type\nnorth--ab,north--aa,north--bb,MOU\n");

        Assert.Equal(CliCommands.Ok, await CliCommands.RunAsync(["import", "--actors", actors, "--relationships", relationships, "--db", db, "--workspace", "north"]));
        Assert.NotEqual(CliCommands.Ok, await CliCommands.RunAsync(["import", "--actors", actors, "--db", db, "--workspace", "south"]));

        var outside = Path.Combine(_folder, "outside.csv");
        File.WriteAllText(outside, "id,name,kind,country\nplain-id,P,Cluster,FR\n");
        Assert.Equal(CliCommands.Rejected, await CliCommands.RunAsync(["import", "--actors", outside, "--db", db, "--workspace", "north"]));

        var stored = await store.LoadAsync(CancellationToken.None);
        Assert.Equal([("north--aa", "north"), ("north--bb", "north")], stored.Actors.Select(a => (a.Id, a.Workspace)));
        Assert.Equal("north", Assert.Single(stored.Relationships).Workspace);
    }
}
