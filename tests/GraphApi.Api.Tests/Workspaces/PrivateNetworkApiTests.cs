using System.Net;
using System.Net.Http.Json;
using GraphApi.Api.Tests.Security;

namespace GraphApi.Api.Tests.Workspaces;

/// <summary>
/// Two workspaces with private ties to the same public actors: each gets routes through its own ties only, and neither
/// (nor an anonymous caller) can find, count, export or infer the other's records.
/// </summary>
public sealed partial class PrivateNetworkApiTests : IAsyncLifetime
{
    private readonly GraphApiFactory _factory = new GraphApiFactory(seed: false).WithWorkspaceKeys();
    private HttpClient _admin = null!;
    private HttpClient _north = null!;
    private HttpClient _south = null!;
    private HttpClient _anonymous = null!;

    public async Task InitializeAsync()
    {
        _admin = _factory.CreateClient();
        _north = _factory.ClientWithKey(WorkspaceKeys.NorthEditor);
        _south = _factory.ClientWithKey(WorkspaceKeys.SouthEditor);
        _anonymous = _factory.CreateAnonymousClient();
        await _factory.CreateWorkspacesAsync();
        foreach (var id in new[] { "asker", "hub", "relay", "target" })
        {
            await Expect(_admin.PostJsonAsync("/api/actors", TestKeys.NewActor(id)), HttpStatusCode.Created);
        }
        // The public route is long and weak: asker - hub - relay - target.
        foreach (var (id, source, target) in new[] { ("asker-hub", "asker", "hub"), ("hub-relay", "hub", "relay"), ("relay-target", "relay", "target") })
        {
            await Expect(_admin.PostJsonAsync("/api/relationships", new { id, source, target, type = "CO_ORGANISED" }), HttpStatusCode.Created);
        }
        // North knows the target directly; south knows it through a contact of its own.
        await Expect(_north.PostJsonAsync("/api/relationships", new { id = "north--knows-target", source = "asker", target = "target", type = "PARTNER_OF" }), HttpStatusCode.Created);
        await Expect(_south.PostJsonAsync("/api/actors", TestKeys.NewActor("south--friend")), HttpStatusCode.Created);
        await Expect(_south.PostJsonAsync("/api/relationships", new { id = "south--asker-friend", source = "asker", target = "south--friend", type = "PARTNER_OF" }), HttpStatusCode.Created);
        await Expect(_south.PostJsonAsync("/api/relationships", new { id = "south--friend-target", source = "south--friend", target = "target", type = "PARTNER_OF" }), HttpStatusCode.Created);
    }

    public Task DisposeAsync()
    {
        foreach (var client in new[] { _admin, _north, _south, _anonymous })
        {
            client.Dispose();
        }
        _factory.Dispose();
        return Task.CompletedTask;
    }

    private static async Task<HttpResponseMessage> Expect(Task<HttpResponseMessage> sent, HttpStatusCode status)
    {
        var response = await sent;
        Assert.True(response.StatusCode == status, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return response;
    }

    /// <summary>The body with the id asked for replaced and the request's own trace id left out: what must be the same.</summary>
    private static async Task<string> BodyWithout(HttpResponseMessage response, string id)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (System.Text.Json.Nodes.JsonNode.Parse(text) is System.Text.Json.Nodes.JsonObject problem)
        {
            problem.Remove("traceId");
            text = problem.ToJsonString();
        }
        return text.Replace(id, "ID", StringComparison.Ordinal);
    }

    private static async Task<string[]> BestPath(HttpClient client)
    {
        var answer = await (await Expect(client.PostJsonAsync("/api/routes/introductions", new { from = new[] { "asker" }, to = new { id = "target" } }), HttpStatusCode.OK)).ReadJsonAsync();
        return [.. answer["routes"]![0]!["path"]!.AsArray().Select(n => n!.GetValue<string>())];
    }

