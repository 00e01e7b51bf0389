using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using GraphApi.Core.Graph;
using GraphApi.Core.Introductions;
using Microsoft.Extensions.DependencyInjection;
using GraphApi.Api.Tests.Workspaces;

namespace GraphApi.Api.Tests.Introductions;

/// <summary>
/// The ledger per caller (issue 28): a member's ask is their workspace's, seen, counted, tagged and learned from by its
/// members only; another workspace's ask id answers as one that never existed; an ask along a private tie stays private.
/// </summary>
public sealed class PrivateLedgerApiTests : IDisposable
{
    private const string NeverAsked = "intro-000000000000";

    private readonly LedgerApp _app = new(factory => factory.WithWorkspaceKeys());
    private readonly HttpClient _north;
    private readonly HttpClient _south;
    private readonly HttpClient _anonymous;

    public PrivateLedgerApiTests()
    {
        _north = _app.ClientWithKey(WorkspaceKeys.NorthEditor);
        _south = _app.ClientWithKey(WorkspaceKeys.SouthEditor);
        _anonymous = _app.ClientWithKey(null);
        foreach (var id in new[] { "north", "south" })
        {
            Assert.Equal(HttpStatusCode.Created, _app.Client.PostJsonAsync("/api/workspaces", new { id, name = $"{id} cluster" }).GetAwaiter().GetResult().StatusCode);
        }
    }

    public void Dispose()
    {
        foreach (var client in new[] { _north, _south, _anonymous })
        {
            client.Dispose();
        }
        _app.Dispose();
    }

