using System.Net;
using System.Text;
using GraphApi.Core.Graph;
using Microsoft.Extensions.DependencyInjection;

namespace GraphApi.Api.Tests.Security;

/// <summary>
/// Requests an attacker or a broken client might send. Each must be answered with a 4xx problem+json and leave the
/// store exactly as it was (same change version, same counts). Sent with the admin key, so every case reaches the
/// parsing and validation it is aimed at rather than stopping at authorization.
/// </summary>
public sealed class HostileInputTests(SeededApp app) : IClassFixture<SeededApp>
{
    private const string Injection = "x' }) MATCH (n) DETACH DELETE n //";
    private const string TypeInjection = "MOU]->() MATCH (n) DETACH DELETE n WITH 1 AS x MATCH ()-[r:MOU";

    public static TheoryData<string, string, string, string?, string> Cases()
    {
        var data = new TheoryData<string, string, string, string?, string>();
        void Add(string name, string method, string url, string? body, string contentType = "application/json") =>
            data.Add(name, method, url, body, contentType);

        // Malformed JSON and wrong shapes.
        Add("truncated", "POST", "/api/actors", "{\"id\":\"aa\",\"name\":");
        Add("unquoted keys", "POST", "/api/actors", "{id: aa}");
        Add("not an object", "POST", "/api/actors", "\"actor\"");
        Add("json null", "POST", "/api/actors", "null");
        Add("empty body", "POST", "/api/actors", "");
        Add("trailing garbage", "POST", "/api/actors", Actor("ok-actor") + "xyz");
        Add("comment", "POST", "/api/actors", "/* hi */" + Actor("ok-actor"));
        Add("wrong type for a list", "POST", "/api/actors", "{\"id\":\"aa\",\"name\":\"A\",\"kind\":\"Company\",\"country\":\"FR\",\"aliases\":\"A\"}");
        // Wrong content types.
        Add("text/plain", "POST", "/api/actors", Actor("ok-actor"), "text/plain");
        Add("xml", "POST", "/api/actors", "<actor id=\"aa\"/>", "application/xml");
        Add("form", "POST", "/api/actors", "id=aa&name=A", "application/x-www-form-urlencoded");
        Add("relationship as text", "POST", "/api/relationships", Relationship("ok-rel"), "text/plain");
        // Deep nesting, far past the serializer's depth limit.
        Add("deep arrays", "POST", "/api/actors", "{\"aliases\":" + new string('[', 5000) + new string(']', 5000) + "}");
        Add("deep objects", "POST", "/api/relationships", Nested(2000));
        // Control characters, overlong text, invalid Unicode escapes.
        Add("NUL in name", "POST", "/api/actors", Actor("ctl-actor", name: "Bad\\u0000Name"));
        Add("bell in alias", "POST", "/api/actors", Actor("ctl-actor", extra: ",\"aliases\":[\"A\\u0007\"]"));
        Add("escape in city", "POST", "/api/actors", Actor("ctl-actor", extra: ",\"city\":\"\\u001b[31mred\""));
        Add("newline in name", "POST", "/api/actors", Actor("ctl-actor", name: "Two\\nLines"));
        Add("lone surrogate", "POST", "/api/actors", Actor("ctl-actor", name: "\\ud800x"));
        Add("10k name", "POST", "/api/actors", Actor("long-actor", name: new string('n', 10_000)));
        Add("10k id", "POST", "/api/actors", Actor(new string('a', 10_000)));
        Add("10k note", "POST", "/api/relationships", Relationship("long-rel", extra: $",\"note\":\"{new string('n', 10_000)}\""));
        Add("10k query", "GET", "/api/actors?q=" + new string('q', 10_000), null);
        // Cypher injection where the text is structure: ids, ends, kind, country, relationship type, URLs.
        Add("injection in id", "POST", "/api/actors", Actor(Injection));
        Add("injection in kind", "POST", "/api/actors", Actor("inj-actor", extra: ",\"kind\":\"" + Injection + "\"", kind: null));
        Add("injection in country", "POST", "/api/actors", Actor("inj-actor", extra: ",\"country\":\"" + Injection + "\"", country: null));
        Add("injection in website", "POST", "/api/actors", Actor("inj-actor", extra: ",\"website\":\"javascript:alert(1)//" + Injection + "\""));
        Add("injection in relationship id", "POST", "/api/relationships", Relationship(Injection));
        Add("injection in source", "POST", "/api/relationships", Relationship("inj-rel", source: Injection));
        Add("injection in target", "POST", "/api/relationships", Relationship("inj-rel", target: Injection));
        Add("injection in type", "POST", "/api/relationships", Relationship("inj-rel", type: TypeInjection));
        Add("backtick type", "POST", "/api/relationships", Relationship("inj-rel", type: "MOU`]-() DELETE r //"));
        // A type in another case is the catalogue's type (closed sets take any case); one that only looks like it is not.
        Add("look-alike type", "POST", "/api/relationships", Relationship("inj-rel", type: "\u039COU"));
        Add("injection in type filter", "GET", "/api/relationships?type=" + Uri.EscapeDataString(TypeInjection), null);
        Add("injection in actor filter", "GET", "/api/relationships?actor=" + Uri.EscapeDataString(Injection), null);
        // Strengths that are not 0 < s <= 1.
        foreach (var strength in new[] { "-0.5", "0", "1.5", "\"NaN\"", "\"Infinity\"", "\"-Infinity\"", "1e999", "-1e999", "\"0.5abc\"", "true" })
        {
            Add("strength " + strength, "POST", "/api/relationships", Relationship("str-rel", extra: ",\"strength\":" + strength));
        }
        // Dates that are not YYYY, YYYY-MM or YYYY-MM-DD of a real day, or that run backwards.
        foreach (var date in new[] { "\"0999\"", "\"10000\"", "\"2020-13\"", "\"2020-02-30\"", "\"2020-00\"", "\"2020-1-1\"", "\"yesterday\"",
                     "99999", "-1", "\"2020-01-01T00:00:00Z\"", "\"+2020\"" })
        {
            Add("since " + date, "POST", "/api/relationships", Relationship("date-rel", extra: ",\"since\":" + date));
        }
        Add("until before since", "POST", "/api/relationships", Relationship("date-rel", extra: ",\"since\":\"2020\",\"until\":\"2019-12\""));
        Add("event date", "POST", "/api/relationships", Relationship("date-rel", extra: ",\"event\":{\"name\":\"E\",\"date\":\"2020-02-31\"}"));
        // Ids with path characters, in bodies and in URLs. (A NUL in the path, %00, is refused by Kestrel itself with a bare
        // 400 before any of our code runs; the in-memory test server cannot even represent it, so it is not listed here.)
        foreach (var id in new[] { "../x", "a/b", "%2e%2e", "..", "a\\\\b", "A-Upper", "-leading", "x", "kicox/../kiat" })
        {
            Add("body id " + id, "POST", "/api/actors", Actor(id));
        }
        foreach (var path in new[] { "..%2Fx", "%2e%2e", "a%2Fb", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "%C0%AE%C0%AE" })
        {
            Add("GET path " + path, "GET", "/api/actors/" + path, null);
            Add("DELETE path " + path, "DELETE", "/api/actors/" + path, null);
            Add("PUT path " + path, "PUT", "/api/relationships/" + path, Relationship("ok-rel"));
        }
        // Paging out of range.
        foreach (var query in new[] { "limit=-1", "limit=0", "limit=100000", "offset=-5", "limit=abc", "limit=1e3", "offset=99999999999" })
        {
            Add("paging " + query, "GET", "/api/actors?" + query, null);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Hostile_input_is_a_4xx_problem_and_changes_nothing(string name, string method, string url, string? body, string contentType)
    {
        Assert.NotNull(name);
        var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = new(contentType) { CharSet = contentType == "application/json" ? "utf-8" : null };
        }
        var response = await AssertRefusedWithoutChangeAsync(request);
        if (body is not null && contentType != "application/json")
        {
            Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        }
    }

    [Theory]
    [InlineData(new byte[] { 0xC3, 0x28 })]
    [InlineData(new byte[] { 0xFF, 0xFE })]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]
    [InlineData(new byte[] { 0xC0, 0xAE })]
    public async Task Invalid_utf8_is_a_4xx_problem_and_changes_nothing(byte[] bad)
    {
        var before = Encoding.UTF8.GetBytes("{\"id\":\"utf-actor\",\"name\":\"Bad ");
        var after = Encoding.UTF8.GetBytes("\",\"kind\":\"Company\",\"country\":\"FR\"}");
        var content = new ByteArrayContent([.. before, .. bad, .. after]);
        content.Headers.ContentType = new("application/json");
        await AssertRefusedWithoutChangeAsync(new HttpRequestMessage(HttpMethod.Post, "/api/actors") { Content = content });
    }

