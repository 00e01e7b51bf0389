using System.Net;
using System.Net.Http.Json;

namespace GraphApi.Api.Tests;

public class ActorApiTests(SeededApp app) : IClassFixture<SeededApp>
{
    private readonly HttpClient _client = app.Client;

    [Theory]
    [InlineData("KICOX")]
    [InlineData("한국산업단지공단")]
    [InlineData("korea industrial complex")]
    public async Task Search_finds_kicox_by_acronym_korean_name_and_words(string q)
    {
        var page = await (await _client.GetAsync($"/api/actors?q={Uri.EscapeDataString(q)}")).ReadJsonAsync();
        Assert.Contains(page["items"]!.AsArray(), a => (string?)a!["id"] == "kicox");
    }

    [Fact]
    public async Task Lists_page_with_totals_and_filters()
    {
        var all = await (await _client.GetAsync("/api/actors?limit=5")).ReadJsonAsync();
        Assert.True((int)all["total"]! >= 60);
        Assert.Equal(5, all["items"]!.AsArray().Count);

        var miniClusters = await (await _client.GetAsync("/api/actors?kind=MiniCluster&region=KR&limit=500")).ReadJsonAsync();
        Assert.All(miniClusters["items"]!.AsArray(), a => Assert.Equal(("MiniCluster", "KR"), ((string?)a!["kind"], (string?)a["region"])));
        Assert.True((int)miniClusters["total"]! > 0);

        var next = await (await _client.GetAsync("/api/actors?limit=5&offset=5")).ReadJsonAsync();
        Assert.NotEqual((string?)all["items"]![0]!["id"], (string?)next["items"]![0]!["id"]);
    }

    [Theory]
    [InlineData("/api/actors?limit=0", "limit")]
    [InlineData("/api/actors?limit=501", "limit")]
    [InlineData("/api/actors?offset=-1", "offset")]
    public async Task Rejects_bad_paging(string url, string field)
    {
        var response = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        TestJson.OnlyErrorsOf(await response.ReadJsonAsync(), field);
    }

    [Fact]
    public async Task Gets_an_actor_with_its_etag_and_derived_region()
    {
        var response = await _client.GetAsync("/api/actors/kicox");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(response.Headers.ETag);
        var kicox = await response.ReadJsonAsync();
        Assert.Equal("KR", (string?)kicox["region"]);
    }

    [Fact]
    public async Task Unknown_actor_is_a_404_problem()
    {
        var response = await _client.GetAsync("/api/actors/no-such-actor");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("no-such-actor", (string?)(await response.ReadJsonAsync())["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Relationship_types_are_listed_with_direction_and_strength()
    {
        var types = (await (await _client.GetAsync("/api/relationship-types")).ReadJsonAsync()).AsArray();
        var mou = Assert.Single(types, t => (string?)t!["name"] == "MOU");
        Assert.Equal(0.9, (double)mou!["strength"]!);
        Assert.False((bool)mou["directed"]!);
    }

    [Fact]
    public async Task Kicox_relationships_include_its_tci_board_seat_with_evidence()
    {
        var page = await (await _client.GetAsync("/api/relationships?actor=kicox&limit=500")).ReadJsonAsync();
        var seat = Assert.Single(page["items"]!.AsArray(), r => (string?)r!["type"] == "BOARD_MEMBER_OF" && (string?)r["target"] == "tci-network");
        Assert.False(string.IsNullOrWhiteSpace((string?)seat!["evidence"]!["quote"]));
        Assert.False(string.IsNullOrWhiteSpace((string?)seat["evidence"]!["section"]));
    }

    [Fact]
    public async Task Health_and_openapi_answer()
    {
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/health/ready")).StatusCode);
        var doc = await (await _client.GetAsync("/openapi/v1.json")).ReadJsonAsync();
        Assert.NotNull(doc["paths"]!["/api/actors"]);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/swagger/index.html")).StatusCode);
    }

    [Fact]
    public async Task Every_tag_an_operation_uses_is_described_in_the_document()
    {
        var doc = await (await _client.GetAsync("/openapi/v1.json")).ReadJsonAsync();
        var used = doc["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject())
            .SelectMany(o => o.Value!["tags"]?.AsArray() ?? []).Select(t => t!.GetValue<string>()).ToHashSet();
        var described = doc["tags"]!.AsArray().Where(t => !string.IsNullOrWhiteSpace(t!["description"]?.GetValue<string>()))
            .Select(t => t!["name"]!.GetValue<string>()).ToHashSet();
        Assert.NotEmpty(used);
        Assert.Subset(described, used);
    }

    [Fact]
    public async Task Relationship_list_rejects_unknown_types_and_404s_unknown_actors()
    {
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.GetAsync("/api/relationships?type=KNOWS")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/api/relationships?actor=nobody-here")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/api/relationships/nope-nope")).StatusCode);
        var one = await _client.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>("/api/relationships/kicox-board-member-of-tci-network");
        Assert.Equal("kicox", (string?)one!["source"]);
    }
}
