using System.Net;
using System.Text.Json.Nodes;

namespace GraphApi.Api.Tests.Routes;

/// <summary>POST /api/routes/best-next-tie over the small graph of <see cref="RouteApiTests.SmallGraphApp"/>: Pôle Eau –MoU– KICOX, which manages two mini clusters.</summary>
public sealed class BestNextTieApiTests : IClassFixture<RouteApiTests.SmallGraphApp>
{
    private const string BestNextTie = "/api/routes/best-next-tie";
    private readonly HttpClient _client;

    public BestNextTieApiTests(RouteApiTests.SmallGraphApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        _client = app.Client;
    }

    [Fact]
    public async Task Candidates_are_ranked_by_the_score_they_would_give_with_the_route_each_opens()
    {
        var answer = await PostAsync(new { from = "pole-eau", to = new { kind = "MiniCluster", country = "KR" } });

        Assert.Equal("pole-eau>kicox>gumi-mini", Path(answer["current"]!));
        Assert.Equal(2, (int)answer["targets"]!);
        Assert.Equal(2, (int)answer["reachableTargets"]!);
        Assert.Equal("MOU", (string)answer["tie"]!["type"]!);
        var candidates = answer["candidates"]!.AsArray();
        // Both direct ties score 0.9; equal on everything else, the smaller id comes first. KICOX is tied already, the loner leads nowhere.
        Assert.Equal(["gumi-mini", "ulsan-mini"], candidates.Select(c => (string)c!["actor"]!["id"]!));
        var best = candidates[0]!;
        Assert.Equal(0.9, (double)best["bestScore"]!, 12);
        Assert.Equal(0.9 - (0.9 * 0.85), (double)best["gain"]!, 12);
        Assert.Equal(0, (int)best["newlyReachable"]!);
        Assert.Equal("pole-eau>gumi-mini", Path(best["route"]!));
        Assert.Empty(best["route"]!["steps"]!.AsArray());
    }

    [Fact]
    public async Task The_opened_route_continues_over_existing_ties_to_one_target()
    {
        var answer = await PostAsync(new { from = "pole-eau", to = new { id = "ulsan-mini" } });

        Assert.Equal("pole-eau>kicox>gumi-mini>ulsan-mini", Path(answer["current"]!));
        var candidates = answer["candidates"]!.AsArray();
        Assert.Equal(["ulsan-mini", "gumi-mini"], candidates.Select(c => (string)c!["actor"]!["id"]!));
        var viaGumi = candidates[1]!["route"]!;
        Assert.Equal("pole-eau>gumi-mini>ulsan-mini", Path(viaGumi));
        Assert.Equal(0.9 * 0.75, (double)viaGumi["score"]!, 12);
        Assert.Equal("gumi-partner-ulsan", (string)viaGumi["steps"]![0]!["relationship"]!);
        Assert.StartsWith("Pôle Eau would make a new MOU tie with Gumi mini cluster (assumed", (string)viaGumi["explanation"]!);
    }

    [Fact]
    public async Task Options_shape_the_answer()
    {
        var oneHop = await PostAsync(new { from = "pole-eau", to = new { kind = "MiniCluster" }, maxHops = 1, limit = 1 });
        Assert.Null(oneHop["current"]);
        Assert.Equal(0, (int)oneHop["reachableTargets"]!);
        var only = Assert.Single(oneHop["candidates"]!.AsArray())!;
        Assert.Equal("gumi-mini", (string)only["actor"]!["id"]!);
        Assert.Equal(1, (int)only["newlyReachable"]!);
        Assert.Equal(0.9, (double)only["gain"]!, 12);

        var metAt = await PostAsync(new { from = "pole-eau", to = new { kind = "MiniCluster" }, type = "MET_AT" });
        Assert.Empty(metAt["candidates"]!.AsArray()); // 0.4 never beats 0.9 × 0.85

        var companies = await PostAsync(new { from = "pole-eau", to = new { kind = "MiniCluster" }, candidates = new { kind = "Company" } });
        Assert.Equal(1, (int)companies["candidatesTried"]!);
        Assert.Empty(companies["candidates"]!.AsArray());

        var tied = await PostAsync(new { from = "gumi-mini", to = new { id = "ulsan-mini" }, includeTied = true, maxHops = 1 });
        Assert.Equal(["ulsan-mini"], tied["candidates"]!.AsArray().Select(c => (string)c!["actor"]!["id"]!));
    }

    [Fact]
    public async Task Unknown_ids_are_404_naming_them()
    {
        var response = await _client.PostJsonAsync(BestNextTie, new { from = "nobody", to = new { id = "nowhere" } });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("no actor 'nobody', 'nowhere'", (string)(await response.ReadJsonAsync())["detail"]!);
    }

    [Theory]
    [InlineData("""{"to":{"id":"kicox"}}""", "from")]
    [InlineData("""{"from":"Pôle Eau","to":{"id":"kicox"}}""", "from")]
    [InlineData("""{"from":"pole-eau"}""", "to")]
    [InlineData("""{"from":"pole-eau","to":{}}""", "to")]
    [InlineData("""{"from":"pole-eau","to":{"id":"kicox","kind":"Agency"}}""", "to")]
    [InlineData("""{"from":"pole-eau","to":{"id":"pole-eau"}}""", "to.id")]
    [InlineData("""{"from":"pole-eau","to":{"kind":"Spaceship"}}""", "to.kind")]
    [InlineData("""{"from":"pole-eau","to":{"region":"MARS"}}""", "to.region")]
    [InlineData("""{"from":"pole-eau","to":{"id":"kicox"},"candidates":{"country":"XX"}}""", "candidates.country")]
    [InlineData("""{"from":"pole-eau","to":{"id":"kicox"},"type":"FRIENDS"}""", "type")]
    [InlineData("""{"from":"pole-eau","to":{"id":"kicox"},"maxHops":0}""", "maxHops")]
    [InlineData("""{"from":"pole-eau","to":{"id":"kicox"},"maxHops":9}""", "maxHops")]
    [InlineData("""{"from":"pole-eau","to":{"id":"kicox"},"limit":0}""", "limit")]
    [InlineData("""{"from":"pole-eau","to":{"id":"kicox"},"limit":101}""", "limit")]
    public async Task Bad_fields_are_400_per_field(string body, string field)
    {
        var response = await _client.PostRawAsync(BestNextTie, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await response.ReadJsonAsync())["errors"]![field]);
    }

    private async Task<JsonNode> PostAsync(object body)
    {
        var response = await _client.PostJsonAsync(BestNextTie, body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    private static string Path(JsonNode route) => string.Join('>', route["path"]!.AsArray().Select(a => (string)a!));
}