    [Fact]
    public async Task Each_workspace_routes_through_its_own_ties_and_everyone_else_through_the_public_graph()
    {
        Assert.Equal(["asker", "target"], await BestPath(_north));
        Assert.Equal(["asker", "south--friend", "target"], await BestPath(_south));
        Assert.Equal(["asker", "hub", "relay", "target"], await BestPath(_anonymous));
        Assert.Equal(["asker", "hub", "relay", "target"], await BestPath(_admin));
        var step = (await (await _north.PostJsonAsync("/api/routes/introductions", new { from = new[] { "asker" }, to = new { id = "target" } })).ReadJsonAsync())["routes"]![0]!["steps"]![0]!;
        Assert.Equal("private", step["visibility"]!.GetValue<string>());
    }

    [Fact]
    public async Task Records_show_their_visibility_and_owner_to_their_workspace()
    {
        var tie = await (await Expect(_north.GetAsync("/api/relationships/north--knows-target"), HttpStatusCode.OK)).ReadJsonAsync();
        var actor = await (await Expect(_north.GetAsync("/api/actors/hub"), HttpStatusCode.OK)).ReadJsonAsync();

        Assert.Equal(("private", "north"), (tie["visibility"]!.GetValue<string>(), tie["workspace"]!.GetValue<string>()));
        Assert.Equal("public", actor["visibility"]!.GetValue<string>());
        Assert.Null(actor["workspace"]);
    }

