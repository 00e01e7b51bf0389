using System.Net;
using System.Text.Json.Nodes;

namespace GraphApi.Api.Tests.Security;

public sealed class AuditTests : IDisposable
{
    private readonly GraphApiFactory _factory = new GraphApiFactory(seed: false).WithRoleKeys();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Every_change_is_recorded_with_who_what_and_before_after()
    {
        var editor = _factory.ClientWithKey(TestKeys.Editor);
        Assert.Equal(HttpStatusCode.Created, (await editor.PostJsonAsync("/api/actors", TestKeys.NewActor("audited"))).StatusCode);
        var renamed = new { id = "audited", name = "Renamed", kind = "Company", country = "FR" };
        Assert.Equal(HttpStatusCode.OK, (await editor.PutAsync("/api/actors/audited", JsonContent(renamed))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await editor.DeleteAsync("/api/actors/audited")).StatusCode);

        var items = await AuditAsync("?entityId=audited");
        Assert.Equal(["delete", "update", "create"], items.Select(i => i["operation"]!.GetValue<string>()));
        Assert.All(items, i => Assert.Equal("eddie", i["who"]!.GetValue<string>()));
        Assert.All(items, i => Assert.Equal("actor", i["entityType"]!.GetValue<string>()));
        Assert.Null(items[2]["before"]);
        Assert.Equal("Test audited", items[2]["after"]!["name"]!.GetValue<string>());
        Assert.Equal("Test audited", items[1]["before"]!["name"]!.GetValue<string>());
        Assert.Equal("Renamed", items[1]["after"]!["name"]!.GetValue<string>());
        Assert.Equal("Renamed", items[0]["before"]!["name"]!.GetValue<string>());
        Assert.Null(items[0]["after"]);
    }

    [Fact]
    public async Task Deleting_an_actor_records_the_relationships_removed_with_it()
    {
        var admin = _factory.ClientWithKey(TestKeys.Admin);
        await admin.PostJsonAsync("/api/actors", TestKeys.NewActor("end-a"));
        await admin.PostJsonAsync("/api/actors", TestKeys.NewActor("end-b"));
        Assert.Equal(HttpStatusCode.Created,
            (await admin.PostJsonAsync("/api/relationships", new { id = "a-b", source = "end-a", target = "end-b", type = "MOU" })).StatusCode);
        await admin.DeleteAsync("/api/actors/end-a");

        var tie = await AuditAsync("?entityId=a-b");
        Assert.Equal(["delete", "create"], tie.Select(i => i["operation"]!.GetValue<string>()));
        Assert.Equal("relationship", tie[0]["entityType"]!.GetValue<string>());
        Assert.Equal("ada", tie[0]["who"]!.GetValue<string>());
    }

