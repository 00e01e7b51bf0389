using System.Net;
using System.Text.Json.Nodes;

namespace GraphApi.Api.Tests;

public sealed class OverviewEndpointsTests(SeededApp app) : IClassFixture<SeededApp>
{
    private readonly HttpClient _client = app.Client;

    [Fact]
    public async Task The_whole_overview_has_every_actor_with_a_position_and_one_edge_per_tied_pair()
    {
        var body = await GetOkAsync("/api/overview");

        var ids = Strings(body["nodes"]!["ids"]!);
        var actors = await AllAsync("/api/actors");
        Assert.Equal(actors.Select(a => a["id"]!.GetValue<string>()).Order(StringComparer.Ordinal), ids);
        Assert.Equal(ids.Count, body["matching"]!.GetValue<int>());
        Assert.False(body["truncated"]!.GetValue<bool>());
        foreach (var column in new[] { "names", "kinds", "regions", "x", "y", "degrees" })
        {
            Assert.Equal(ids.Count, body["nodes"]![column]!.AsArray().Count);
        }
        Assert.All(body["nodes"]!["x"]!.AsArray().Concat(body["nodes"]!["y"]!.AsArray()), v => Assert.True(double.IsFinite(v!.GetValue<double>())));

        var relationships = await AllAsync("/api/relationships");
        var expected = relationships
            .Select(r => (Source: r["source"]!.GetValue<string>(), Target: r["target"]!.GetValue<string>()))
            .Where(r => r.Source != r.Target)
            .Select(r => Pair(ids.IndexOf(r.Source), ids.IndexOf(r.Target)))
            .Distinct().Order();
        Assert.Equal(expected, EdgePairs(body));
    }

    [Fact]
    public async Task A_filter_keeps_the_matching_actors_and_the_ties_among_them()
    {
        var body = await GetOkAsync("/api/overview?region=kr&kind=MiniCluster");

        var expected = (await AllAsync("/api/actors?region=KR&kind=MiniCluster")).Select(a => a["id"]!.GetValue<string>());
        Assert.Equal(expected, Strings(body["nodes"]!["ids"]!));
        Assert.All(Strings(body["nodes"]!["regions"]!), region => Assert.Equal("KR", region));
        Assert.All(EdgePairs(body), pair => Assert.True(pair.Item2 < body["nodes"]!["ids"]!.AsArray().Count));
    }

    [Fact]
    public async Task A_limit_below_the_matching_actors_truncates_and_says_how_many_matched()
    {
        var whole = await GetOkAsync("/api/overview");
        var body = await GetOkAsync("/api/overview?limit=5");

        Assert.True(body["truncated"]!.GetValue<bool>());
        Assert.Equal(5, body["nodes"]!["ids"]!.AsArray().Count);
        Assert.Equal(whole["matching"]!.GetValue<int>(), body["matching"]!.GetValue<int>());
        Assert.Equal(5, body["limit"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("kind=Spaceship", "kind")]
    [InlineData("region=MARS", "region")]
    [InlineData("country=XX", "country")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=25001", "limit")]
    public async Task A_bad_filter_is_a_problem_naming_the_field(string query, string field)
    {
        var response = await _client.GetAsync($"/api/overview?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        TestJson.OnlyErrorsOf(await response.ReadJsonAsync(), field);
    }

    [Fact]
    public async Task An_unchanged_graph_answers_a_revalidation_with_304()
    {
        var first = await _client.GetAsync("/api/overview?region=EU");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);

        using var again = new HttpRequestMessage(HttpMethod.Get, "/api/overview?region=EU");
        again.Headers.IfNoneMatch.Add(etag);
        var second = await _client.SendAsync(again);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    private async Task<JsonNode> GetOkAsync(string url)
    {
        var response = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    private async Task<List<JsonNode>> AllAsync(string url)
    {
        var items = new List<JsonNode>();
        var separator = url.Contains('?') ? '&' : '?';
        while (true)
        {
            var page = await GetOkAsync($"{url}{separator}limit=500&offset={items.Count}");
            var batch = page["items"]!.AsArray().Select(i => i!).ToList();
            items.AddRange(batch);
            if (batch.Count == 0 || items.Count >= page["total"]!.GetValue<int>())
            {
                return items;
            }
        }
    }

    private static List<string> Strings(JsonNode array) => [.. array.AsArray().Select(v => v!.GetValue<string>())];

    private static List<(int, int)> EdgePairs(JsonNode body)
    {
        var flat = body["edges"]!.AsArray().Select(v => v!.GetValue<int>()).ToList();
        return [.. Enumerable.Range(0, flat.Count / 2).Select(k => (flat[2 * k], flat[(2 * k) + 1]))];
    }

    private static (int, int) Pair(int a, int b) => a < b ? (a, b) : (b, a);
}