    [Theory]
    [InlineData("/api/actors/{0}")]
    [InlineData("/api/actors/{0}/neighbourhood")]
    [InlineData("/api/relationships?actor={0}")]
    [InlineData("/api/routes/shortest?from=asker&to={0}")]
    [InlineData("/api/export?format=json&ids={0}")]
    public async Task Another_workspaces_actor_answers_exactly_as_an_id_that_never_existed(string template)
    {
        foreach (var client in new[] { _north, _anonymous, _admin })
        {
            var hidden = await client.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, template, "south--friend"));
            var never = await client.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, template, "south--no-such-friend"));

            Assert.Equal(never.StatusCode, hidden.StatusCode);
            Assert.Equal(await BodyWithout(never, "south--no-such-friend"), await BodyWithout(hidden, "south--friend"));
        }
    }

    [Fact]
    public async Task Another_workspaces_relationship_answers_every_method_as_one_that_never_existed()
    {
        async Task<string> Answer(HttpMethod method, string id, object? body = null)
        {
            using var request = new HttpRequestMessage(method, $"/api/relationships/{id}") { Content = body is null ? null : JsonContent.Create(body) };
            var response = await _north.SendAsync(request);
            return $"{(int)response.StatusCode} " + await BodyWithout(response, id);
        }

        var replacement = new { source = "asker", target = "hub", type = "MOU" };
        Assert.Equal(await Answer(HttpMethod.Get, "south--no-such-tie"), await Answer(HttpMethod.Get, "south--asker-friend"));
        Assert.Equal(await Answer(HttpMethod.Put, "south--no-such-tie", replacement), await Answer(HttpMethod.Put, "south--asker-friend", replacement));
        Assert.Equal(await Answer(HttpMethod.Delete, "south--no-such-tie"), await Answer(HttpMethod.Delete, "south--asker-friend"));
        Assert.Equal(HttpStatusCode.OK, (await _south.GetAsync("/api/relationships/south--asker-friend")).StatusCode);
    }

    [Fact]
    public async Task Lists_counts_and_search_hold_only_what_the_caller_may_see()
    {
        async Task<(int Total, string[] Ids)> Ties(HttpClient client)
        {
            var page = await (await Expect(client.GetAsync("/api/relationships?limit=100"), HttpStatusCode.OK)).ReadJsonAsync();
            return (page["total"]!.GetValue<int>(), [.. page["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>())]);
        }

        var north = await Ties(_north);
        var anonymous = await Ties(_anonymous);
        var search = await (await Expect(_north.GetAsync("/api/actors?q=friend"), HttpStatusCode.OK)).ReadJsonAsync();

        Assert.Equal((4, ["asker-hub", "hub-relay", "north--knows-target", "relay-target"]), (north.Total, north.Ids), new TotalAndIds());
        Assert.Equal((3, ["asker-hub", "hub-relay", "relay-target"]), (anonymous.Total, anonymous.Ids), new TotalAndIds());
        Assert.Equal(0, search["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task Another_workspaces_writes_move_no_etag_of_the_public_graph_or_of_a_workspace()
    {
        var publicTag = (await _anonymous.GetAsync("/api/relationships")).Headers.ETag;
        var northTag = (await _north.GetAsync("/api/relationships")).Headers.ETag;

        await Expect(_south.PostJsonAsync("/api/relationships", new { id = "south--hub-target", source = "hub", target = "target", type = "MOU" }), HttpStatusCode.Created);

        Assert.Equal(publicTag, (await _anonymous.GetAsync("/api/relationships")).Headers.ETag);
        Assert.Equal(northTag, (await _north.GetAsync("/api/relationships")).Headers.ETag);
        Assert.NotEqual(northTag, (await _south.GetAsync("/api/relationships")).Headers.ETag);
    }

    [Fact]
    public async Task Analyses_use_the_public_graph_unless_a_member_asks_for_their_workspace()
    {
        async Task<int> Degree(HttpClient client, string query)
        {
            var page = await (await Expect(client.GetAsync($"/api/analysis/centrality?measures=degree&actors=target{query}"), HttpStatusCode.OK)).ReadJsonAsync();
            return page["items"]![0]!["degree"]!.GetValue<int>();
        }

        Assert.Equal(1, await Degree(_north, ""));
        Assert.Equal(2, await Degree(_north, "&scope=workspace"));
        Assert.Equal(2, await Degree(_south, "&scope=WORKSPACE"));
        Assert.Equal(1, await Degree(_anonymous, ""));
        Assert.Equal(HttpStatusCode.BadRequest, (await _anonymous.GetAsync("/api/analysis/centrality?measures=degree&scope=workspace")).StatusCode);
    }

    [Fact]
    public async Task Visibility_changes_only_by_its_own_audited_write()
    {
        var replaced = await _north.PutAsJsonAsync("/api/relationships/north--knows-target", new { source = "asker", target = "target", type = "PARTNER_OF", visibility = "public" });
        var publicActor = await _north.PostJsonAsync("/api/actors/hub/visibility", new { visibility = "private" });
        var published = await _north.PostJsonAsync("/api/relationships/north--knows-target/visibility", new { visibility = "public" });
        var audit = await (await _admin.GetAsync("/api/audit?entityId=north--knows-target&limit=1")).ReadJsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, replaced.StatusCode);
        Assert.Contains("/api/relationships/north--knows-target/visibility", TestJson.OnlyErrorsOf(await replaced.ReadJsonAsync(), "visibility")[0], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, publicActor.StatusCode);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.Equal("public", (await published.ReadJsonAsync())["visibility"]!.GetValue<string>());
        Assert.Equal(["asker", "target"], await BestPath(_anonymous));
        Assert.Equal("update", audit["items"]![0]!["operation"]!.GetValue<string>());
        Assert.Null(audit["items"]![0]!["after"]!["workspace"]);
        Assert.Equal("north", audit["items"]![0]!["before"]!["workspace"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_workspace_admin_reads_the_audit_entries_of_their_workspace_only()
    {
        using var northAdmin = _factory.ClientWithKey(WorkspaceKeys.NorthAdmin);

        var theirs = await (await Expect(northAdmin.GetAsync("/api/audit?limit=100"), HttpStatusCode.OK)).ReadJsonAsync();
        var everything = await (await Expect(_admin.GetAsync("/api/audit?limit=100"), HttpStatusCode.OK)).ReadJsonAsync();
        var southTie = await (await Expect(northAdmin.GetAsync("/api/audit?entityId=south--asker-friend"), HttpStatusCode.OK)).ReadJsonAsync();

        Assert.Equal((1, ["north--knows-target"]), (theirs["total"]!.GetValue<int>(), theirs["items"]!.AsArray().Select(e => e!["entityId"]!.GetValue<string>()).ToArray()),
            new TotalAndIds());
        Assert.True(everything["total"]!.GetValue<int>() > 1);
        Assert.Equal(0, southTie["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task An_import_cannot_replace_another_workspaces_record()
    {
        var import = await _admin.PostJsonAsync("/api/import", new
        {
            actors = Array.Empty<object>(),
            relationships = new[] { new { id = "south--asker-friend", source = "asker", target = "hub", type = "MOU" } },
        });

        Assert.Equal(HttpStatusCode.BadRequest, import.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _south.GetAsync("/api/relationships/south--asker-friend")).StatusCode);
        Assert.Equal("south--friend", (await (await _south.GetAsync("/api/relationships/south--asker-friend")).ReadJsonAsync())["target"]!.GetValue<string>());
    }

    [Fact]
    public async Task Creating_a_record_under_another_workspaces_id_answers_as_under_an_id_nobody_holds()
    {
        async Task<string> Create(HttpClient client, string path, string id, object body)
        {
            var response = await client.PostJsonAsync(path, body);
            // The refusal suggests the id's own name under the caller's prefix: what was sent, not what exists.
            var name = id[(id.IndexOf("--", StringComparison.Ordinal) + 2)..];
            return $"{(int)response.StatusCode} " + (await BodyWithout(response, id)).Replace(name, "NAME", StringComparison.Ordinal);
        }

        foreach (var client in new[] { _north, _admin, _anonymous })
        {
            Assert.Equal(
                await Create(client, "/api/actors", "south--nobody", TestKeys.NewActor("south--nobody")),
                await Create(client, "/api/actors", "south--friend", TestKeys.NewActor("south--friend")));
            Assert.Equal(
                await Create(client, "/api/relationships", "south--no-tie", new { id = "south--no-tie", source = "asker", target = "hub", type = "MOU" }),
                await Create(client, "/api/relationships", "south--asker-friend", new { id = "south--asker-friend", source = "asker", target = "hub", type = "MOU" }));
        }
        Assert.Equal(HttpStatusCode.NotFound, (await _north.GetAsync("/api/actors/south--nobody")).StatusCode);
    }

    [Fact]
    public async Task New_ids_lie_in_their_owners_space_and_made_ids_are_put_there()
    {
        var plain = await _north.PostJsonAsync("/api/actors", TestKeys.NewActor("our-contact"));
        var publicWithSeparator = await _admin.PostJsonAsync("/api/actors", TestKeys.NewActor("acme--contact"));
        var made = await Expect(_north.PostJsonAsync("/api/relationships", new { source = "asker", target = "relay", type = "MET_AT" }), HttpStatusCode.Created);

        Assert.Equal(HttpStatusCode.BadRequest, plain.StatusCode);
        Assert.Contains("'north--our-contact'", TestJson.OnlyErrorsOf(await plain.ReadJsonAsync(), "id")[0], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, publicWithSeparator.StatusCode);
        Assert.StartsWith("north--", (await made.ReadJsonAsync())["id"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_a_relationship_published_from_the_workspace_can_become_private_again()
    {
        await Expect(_north.PostJsonAsync("/api/relationships/north--knows-target/visibility", new { visibility = "public" }), HttpStatusCode.OK);

        var back = await _north.PostJsonAsync("/api/relationships/north--knows-target/visibility", new { visibility = "private" });
        var taken = await _north.PostJsonAsync("/api/relationships/asker-hub/visibility", new { visibility = "private" });

        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, taken.StatusCode);
        Assert.Contains("'north--'", TestJson.OnlyErrorsOf(await taken.ReadJsonAsync(), "visibility")[0], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await _anonymous.GetAsync("/api/relationships/asker-hub")).StatusCode);
    }

    [Fact]
    public async Task Deleting_a_workspace_deletes_its_private_records()
    {
        var deleted = await (await Expect(_admin.DeleteAsync("/api/workspaces/south"), HttpStatusCode.OK)).ReadJsonAsync();

        Assert.Equal((1, 2), (deleted["removedActors"]!.GetValue<int>(), deleted["removedRelationships"]!.GetValue<int>()));
        Assert.Equal(["asker", "hub", "relay", "target"], await BestPath(_south));
        Assert.Equal(HttpStatusCode.NotFound, (await _south.GetAsync("/api/actors/south--friend")).StatusCode);
    }

    private sealed class TotalAndIds : IEqualityComparer<(int, string[])>
    {
        public bool Equals((int, string[]) x, (int, string[]) y) => x.Item1 == y.Item1 && x.Item2.SequenceEqual(y.Item2);

        public int GetHashCode((int, string[]) obj) => obj.Item1;
    }
}
