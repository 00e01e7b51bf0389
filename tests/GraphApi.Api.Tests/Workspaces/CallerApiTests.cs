using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GraphApi.Api.Tests.Security;

namespace GraphApi.Api.Tests.Workspaces;

/// <summary>GET /api/me: the caller's roles and workspace, and for anonymous callers only that they are.</summary>
public sealed class CallerApiTests : IAsyncLifetime
{
    // Reads need a key here: "who am I" is answered anyway.
    private readonly GraphApiFactory _factory = WithPrivateReads(new GraphApiFactory(seed: false).WithWorkspaceKeys());

    private static GraphApiFactory WithPrivateReads(GraphApiFactory factory)
    {
        factory.Settings["Security:PublicReads"] = "false";
        return factory;
    }

    public Task InitializeAsync() => _factory.CreateWorkspacesAsync();

    public Task DisposeAsync()
    {
        _factory.Dispose();
        return Task.CompletedTask;
    }

    private static async Task<string> MeAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/api/me");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonSerializer.Serialize(await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    [Fact]
    public async Task An_anonymous_caller_is_told_only_that_even_where_reads_need_a_key()
    {
        using var anonymous = _factory.CreateAnonymousClient();
        Assert.Equal("""{"anonymous":true,"roles":[]}""", await MeAsync(anonymous));
        // Everything else still needs the key.
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/actors")).StatusCode);
    }

    [Fact]
    public async Task A_member_gets_its_roles_and_its_workspace_and_a_public_key_no_workspace()
    {
        using var north = _factory.ClientWithKey(WorkspaceKeys.NorthEditor);
        using var reader = _factory.ClientWithKey(WorkspaceKeys.NorthReader);
        using var publicEditor = _factory.ClientWithKey(WorkspaceKeys.PublicEditor);
        Assert.Equal("""{"anonymous":false,"roles":["reader","editor"],"workspace":{"id":"north","name":"North cluster"}}""", await MeAsync(north));
        Assert.Equal("""{"anonymous":false,"roles":["reader"],"workspace":{"id":"north","name":"North cluster"}}""", await MeAsync(reader));
        Assert.Equal("""{"anonymous":false,"roles":["reader","editor"]}""", await MeAsync(publicEditor));
    }

    [Fact]
    public async Task An_unknown_key_is_refused_and_a_renamed_workspace_answers_a_new_tag()
    {
        using var unknown = _factory.ClientWithKey("no-such-key-000000000");
        Assert.Equal(HttpStatusCode.Unauthorized, (await unknown.GetAsync("/api/me")).StatusCode);

        using var south = _factory.ClientWithKey(WorkspaceKeys.SouthEditor);
        using var first = await south.GetAsync("/api/me");
        var tag = first.Headers.ETag!;
        using var again = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        again.Headers.IfNoneMatch.Add(tag);
        Assert.Equal(HttpStatusCode.NotModified, (await south.SendAsync(again)).StatusCode);

        using var admin = _factory.CreateClient();
        (await admin.PatchAsync("/api/workspaces/south", JsonContent.Create(new { name = "South coast cluster" }))).EnsureSuccessStatusCode();
        using var renamed = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        renamed.Headers.IfNoneMatch.Add(tag);
        using var answer = await south.SendAsync(renamed);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Contains("South coast cluster", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_bound_to_a_deleted_workspace_names_none()
    {
        using var admin = _factory.CreateClient();
        (await admin.DeleteAsync("/api/workspaces/south")).EnsureSuccessStatusCode();
        using var south = _factory.ClientWithKey(WorkspaceKeys.SouthEditor);
        Assert.Equal("""{"anonymous":false,"roles":["reader","editor"]}""", await MeAsync(south));
    }
}
