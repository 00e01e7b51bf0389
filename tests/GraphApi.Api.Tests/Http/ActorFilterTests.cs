using System.Net;
using System.Text.Json.Nodes;
using GraphApi.Core.Domain;
using GraphApi.Core.Routing;

namespace GraphApi.Api.Tests.Http;

/// <summary>
/// Every endpoint that selects actors by kind / country / region / sector checks the filter with the one rule set
/// (ActorFilterRules), so the same bad value gets the same 400 message wherever it is sent, and the same good value
/// selects the same actors.
/// </summary>
public sealed class ActorFilterTests(SeededApp app) : IClassFixture<SeededApp>
{
    private static readonly string BadKind = $"'Galaxy' is not a known kind; use one of {string.Join(", ", ActorKinds.All)}";

    private readonly HttpClient _client = app.Client;

    public static TheoryData<string, string, string> BadFilters => new()
    {
        { "GET", "/api/actors?kind=Galaxy", "kind" },
        { "GET", "/api/overview?kind=Galaxy", "kind" },
        { "GET", "/api/export?format=json&kind=Galaxy", "kind" },
        { "GET", "/api/analysis/gateways?from=region:EU&to=kind:Galaxy", "to" },
        { "POST", "/api/routes/introductions", "to.kind" },
    };

    [Theory]
    [MemberData(nameof(BadFilters))]
    public async Task An_unknown_kind_gets_the_same_message_everywhere(string method, string url, string field)
    {
        var response = method == "GET"
            ? await _client.GetAsync(url)
            : await _client.PostJsonAsync(url, new { from = new[] { "kicox" }, to = new { kind = "Galaxy" } });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadJsonAsync())["errors"]!.AsObject();
        Assert.Equal(BadKind, Assert.Single(errors[field]!.AsArray())!.GetValue<string>());
    }

    [Theory]
    [InlineData("/api/actors?country=XX", "country", "'XX' is not an ISO 3166-1 alpha-2 country code")]
    [InlineData("/api/export?format=json&country=XX", "country", "'XX' is not an ISO 3166-1 alpha-2 country code")]
    [InlineData("/api/actors?region=MARS", "region", "'MARS' is not a known region; use one of EU, KR, OTHER")]
    [InlineData("/api/analysis/gateways?from=region:MARS&to=region:KR", "from", "'MARS' is not a known region; use one of EU, KR, OTHER")]
    [InlineData("/api/actors?sector=", "sector", "must be 1-100 characters")]
    public async Task Each_bad_field_is_named_with_its_reason(string url, string field, string message)
    {
        var response = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadJsonAsync())["errors"]!.AsObject();
        Assert.Equal(message, Assert.Single(errors[field]!.AsArray())!.GetValue<string>());
    }

    [Fact]
    public async Task A_filter_selects_the_same_actors_in_the_list_the_overview_and_route_targets()
    {
        var listed = await IdsAsync("/api/actors?kind=minicluster&region=kr&limit=500", "items");
        var overview = (await GetOkAsync("/api/overview?kind=minicluster&region=kr"))["nodes"]!["ids"]!.AsArray()
            .Select(n => n!.GetValue<string>()).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(listed);
        Assert.Equal(listed, overview);

        var response = await _client.PostJsonAsync("/api/routes/introductions",
            new { from = new[] { "pole-eau" }, to = new { kind = "minicluster", region = "kr" }, k = IntroductionQuery.MaxK, distinctTargets = true });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reached = (await response.ReadJsonAsync())["routes"]!.AsArray()
            .Select(r => r!["path"]!.AsArray()[^1]!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(reached);
        Assert.Subset(listed.ToHashSet(StringComparer.Ordinal), reached);
    }

    private async Task<List<string>> IdsAsync(string url, string list) =>
        [.. (await GetOkAsync(url))[list]!.AsArray().Select(n => n!["id"]!.GetValue<string>()).Order(StringComparer.Ordinal)];

    private async Task<JsonNode> GetOkAsync(string url)
    {
        var response = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadJsonAsync();
    }
}