    private static async Task<JsonNode> Expect(Task<HttpResponseMessage> sent, HttpStatusCode status)
    {
        var response = await sent;
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text.Length == 0 ? "{}" : text)!;
    }

    private static Task<HttpResponseMessage> Ask(HttpClient client, string[] path, string[] ties, string? visibility = null) =>
        client.PostJsonAsync("/api/introductions",
            new { requester = path[0], target = path[^1], route = new { path, relationships = ties }, date = "2024-04-01", visibility });

    private static Task<HttpResponseMessage> Event(HttpClient client, string id, string type, int? step = null) =>
        client.PostJsonAsync($"/api/introductions/{id}/events", new { type, step, date = "2024-04-02" });

    /// <summary>Status and body, with the id asked for replaced and the request's own trace id left out: what must be the same.</summary>
    private static async Task<string> Answer(Task<HttpResponseMessage> sent, string id)
    {
        var response = await sent;
        var text = await response.Content.ReadAsStringAsync();
        if (JsonNode.Parse(text) is JsonObject problem)
        {
            problem.Remove("traceId");
            text = problem.ToJsonString();
        }
        return $"{(int)response.StatusCode} {text.Replace(id, "ID", StringComparison.Ordinal)}";
    }

    private static async Task<(int Total, EntityTagHeaderValue? Tag)> ListAsync(HttpClient client)
    {
        var response = await client.GetAsync("/api/introductions");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return ((int)(await response.ReadJsonAsync())["total"]!, response.Headers.ETag);
    }

    [Fact]
    public async Task A_members_ask_is_their_workspaces_and_others_neither_see_count_tag_nor_reach_it()
    {
        var anonymousBefore = await ListAsync(_anonymous);
        var southBefore = await ListAsync(_south);
        var northBefore = await ListAsync(_north);

        var ask = await Expect(Ask(_north, LedgerApp.Direct, LedgerApp.DirectTies), HttpStatusCode.Created);
        var id = (string)ask["id"]!;

        Assert.Equal(("private", "north"), ((string)ask["visibility"]!, (string)ask["workspace"]!));
        Assert.Equal(1, (await ListAsync(_north)).Total);
        Assert.NotEqual(northBefore.Tag, (await ListAsync(_north)).Tag);
        Assert.Equal((0, anonymousBefore.Tag), await ListAsync(_anonymous));
        Assert.Equal((0, southBefore.Tag), await ListAsync(_south));
        foreach (var other in new[] { _south, _anonymous, _app.Client })
        {
            Assert.Equal(await Answer(other.GetAsync($"/api/introductions/{NeverAsked}"), NeverAsked), await Answer(other.GetAsync($"/api/introductions/{id}"), id));
        }
        Assert.Equal(await Answer(Event(_south, NeverAsked, "forwarded", 1), NeverAsked), await Answer(Event(_south, id, "forwarded", 1), id));
        Assert.Equal(await Answer(_south.PostJsonAsync($"/api/introductions/{NeverAsked}/relationship", new { }), NeverAsked),
            await Answer(_south.PostJsonAsync($"/api/introductions/{id}/relationship", new { }), id));
        await Expect(_north.GetAsync($"/api/introductions/{id}"), HttpStatusCode.OK);
        var north = await Expect(_north.GetAsync("/api/export?format=json&includeLedger=true"), HttpStatusCode.OK);
        var anonymous = await Expect(_anonymous.GetAsync("/api/export?format=json&includeLedger=true"), HttpStatusCode.OK);
        Assert.Equal([id], north["introductions"]!.AsArray().Select(a => (string)a!["id"]!));
        Assert.Empty(anonymous["introductions"]!.AsArray());
    }

    [Fact]
    public async Task An_ask_along_a_private_tie_must_be_private_and_nobody_else_can_name_the_tie()
    {
        var tie = await Expect(_north.PostJsonAsync("/api/relationships",
            new { id = "north--pole-eau-ulsan", source = "pole-eau", target = "ulsan-mini", type = "PARTNER_OF" }), HttpStatusCode.Created);
        Assert.Equal("private", (string)tie["visibility"]!);
        string[] path = ["pole-eau", "ulsan-mini"];
        string[] ties = ["north--pole-eau-ulsan"];

        var asPublic = await Expect(Ask(_north, path, ties, "public"), HttpStatusCode.BadRequest);
        var bySouth = await Expect(Ask(_south, path, ties), HttpStatusCode.BadRequest);
        var asPrivate = await Expect(Ask(_north, path, ties), HttpStatusCode.Created);

        Assert.Contains("north--pole-eau-ulsan", (string)asPublic["errors"]!["visibility"]![0]!, StringComparison.Ordinal);
        Assert.Equal("step 1: no relationship 'north--pole-eau-ulsan'", (string)bySouth["errors"]!["route.relationships"]![0]!);
        Assert.Equal("private", (string)asPrivate["visibility"]!);
        // A public ask along public ties is everyone's, whoever records it.
        var shared = await Expect(Ask(_north, LedgerApp.Direct, LedgerApp.DirectTies, "public"), HttpStatusCode.Created);
        Assert.Equal("public", (string)shared["visibility"]!);
        Assert.Null(shared["workspace"]);
        Assert.Equal(1, (await ListAsync(_south)).Total);
        Assert.Equal(2, (await ListAsync(_north)).Total);
        // Without a workspace there is no private ask.
        await Expect(Ask(_app.Client, LedgerApp.Direct, LedgerApp.DirectTies, "private"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Learned_strengths_count_only_the_asks_the_caller_may_see()
    {
        var id = (string)(await Expect(Ask(_north, LedgerApp.Direct, LedgerApp.DirectTies), HttpStatusCode.Created))["id"]!;
        await Expect(Event(_north, id, "forwarded", 1), HttpStatusCode.Created);
        await Expect(Event(_north, id, "declined", 2), HttpStatusCode.Created);

        async Task<JsonNode> Learned(HttpClient client)
        {
            var answer = await Expect(client.PostJsonAsync("/api/routes/introductions",
                new { from = new[] { "pole-eau" }, to = new { id = "ulsan-mini" }, k = 2, strengths = "learned" }), HttpStatusCode.OK);
            var step = answer["routes"]!.AsArray().SelectMany(r => r!["steps"]!.AsArray()).First(s => (string)s!["relationship"]! == "kicox-manages-ulsan")!;
            return step["learned"]!;
        }

        var north = await Learned(_north);
        var south = await Learned(_south);
        var anonymous = await Learned(_anonymous);

        Assert.Equal((1, 1), ((int)north["trials"]!, (int)north["failures"]!));
        Assert.Equal(5.0 / 11, (double)north["strength"]!, 12);
        Assert.Equal(0, (int)south["trials"]!);
        Assert.Equal(0, (int)anonymous["trials"]!);
        Assert.Equal(0.5, (double)anonymous["strength"]!, 12);
    }

    [Fact]
    public async Task A_private_asks_agreement_becomes_a_private_tie_of_its_workspace()
    {
        var id = (string)(await Expect(Ask(_north, LedgerApp.Direct, LedgerApp.DirectTies), HttpStatusCode.Created))["id"]!;
        foreach (var (type, step) in new (string, int?)[] { ("forwarded", 1), ("forwarded", 2), ("met", null), ("agreement", null) })
        {
            await Expect(Event(_north, id, type, step), HttpStatusCode.Created);
        }

        var tie = await Expect(_north.PostJsonAsync($"/api/introductions/{id}/relationship", new { }), HttpStatusCode.Created);

        Assert.Equal(("private", "north"), ((string)tie["visibility"]!, (string)tie["workspace"]!));
        var tieId = (string)tie["id"]!;
        Assert.Equal(HttpStatusCode.NotFound, (await _anonymous.GetAsync($"/api/relationships/{tieId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _south.GetAsync($"/api/relationships/{tieId}")).StatusCode);
        await Expect(_north.PostJsonAsync($"/api/introductions/{id}/relationship", new { }), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_filter_on_an_actor_only_another_workspaces_asks_name_is_a_404_as_for_a_typo()
    {
        await Expect(_north.PostJsonAsync("/api/actors", Security.TestKeys.NewActor("north--friend")),
            HttpStatusCode.Created);
        await Expect(_north.PostJsonAsync("/api/relationships",
            new { id = "north--friend-pole-eau", source = "north--friend", target = "pole-eau", type = "PARTNER_OF" }), HttpStatusCode.Created);
        await Expect(Ask(_north, ["north--friend", "pole-eau"], ["north--friend-pole-eau"]), HttpStatusCode.Created);

        Assert.Equal(1, (int)(await Expect(_north.GetAsync("/api/introductions?requester=north--friend"), HttpStatusCode.OK))["total"]!);
        Assert.Equal(await Answer(_south.GetAsync("/api/introductions?requester=no-such-friend"), "no-such-friend"),
            await Answer(_south.GetAsync("/api/introductions?requester=north--friend"), "north--friend"));
    }

    [Fact]
    public async Task A_workspaces_admin_reads_its_asks_audit_entries_and_deleting_the_workspace_deletes_its_asks()
    {
        var id = (string)(await Expect(Ask(_north, LedgerApp.Direct, LedgerApp.DirectTies), HttpStatusCode.Created))["id"]!;
        await Expect(Event(_north, id, "forwarded", 1), HttpStatusCode.Created);
        using var northAdmin = _app.ClientWithKey(WorkspaceKeys.NorthAdmin);

        var audit = await Expect(northAdmin.GetAsync($"/api/audit?entityType=introduction&entityId={id}"), HttpStatusCode.OK);
        var deleted = await Expect(_app.Client.DeleteAsync("/api/workspaces/north"), HttpStatusCode.OK);
        await Expect(_app.Client.PostJsonAsync("/api/workspaces", new { id = "north", name = "north again" }), HttpStatusCode.Created);

        Assert.Equal(["event", "create"], audit["items"]!.AsArray().Select(e => (string)e!["operation"]!));
        Assert.Equal(1, (int)deleted["removedAsks"]!);
        Assert.Equal(0, (await ListAsync(_north)).Total);
        Assert.Equal(HttpStatusCode.NotFound, (await _north.GetAsync($"/api/introductions/{id}")).StatusCode);
    }

    [Fact]
    public async Task Asks_left_by_a_deletion_that_stopped_halfway_are_not_the_next_workspace_of_that_id_s()
    {
        var id = (string)(await Expect(Ask(_north, LedgerApp.Direct, LedgerApp.DirectTies), HttpStatusCode.Created))["id"]!;
        // The deletion's first write alone (the workspace and its records), as when the process stops before the asks go.
        await _app.Services.GetRequiredService<GraphService>().DeleteWorkspaceAsync("north", null, CancellationToken.None);

        await Expect(_app.Client.PostJsonAsync("/api/workspaces", new { id = "north", name = "north again" }), HttpStatusCode.Created);

        Assert.Equal(0, (await ListAsync(_north)).Total);
        Assert.Equal(HttpStatusCode.NotFound, (await _north.GetAsync($"/api/introductions/{id}")).StatusCode);
        Assert.Equal(0, _app.Services.GetRequiredService<IntroductionLedger>().Count);
    }

    [Fact]
    public async Task Deleting_again_after_a_deletion_stopped_halfway_takes_the_asks_it_left_and_answers_404()
    {
        await Expect(Ask(_north, LedgerApp.Direct, LedgerApp.DirectTies), HttpStatusCode.Created);
        var publicAsk = await _app.AskAsync(LedgerApp.Direct, LedgerApp.DirectTies); // the admin's, public
        await _app.Services.GetRequiredService<GraphService>().DeleteWorkspaceAsync("north", null, CancellationToken.None);
        var ledger = _app.Services.GetRequiredService<IntroductionLedger>();
        Assert.Equal(2, ledger.Count);

        await Expect(_app.Client.DeleteAsync("/api/workspaces/north"), HttpStatusCode.NotFound);

        Assert.Equal(1, ledger.Count);
        Assert.NotNull(ledger.ViewFor(null).Find(publicAsk));
    }

    [Fact]
    public async Task Making_a_workspace_leaves_every_existing_workspaces_asks_alone()
    {
        var id = (string)(await Expect(Ask(_north, LedgerApp.Direct, LedgerApp.DirectTies), HttpStatusCode.Created))["id"]!;

        await Expect(_app.Client.PostJsonAsync("/api/workspaces", new { id = "north", name = "north twice" }), HttpStatusCode.Conflict);
        await Expect(_app.Client.PostJsonAsync("/api/workspaces", new { id = "east", name = "east cluster" }), HttpStatusCode.Created);

        Assert.Equal(HttpStatusCode.OK, (await _north.GetAsync($"/api/introductions/{id}")).StatusCode);
    }

    [Fact]
    public async Task An_export_with_the_ledger_is_tagged_by_the_callers_ledger_as_well_as_the_graph()
    {
        const string Url = "/api/export?format=json&includeLedger=true";
        var northBefore = (await _north.GetAsync(Url)).Headers.ETag;
        var anonymousBefore = (await _anonymous.GetAsync(Url)).Headers.ETag;

        await Expect(Ask(_north, LedgerApp.Direct, LedgerApp.DirectTies), HttpStatusCode.Created);
        using var conditional = new HttpRequestMessage(HttpMethod.Get, Url);
        conditional.Headers.IfNoneMatch.Add(northBefore!);
        var north = await _north.SendAsync(conditional);

        Assert.Equal(HttpStatusCode.OK, north.StatusCode);
        Assert.NotEqual(northBefore, north.Headers.ETag);
        Assert.Equal(anonymousBefore, (await _anonymous.GetAsync(Url)).Headers.ETag);
    }
}
