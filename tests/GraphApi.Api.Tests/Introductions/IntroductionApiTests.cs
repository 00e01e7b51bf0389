using System.Net;
using System.Text.Json.Nodes;
using GraphApi.Api.Tests.Security;

namespace GraphApi.Api.Tests.Introductions;

public sealed class IntroductionApiTests
{
    private static string[] Types(JsonNode ask) => [.. ask["timeline"]!.AsArray().Select(e => (string)e!["type"]!)];

    [Fact]
    public async Task An_ask_goes_from_open_to_agreement_with_its_timeline()
    {
        using var app = new LedgerApp();
        var id = await app.AskAsync(LedgerApp.Direct, LedgerApp.DirectTies);

        Assert.Equal(HttpStatusCode.Created, (await app.EventAsync(id, "forwarded", 1)).StatusCode);
        await app.EventAsync(id, "forwarded", 2, "2024-04-03");
        await app.EventAsync(id, "met", date: "2024-04-10");
        var last = await app.EventAsync(id, "agreement", date: "2024-04-20", evidence: "MoU signed in Ulsan");

        Assert.Equal(HttpStatusCode.Created, last.StatusCode);
        Assert.Equal($"/api/introductions/{id}", last.Headers.Location!.OriginalString);
        var ask = await app.GetAsync($"/api/introductions/{id}");
        Assert.Equal("agreement", (string)ask["status"]!);
        Assert.Equal(["forwarded", "forwarded", "met", "agreement"], Types(ask));
        Assert.Equal("kicox", (string)ask["timeline"]![1]!["from"]!);
        Assert.Equal("kicox-manages-ulsan", (string)ask["timeline"]![1]!["relationship"]!);
        Assert.Equal("MoU signed in Ulsan", (string)ask["timeline"]![3]!["evidence"]!);
        Assert.Empty(ask["nextEvents"]!.AsArray());
        Assert.Equal("bootstrap-admin", (string)ask["recordedBy"]!);
    }

    [Fact]
    public async Task Refused_events_answer_400_or_409_and_change_nothing()
    {
        using var app = new LedgerApp();
        var id = await app.AskAsync(LedgerApp.Direct, LedgerApp.DirectTies);
        await app.EventAsync(id, "forwarded", 1);

        var offRoute = await app.EventAsync(id, "declined", 3);
        var noStep = await app.EventAsync(id, "no-answer");
        var unknownType = await app.EventAsync(id, "ghosted", 2);
        var future = await app.EventAsync(id, "forwarded", 2, "2024-05-02");
        var metTooEarly = await app.EventAsync(id, "met");
        var outOfOrder = await app.EventAsync(id, "forwarded", 1);
        var earlierDate = await app.EventAsync(id, "forwarded", 2, "2024-04-01");

        Assert.Equal(HttpStatusCode.BadRequest, offRoute.StatusCode);
        Assert.Contains("not on the route", (string)(await offRoute.ReadJsonAsync())["errors"]!["step"]![0]!, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, noStep.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknownType.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, metTooEarly.StatusCode);
        Assert.Equal("application/problem+json", metTooEarly.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.Conflict, outOfOrder.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, earlierDate.StatusCode);
        var ask = await app.GetAsync($"/api/introductions/{id}");
        Assert.Equal(["forwarded"], Types(ask));
        Assert.Equal("open", (string)ask["status"]!);
    }

    [Fact]
    public async Task Nothing_is_recorded_after_an_agreement_or_a_decline()
    {
        using var app = new LedgerApp();
        var agreed = await app.AskAsync(LedgerApp.Direct, LedgerApp.DirectTies);
        foreach (var (type, step) in new (string, int?)[] { ("forwarded", 1), ("forwarded", 2), ("met", null), ("agreement", null) })
        {
            await app.EventAsync(agreed, type, step);
        }
        var declined = await app.AskAsync(LedgerApp.Direct, LedgerApp.DirectTies);
        await app.EventAsync(declined, "declined", 1);

        Assert.Equal(HttpStatusCode.Conflict, (await app.EventAsync(agreed, "agreement")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await app.EventAsync(declined, "forwarded", 1)).StatusCode);
    }

    [Fact]
    public async Task The_route_must_be_a_route_of_the_current_graph()
    {
        using var app = new LedgerApp();

        var wrongTie = await app.Client.PostJsonAsync("/api/introductions", new
        {
            requester = "pole-eau", target = "ulsan-mini",
            route = new { path = LedgerApp.Direct, relationships = new[] { "kicox-mou-pole-eau", "kicox-manages-gumi" } },
        });
        var wrongEnds = await app.Client.PostJsonAsync("/api/introductions", new
        {
            requester = "kicox", target = "ulsan-mini", route = new { path = LedgerApp.Direct, relationships = LedgerApp.DirectTies },
        });
        var missing = await app.Client.PostJsonAsync("/api/introductions", new { requester = "pole-eau" });
        var unknownActor = await app.Client.PostJsonAsync("/api/introductions", new
        {
            requester = "nobody", target = "ulsan-mini", route = new { path = LedgerApp.Direct, relationships = LedgerApp.DirectTies },
        });

        Assert.Equal(HttpStatusCode.BadRequest, wrongTie.StatusCode);
        Assert.Contains("joins 'kicox' and 'gumi-mini'", (string)(await wrongTie.ReadJsonAsync())["errors"]!["route.relationships"]![0]!, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, wrongEnds.StatusCode);
        var errors = (await missing.ReadJsonAsync())["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("target") && errors.ContainsKey("route"));
        Assert.Equal(HttpStatusCode.NotFound, unknownActor.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client.GetAsync("/api/introductions/intro-none")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.EventAsync("intro-none", "met")).StatusCode);
        Assert.Equal(0, (int)(await app.GetAsync("/api/introductions"))["total"]!);
    }