    [Fact]
    public async Task A_huge_body_is_a_413_problem_and_changes_nothing()
    {
        var huge = Actor("huge-actor", extra: $",\"description\":\"{new string('d', 3 << 20)}\"");
        var response = await AssertRefusedWithoutChangeAsync(new HttpRequestMessage(HttpMethod.Post, "/api/actors")
        {
            Content = new StringContent(huge, Encoding.UTF8, "application/json"),
        });
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData("name", "Robert'); MATCH (n) DETACH DELETE n; //")]
    [InlineData("description", "\" }) WITH 1 AS x MATCH (n) DETACH DELETE n RETURN 1 //")]
    [InlineData("city", "$param {id: 'kicox'} `backticks`")]
    public async Task Cypher_in_free_text_is_kept_as_text_and_touches_nothing_else(string field, string text)
    {
        // Names and descriptions may legitimately contain quotes and brackets; they are data, never query text.
        var client = app.Factory.CreateClient();
        var graph = app.Factory.Services.GetRequiredService<GraphService>();
        var actorsBefore = graph.Snapshot.ActorCount;
        var relationshipsBefore = graph.Snapshot.RelationshipCount;
        var id = "free-text-" + field;
        var json = System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["id"] = id, ["name"] = "Free text", ["kind"] = "Company", ["country"] = "FR", [field] = text,
        });
        var created = await client.PostRawAsync("/api/actors", json);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var read = await (await client.GetAsync($"/api/actors/{id}")).ReadJsonAsync();
        Assert.Equal(text, read[field]!.GetValue<string>());
        Assert.Equal(actorsBefore + 1, graph.Snapshot.ActorCount);
        Assert.Equal(relationshipsBefore, graph.Snapshot.RelationshipCount);
        Assert.Equal(HttpStatusCode.OK, (await client.DeleteAsync($"/api/actors/{id}")).StatusCode);
    }

    private async Task<HttpResponseMessage> AssertRefusedWithoutChangeAsync(HttpRequestMessage request)
    {
        var graph = app.Factory.Services.GetRequiredService<GraphService>();
        var client = app.Factory.CreateClient();
        var state = await StateAsync(graph);
        var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode is >= 400 and < 500, $"{request.Method} {request.RequestUri}: {(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(state, await StateAsync(graph));
        return response;
    }

    private static async Task<(long StoreVersion, long SnapshotVersion, int Actors, int Relationships)> StateAsync(GraphService graph) =>
        (await graph.Store.GetVersionAsync(CancellationToken.None), graph.Snapshot.Version, graph.Snapshot.ActorCount, graph.Snapshot.RelationshipCount);

    private static string Actor(string id, string name = "Hostile Test", string? extra = null, string? kind = "Company", string? country = "FR") =>
        "{\"id\":\"" + id + "\",\"name\":\"" + name + "\"" + (kind is null ? "" : ",\"kind\":\"" + kind + "\"")
        + (country is null ? "" : ",\"country\":\"" + country + "\"") + (extra ?? "") + "}";

    private static string Relationship(string id, string source = "kicox", string target = "kiat", string type = "MOU", string? extra = null) =>
        "{\"id\":\"" + id + "\",\"source\":\"" + source + "\",\"target\":\"" + target + "\",\"type\":\"" + type + "\"" + (extra ?? "") + "}";

    private static string Nested(int depth) =>
        "{\"id\":\"deep-rel\",\"evidence\":" + string.Concat(Enumerable.Repeat("{\"document\":", depth)) + "\"d\"" + new string('}', depth) + "}";
}
