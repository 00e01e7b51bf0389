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

        var items = await AuditAsync("?entity=audited");
        Assert.Equal(["delete", "update", "create"], items.Select(i => i["operation"]!.GetValue<string>()));
        Assert.All(items, i => Assert.Equal("eddie", i["who"]!.GetValue<string>()));
        Assert.All(items, i => Assert.Equal("actor", i["entity"]!.GetValue<string>()));
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

        var tie = await AuditAsync("?entity=a-b");
        Assert.Equal(["delete", "create"], tie.Select(i => i["operation"]!.GetValue<string>()));
        Assert.Equal("relationship", tie[0]["entity"]!.GetValue<string>());
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

        var first = await (await admin.GetAsync("/api/audit?actor=eddie&limit=1")).ReadJsonAsync();
        Assert.Equal("page-3", first["items"]![0]!["entityId"]!.GetValue<string>());
        var cursor = first["nextCursor"]!.GetValue<string>();
        var second = await (await admin.GetAsync($"/api/audit?actor=eddie&limit=1&cursor={cursor}")).ReadJsonAsync();
        Assert.Equal("page-1", second["items"]![0]!["entityId"]!.GetValue<string>());
        var third = await (await admin.GetAsync($"/api/audit?actor=eddie&limit=1&cursor={second["nextCursor"]}")).ReadJsonAsync();
        Assert.Empty(third["items"]!.AsArray());
        Assert.Null(third["nextCursor"]);
    }

    [Theory]
    [InlineData("?limit=0")]
    [InlineData("?limit=501")]
    [InlineData("?cursor=abc")]
    [InlineData("?cursor=-5")]
    public async Task Bad_paging_is_a_400(string query)
    {
        var response = await _factory.ClientWithKey(TestKeys.Admin).GetAsync("/api/audit" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private async Task<List<JsonNode>> AuditAsync(string query)
    {
        var page = await (await _factory.ClientWithKey(TestKeys.Admin).GetAsync("/api/audit" + (query == "" ? "?limit=500" : query + "&limit=500"))).ReadJsonAsync();
        return [.. page["items"]!.AsArray().Select(n => n!)];
    }

    private static StringContent JsonContent(object body) =>
        new(System.Text.Json.JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");
}
