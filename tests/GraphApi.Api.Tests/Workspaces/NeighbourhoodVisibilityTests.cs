using System.Net;
using GraphApi.Api.Tests.Security;

namespace GraphApi.Api.Tests.Workspaces;

/// <summary>A neighbourhood tells a member which of its ties and actors are the workspace's own (the explorer draws them apart).</summary>
public sealed class NeighbourhoodVisibilityTests : IAsyncLifetime
{
    private readonly GraphApiFactory _factory = new GraphApiFactory(seed: false).WithWorkspaceKeys();

    public async Task InitializeAsync()
    {
        await _factory.CreateWorkspacesAsync();
        using var admin = _factory.CreateClient();
        using var north = _factory.ClientWithKey(WorkspaceKeys.NorthEditor);
        foreach (var id in new[] { "centre", "public-friend" })
        {
            Assert.Equal(HttpStatusCode.Created, (await admin.PostJsonAsync("/api/actors", TestKeys.NewActor(id))).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Created, (await admin.PostJsonAsync("/api/relationships", new { id = "centre-public", source = "centre", target = "public-friend", type = "MOU" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await north.PostJsonAsync("/api/actors", TestKeys.NewActor("north-friend"))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await north.PostJsonAsync("/api/relationships", new { id = "centre-north", source = "centre", target = "north-friend", type = "MET_AT" })).StatusCode);
    }

    public Task DisposeAsync()
    {
        _factory.Dispose();
        return Task.CompletedTask;
    }

    private static async Task<Dictionary<string, string?>> VisibilityAsync(HttpClient client, string list)
    {
        using var response = await client.GetAsync("/api/actors/centre/neighbourhood?depth=1");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        return body[list]!.AsArray().ToDictionary(n => n!["id"]!.GetValue<string>(), n => n!["visibility"]?.GetValue<string>());
    }

    [Fact]
    public async Task A_member_sees_its_own_ties_and_actors_marked_private_and_the_public_ones_unmarked()
    {
        using var north = _factory.ClientWithKey(WorkspaceKeys.NorthEditor);
        Assert.Equal(new Dictionary<string, string?> { ["centre-north"] = "private", ["centre-public"] = null }, await VisibilityAsync(north, "edges"));
        Assert.Equal(new Dictionary<string, string?> { ["centre"] = null, ["north-friend"] = "private", ["public-friend"] = null }, await VisibilityAsync(north, "nodes"));
    }

    [Fact]
    public async Task Anyone_else_sees_the_public_neighbourhood_with_nothing_marked()
    {
        using var anonymous = _factory.CreateAnonymousClient();
        using var south = _factory.ClientWithKey(WorkspaceKeys.SouthEditor);
        foreach (var client in new[] { anonymous, south })
        {
            Assert.Equal(new Dictionary<string, string?> { ["centre-public"] = null }, await VisibilityAsync(client, "edges"));
            Assert.Equal(new Dictionary<string, string?> { ["centre"] = null, ["public-friend"] = null }, await VisibilityAsync(client, "nodes"));
        }
    }
}