    [Fact]
    public async Task Refused_writes_leave_no_audit_entry()
    {
        var editor = _factory.ClientWithKey(TestKeys.Editor);
        await editor.PostJsonAsync("/api/actors", TestKeys.NewActor("only-once"));
        var before = (await AuditAsync("")).Count;
        Assert.Equal(HttpStatusCode.Conflict, (await editor.PostJsonAsync("/api/actors", TestKeys.NewActor("only-once"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await editor.PostJsonAsync("/api/actors", new { id = "Bad Id" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _factory.ClientWithKey(null).DeleteAsync("/api/actors/only-once")).StatusCode);
        Assert.Equal(before, (await AuditAsync("")).Count);
    }

    [Fact]
    public async Task Pages_run_newest_first_and_filter_by_author()
    {
        var editor = _factory.ClientWithKey(TestKeys.Editor);
        var admin = _factory.ClientWithKey(TestKeys.Admin);
        await editor.PostJsonAsync("/api/actors", TestKeys.NewActor("page-1"));
        await admin.PostJsonAsync("/api/actors", TestKeys.NewActor("page-2"));
        await editor.PostJsonAsync("/api/actors", TestKeys.NewActor("page-3"));

        var first = await (await admin.GetAsync("/api/audit?who=eddie&limit=1")).ReadJsonAsync();
        Assert.Equal("page-3", first["items"]![0]!["entityId"]!.GetValue<string>());
        Assert.Equal(2, (int)first["total"]!);
        var second = await (await admin.GetAsync((string)first["next"]!)).ReadJsonAsync();
        Assert.Equal("page-1", second["items"]![0]!["entityId"]!.GetValue<string>());
        Assert.Null(second["next"]);
    }

    [Fact]
    public async Task Filters_are_named_for_the_fields_they_match()
    {
        var editor = _factory.ClientWithKey(TestKeys.Editor);
        await editor.PostJsonAsync("/api/actors", TestKeys.NewActor("ends-a"));
        await editor.PostJsonAsync("/api/actors", TestKeys.NewActor("ends-b"));
        await editor.PostJsonAsync("/api/relationships", new { id = "ends-tie", source = "ends-a", target = "ends-b", type = "MOU" });
        await editor.DeleteAsync("/api/relationships/ends-tie");

        var relationships = await AuditAsync("?entityType=RELATIONSHIP");
        var deletes = await AuditAsync("?operation=delete&entityType=relationship");
        var byId = await AuditAsync("?entityId=ends-a");

        Assert.Equal([("ends-tie", "delete"), ("ends-tie", "create")], relationships.Select(i => ((string)i["entityId"]!, (string)i["operation"]!)));
        Assert.Equal(["ends-tie"], deletes.Select(i => (string)i["entityId"]!));
        Assert.Equal([("actor", "ends-a")], byId.Select(i => ((string)i["entityType"]!, (string)i["entityId"]!)));
    }

    [Fact]
    public async Task Pages_do_not_shift_while_entries_are_recorded_and_link_the_next_page()
    {
        var editor = _factory.ClientWithKey(TestKeys.Editor);
        var admin = _factory.ClientWithKey(TestKeys.Admin);
        foreach (var i in Enumerable.Range(1, 5))
        {
            await editor.PostJsonAsync("/api/actors", TestKeys.NewActor($"walk-{i}"));
        }
        var whole = (await AuditAsync("?who=eddie")).Select(i => (long)i["id"]!).ToList();

        var seen = new List<long>();
        var response = await admin.GetAsync("/api/audit?who=eddie&limit=2");
        while (true)
        {
            var page = await response.ReadJsonAsync();
            seen.AddRange(page["items"]!.AsArray().Select(i => (long)i!["id"]!));
            Assert.Equal(5, (long)page["total"]!);
            // Someone writes while the pages are walked: the walk still reads the log as it was when it began.
            await editor.PostJsonAsync("/api/actors", TestKeys.NewActor($"meanwhile-{seen.Count}"));
            if (page["next"] is not { } next)
            {
                Assert.Null(response.Headers.Contains("Link") ? "a Link header on the last page" : null);
                break;
            }
            Assert.Equal($"<{next}>; rel=\"next\"", response.Headers.GetValues("Link").Single());
            Assert.Contains("upTo=", (string)next!, StringComparison.Ordinal);
            response = await admin.GetAsync((string)next!);
        }

        Assert.Equal(whole, seen);
        Assert.Equal(8, (await AuditAsync("?who=eddie")).Count);
    }

    [Fact]
    public async Task A_page_answers_304_while_its_etag_holds_and_head_like_get()
    {
        var admin = _factory.ClientWithKey(TestKeys.Admin);
        await admin.PostJsonAsync("/api/actors", TestKeys.NewActor("tagged"));
        var first = await admin.GetAsync("/api/audit?limit=1");
        var tag = first.Headers.ETag!;

        var again = new HttpRequestMessage(HttpMethod.Get, "/api/audit?limit=1") { Headers = { IfNoneMatch = { tag } } };
        var head = await admin.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/api/audit?limit=1"));
        Assert.Equal(HttpStatusCode.NotModified, (await admin.SendAsync(again)).StatusCode);
        Assert.Equal((HttpStatusCode.OK, tag), (head.StatusCode, head.Headers.ETag));

        await admin.PostJsonAsync("/api/actors", TestKeys.NewActor("tagged-2"));
        var moved = new HttpRequestMessage(HttpMethod.Get, "/api/audit?limit=1") { Headers = { IfNoneMatch = { tag } } };
        Assert.Equal(HttpStatusCode.OK, (await admin.SendAsync(moved)).StatusCode);
    }

    [Theory]
    [InlineData("?limit=0", "limit")]
    [InlineData("?limit=501", "limit")]
    [InlineData("?offset=-1", "offset")]
    [InlineData("?upTo=abc", "upTo")]
    [InlineData("?upTo=0", "upTo")]
    [InlineData("?entityType=actr", "entityType")]
    [InlineData("?operation=remove", "operation")]
    [InlineData("?entity=kicox", "entity")]
    [InlineData("?actor=crm-sync", "actor")]
    [InlineData("?cursor=812", "cursor")]
    public async Task Bad_paging_and_filters_are_a_400_naming_the_parameter(string query, string field)
    {
        var response = await _factory.ClientWithKey(TestKeys.Admin).GetAsync("/api/audit" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        TestJson.OnlyErrorsOf(await response.ReadJsonAsync(), field);
    }

    private async Task<List<JsonNode>> AuditAsync(string query)
    {
        var page = await (await _factory.ClientWithKey(TestKeys.Admin).GetAsync("/api/audit" + (query == "" ? "?limit=500" : query + "&limit=500"))).ReadJsonAsync();
        return [.. page["items"]!.AsArray().Select(n => n!)];
    }

    private static StringContent JsonContent(object body) =>
        new(System.Text.Json.JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");
}