    [Fact]
    public async Task The_list_filters_and_pages_newest_first()
    {
        using var app = new LedgerApp();
        var first = await app.AskAsync(LedgerApp.Direct, LedgerApp.DirectTies, "2024-03-01");
        var second = await app.AskAsync(LedgerApp.ViaGumi, LedgerApp.ViaGumiTies, "2024-03-02");
        var third = await app.AskAsync(LedgerApp.Direct, LedgerApp.DirectTies, "2024-03-03");
        await app.EventAsync(second, "declined", 1);

        var page = await app.GetAsync("/api/introductions?limit=2");
        var rest = await app.GetAsync("/api/introductions?limit=2&offset=2");
        var declined = await app.GetAsync("/api/introductions?status=declined");
        var byTarget = await app.GetAsync("/api/introductions?target=ulsan-mini&requester=pole-eau&status=open");

        Assert.Equal(3, (int)page["total"]!);
        Assert.Equal([third, second], page["items"]!.AsArray().Select(a => (string)a!["id"]!));
        Assert.Equal([first], rest["items"]!.AsArray().Select(a => (string)a!["id"]!));
        Assert.Equal([second], declined["items"]!.AsArray().Select(a => (string)a!["id"]!));
        Assert.Equal(2, (int)byTarget["total"]!);
        Assert.Equal(HttpStatusCode.BadRequest, (await app.Client.GetAsync("/api/introductions?status=lost")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await app.Client.GetAsync("/api/introductions?limit=501")).StatusCode);
    }

    [Fact]
    public async Task Editors_write_readers_and_anonymous_callers_only_read_and_entries_carry_the_key_name()
    {
        using var app = new LedgerApp(f => f.WithRoleKeys());
        var body = new { requester = "pole-eau", target = "ulsan-mini", route = new { path = LedgerApp.Direct, relationships = LedgerApp.DirectTies } };

        var anonymous = await app.ClientWithKey(null).PostJsonAsync("/api/introductions", body);
        var reader = await app.ClientWithKey(TestKeys.Reader).PostJsonAsync("/api/introductions", body);
        var editor = await app.ClientWithKey(TestKeys.Editor).PostJsonAsync("/api/introductions", body);
        var id = (string)(await editor.ReadJsonAsync())["id"]!;
        var readerEvent = await app.ClientWithKey(TestKeys.Reader).PostJsonAsync($"/api/introductions/{id}/events", new { type = "forwarded", step = 1 });

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, reader.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, readerEvent.StatusCode);
        Assert.Equal(HttpStatusCode.Created, editor.StatusCode);
        var ask = await (await app.ClientWithKey(TestKeys.Editor).GetAsync($"/api/introductions/{id}")).ReadJsonAsync();
        Assert.Equal("eddie", (string)ask["recordedBy"]!);
        var audit = await (await app.ClientWithKey(TestKeys.Admin).GetAsync($"/api/audit?entityId={id}")).ReadJsonAsync();
        Assert.Equal("eddie", (string)audit["items"]![0]!["who"]!);
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData(TestKeys.Reader, false)]
    [InlineData(TestKeys.Editor, true)]
    [InlineData(TestKeys.Admin, true)]
    public async Task Key_names_are_shown_to_editors_and_admins_only_in_the_list_the_ask_and_the_ledger_export(string? key, bool shown)
    {
        using var app = new LedgerApp(f => f.WithRoleKeys());
        var editor = app.ClientWithKey(TestKeys.Editor);
        var created = await editor.PostJsonAsync("/api/introductions",
            new { requester = "pole-eau", target = "ulsan-mini", route = new { path = LedgerApp.Direct, relationships = LedgerApp.DirectTies } });
        var id = (string)(await created.ReadJsonAsync())["id"]!;
        Assert.Equal(HttpStatusCode.Created, (await editor.PostJsonAsync($"/api/introductions/{id}/events", new { type = "forwarded", step = 1 })).StatusCode);
        var caller = app.ClientWithKey(key);

        var list = await (await caller.GetAsync("/api/introductions")).ReadJsonAsync();
        var one = await (await caller.GetAsync($"/api/introductions/{id}")).ReadJsonAsync();
        var export = await (await caller.GetAsync("/api/export?format=json&includeLedger=true")).ReadJsonAsync();

        foreach (var ask in new[] { list["items"]![0]!, one, export["introductions"]![0]! })
        {
            Assert.Equal(shown ? "eddie" : null, (string?)ask["recordedBy"]);
            var events = ask["timeline"] ?? ask["events"];
            Assert.Equal(shown ? "eddie" : null, (string?)Assert.Single(events!.AsArray())!["recordedBy"]);
        }
        Assert.Equal(shown, (await (await caller.GetAsync("/api/introductions")).Content.ReadAsStringAsync()).Contains("eddie", StringComparison.Ordinal));
    }
}
