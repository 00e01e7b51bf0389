using System.Net;
using System.Net.Http.Json;

namespace GraphApi.Api.Tests;

/// <summary>Writes against an empty store, one app per test so no test sees another's data.</summary>
public sealed class WriteApiTests : IDisposable
{
    private readonly GraphApiFactory _factory = new(seed: false);
    private readonly HttpClient _client;

    public WriteApiTests() => _client = _factory.CreateClient();

    public void Dispose() => _factory.Dispose();

    private static object Actor(string id, string kind = "Cluster", string country = "FR") => new { id, name = id.ToUpperInvariant(), kind, country };

    private async Task<int> TotalAsync(string list) => (int)(await (await _client.GetAsync(list)).ReadJsonAsync())["total"]!;

    [Fact]
    public async Task Creates_reads_updates_and_deletes_an_actor()
    {
        var created = await _client.PostAsJsonAsync("/api/actors", new { id = "pole-eau", name = "Pôle Eau", kind = "Cluster", country = "FR", aliases = new[] { "France Water Team" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/actors/pole-eau", created.Headers.Location?.ToString());
        Assert.Equal("EU", (string?)(await created.ReadJsonAsync())["region"]);

        var update = new HttpRequestMessage(HttpMethod.Put, "/api/actors/pole-eau") { Content = JsonContent.Create(new { name = "Pôle EAU", kind = "Cluster", country = "FR" }) };
        update.Headers.IfMatch.Add(created.Headers.ETag!);
        var updated = await _client.SendAsync(update);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.NotEqual(created.Headers.ETag, updated.Headers.ETag);
        Assert.Equal("Pôle EAU", (string?)(await (await _client.GetAsync("/api/actors/pole-eau")).ReadJsonAsync())["name"]);

        Assert.Equal(HttpStatusCode.OK, (await _client.DeleteAsync("/api/actors/pole-eau")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/api/actors/pole-eau")).StatusCode);
    }

    [Fact]
    public async Task An_invalid_actor_names_every_field_and_changes_nothing()
    {
        var response = await _client.PostAsJsonAsync("/api/actors", new { id = "Bad Id", name = "", kind = "Blob", country = "XX" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.ReadJsonAsync())["errors"]!.AsObject();
        Assert.Equal(["country", "id", "kind", "name"], errors.Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Equal(0, await TotalAsync("/api/actors"));
    }

    [Theory]
    [InlineData("{\"id\":\"aa\",")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"id\":\"aa\",\"name\":5}")]
    public async Task Unreadable_json_is_a_400_problem(string body)
    {
        var response = await _client.PostRawAsync("/api/actors", body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.False(string.IsNullOrWhiteSpace((string?)(await response.ReadJsonAsync())["detail"]));
    }

    [Fact]
    public async Task A_duplicate_id_is_a_409()
    {
        Assert.Equal(HttpStatusCode.Created, (await _client.PostAsJsonAsync("/api/actors", Actor("aa"))).StatusCode);
        var again = await _client.PostAsJsonAsync("/api/actors", Actor("aa"));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_stale_etag_is_a_412_and_a_malformed_one_a_400()
    {
        var created = await _client.PostAsJsonAsync("/api/actors", Actor("aa"));
        var first = new HttpRequestMessage(HttpMethod.Put, "/api/actors/aa") { Content = JsonContent.Create(Actor("aa", "Agency")) };
        first.Headers.IfMatch.Add(created.Headers.ETag!);
        Assert.Equal(HttpStatusCode.OK, (await _client.SendAsync(first)).StatusCode);

        var stale = new HttpRequestMessage(HttpMethod.Put, "/api/actors/aa") { Content = JsonContent.Create(Actor("aa", "City")) };
        stale.Headers.IfMatch.Add(created.Headers.ETag!);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await _client.SendAsync(stale)).StatusCode);
        Assert.Equal("Agency", (string?)(await (await _client.GetAsync("/api/actors/aa")).ReadJsonAsync())["kind"]);

        var malformed = new HttpRequestMessage(HttpMethod.Put, "/api/actors/aa") { Content = JsonContent.Create(Actor("aa")) };
        malformed.Headers.TryAddWithoutValidation("If-Match", "not-an-etag");
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.SendAsync(malformed)).StatusCode);
    }

    [Fact]
    public async Task Put_cannot_change_an_id_or_create_a_missing_actor()
    {
        await _client.PostAsJsonAsync("/api/actors", Actor("aa"));
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.PutAsJsonAsync("/api/actors/aa", Actor("bb"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.PutAsJsonAsync("/api/actors/zz", Actor("zz"))).StatusCode);
    }

    [Fact]
    public async Task Deleting_an_actor_removes_its_relationships_and_says_how_many()
    {
        foreach (var id in new[] { "aa", "bb", "cc" })
        {
            await _client.PostAsJsonAsync("/api/actors", Actor(id));
        }
        await _client.PostAsJsonAsync("/api/relationships", new { id = "ab", source = "aa", target = "bb", type = "MOU" });
        await _client.PostAsJsonAsync("/api/relationships", new { id = "ca", source = "cc", target = "aa", type = "MET_AT" });
        await _client.PostAsJsonAsync("/api/relationships", new { id = "bc", source = "bb", target = "cc", type = "MOU" });

        var deleted = await (await _client.DeleteAsync("/api/actors/aa")).ReadJsonAsync();
        Assert.Equal(2, (int)deleted["removedRelationships"]!);
        Assert.Equal(1, await TotalAsync("/api/relationships"));
        Assert.Equal(HttpStatusCode.NotFound, (await _client.DeleteAsync("/api/actors/aa")).StatusCode);
    }

    [Fact]
    public async Task Relationship_crud_with_partial_dates_and_evidence()
    {
        await _client.PostAsJsonAsync("/api/actors", Actor("aa"));
        await _client.PostAsJsonAsync("/api/actors", Actor("kk", "Agency", "KR"));
        var created = await _client.PostAsJsonAsync("/api/relationships", new
        {
            id = "aa-mou-kk", source = "aa", target = "kk", type = "MOU", since = "2016-05", strength = 0.8,
            evidence = new { document = "Report", section = "3.2", quote = "signed an MoU" },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.ReadJsonAsync();
        Assert.Equal("2016-05", (string?)body["since"]);
        Assert.Equal("signed an MoU", (string?)body["evidence"]!["quote"]);

        var update = await _client.PutAsJsonAsync("/api/relationships/aa-mou-kk", new { source = "aa", target = "kk", type = "PARTNER_OF", since = 2017 });
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        Assert.Equal("2017", (string?)(await update.ReadJsonAsync())["since"]);

        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync("/api/relationships/aa-mou-kk")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.DeleteAsync("/api/relationships/aa-mou-kk")).StatusCode);
    }

    [Fact]
    public async Task An_invalid_relationship_names_each_field_and_changes_nothing()
    {
        await _client.PostAsJsonAsync("/api/actors", Actor("aa"));
        var response = await _client.PostAsJsonAsync("/api/relationships",
            new { id = "r1", source = "aa", target = "ghost", type = "KNOWS", strength = 2.0, since = "2018", until = "2016" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadJsonAsync())["errors"]!.AsObject();
        Assert.Equal(["strength", "target", "type", "until"], errors.Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Equal(0, await TotalAsync("/api/relationships"));

        var self = await _client.PostAsJsonAsync("/api/relationships", new { id = "r2", source = "aa", target = "aa", type = "MOU" });
        Assert.Equal(HttpStatusCode.BadRequest, self.StatusCode);
        var badDate = await _client.PostRawAsync("/api/relationships", "{\"id\":\"r3\",\"source\":\"aa\",\"target\":\"aa\",\"type\":\"MOU\",\"since\":\"2015-13\"}");
        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
    }

    [Fact]
    public async Task Acknowledged_writes_survive_a_restart_on_the_same_file()
    {
        await _client.PostAsJsonAsync("/api/actors", Actor("kept"));
        using var restarted = new GraphApiFactory(seed: false);
        restarted.Settings["Sqlite:Path"] = _factory.DatabasePath;
        var response = await restarted.CreateClient().GetAsync("/api/actors/kept");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
