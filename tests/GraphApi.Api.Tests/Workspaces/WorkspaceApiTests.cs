using System.Net;
using System.Net.Http.Json;
using GraphApi.Api.Tests.Security;

namespace GraphApi.Api.Tests.Workspaces;

/// <summary>/api/workspaces: admins create, list, rename and delete workspaces; an admin bound to one sees only that one.</summary>
public sealed class WorkspaceApiTests : IDisposable
{
    private readonly GraphApiFactory _factory = new GraphApiFactory(seed: false).WithWorkspaceKeys();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task An_admin_creates_lists_renames_and_deletes_a_workspace()
    {
        using var admin = _factory.CreateClient();

        var created = await admin.PostJsonAsync("/api/workspaces", new { id = "north", name = "  North cluster " });
        var taken = await admin.PostJsonAsync("/api/workspaces", new { id = "north", name = "Again" });
        var list = await (await admin.GetAsync("/api/workspaces")).ReadJsonAsync();
        using var rename = new HttpRequestMessage(HttpMethod.Patch, "/api/workspaces/north") { Content = JsonContent.Create(new { name = "North network" }) };
        rename.Headers.TryAddWithoutValidation("If-Match", created.Headers.ETag!.ToString());
        var renamed = await admin.SendAsync(rename);
        var deleted = await admin.DeleteAsync("/api/workspaces/north");
        var gone = await admin.GetAsync("/api/workspaces/north");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("North cluster", (await created.ReadJsonAsync())["name"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        Assert.Equal(["north"], list["items"]!.AsArray().Select(w => w!["id"]!.GetValue<string>()));
        Assert.Equal((HttpStatusCode.OK, "\"2\""), (renamed.StatusCode, renamed.Headers.ETag!.ToString()));
        Assert.Equal("North network", (await renamed.ReadJsonAsync())["name"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task Only_admins_reach_workspaces_and_an_admin_bound_to_one_sees_only_that_one()
    {
        await _factory.CreateWorkspacesAsync();
        using var editor = _factory.ClientWithKey(WorkspaceKeys.NorthEditor);
        using var boundAdmin = _factory.ClientWithKey(WorkspaceKeys.NorthAdmin);

        var byEditor = await editor.GetAsync("/api/workspaces");
        var seen = await (await boundAdmin.GetAsync("/api/workspaces")).ReadJsonAsync();
        var other = await boundAdmin.GetAsync("/api/workspaces/south");
        var never = await boundAdmin.GetAsync("/api/workspaces/nowhere");
        var create = await boundAdmin.PostJsonAsync("/api/workspaces", new { id = "west", name = "West" });

        Assert.Equal(HttpStatusCode.Forbidden, byEditor.StatusCode);
        Assert.Equal(["north"], seen["items"]!.AsArray().Select(w => w!["id"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal((await never.ReadJsonAsync())["detail"]!.GetValue<string>().Replace("nowhere", "south", StringComparison.Ordinal),
            (await other.ReadJsonAsync())["detail"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
    }

    [Fact]
    public async Task A_workspace_needs_a_slug_id_and_a_name()
    {
        using var admin = _factory.CreateClient();

        var problem = await (await admin.PostJsonAsync("/api/workspaces", new { id = "North Cluster", name = " " })).ReadJsonAsync();

        Assert.Equal(["id", "name"], problem["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal));
    }
}
