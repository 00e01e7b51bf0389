using System.Net;
using System.Text.Json.Nodes;
using GraphApi.Core.Domain;
using GraphApi.Core.Graph;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace GraphApi.Api.Tests.Routes;

/// <summary>The route endpoints over a small graph written through the service: Pôle Eau → KICOX → two mini clusters.</summary>
public sealed class RouteApiTests : IClassFixture<RouteApiTests.SmallGraphApp>
{
    private const string Introductions = "/api/routes/introductions";
    private readonly HttpClient _client;

    public RouteApiTests(SmallGraphApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        _client = app.Client;
    }

    [Fact]
    public async Task Introductions_to_a_filter_return_explained_routes_with_stored_directions_and_evidence()
    {
        var response = await _client.PostJsonAsync(Introductions, new { from = new[] { "pole-eau" }, to = new { kind = "MiniCluster", country = "KR" } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var routes = (await response.ReadJsonAsync())["routes"]!.AsArray();
        Assert.Equal(["pole-eau>kicox>gumi-mini", "pole-eau>kicox>gumi-mini>ulsan-mini", "pole-eau>kicox>ulsan-mini"],
            routes.Select(r => string.Join('>', r!["path"]!.AsArray().Select(a => (string)a!))));
        var best = routes[0]!;
        Assert.Equal(0.9 * 0.85, (double)best["score"]!, 12);
        Assert.Equal(-Math.Log(0.9 * 0.85), (double)best["cost"]!, 12);
        Assert.Equal(2, (int)best["hops"]!);
        Assert.Equal("gumi-mini", (string)best["target"]!);
        Assert.Equal("Pôle Eau signed an MoU with KICOX (2016), which manages Gumi mini cluster", (string)best["explanation"]!);
        var first = best["steps"]![0]!;
        Assert.Equal("pole-eau", (string)first["from"]!);
        Assert.Equal("kicox", (string)first["to"]!);
        Assert.Equal("MOU", (string)first["type"]!);
        Assert.Equal("backward", (string)first["direction"]!);
        Assert.Equal("kicox", (string)first["source"]!);
        Assert.Equal("2016-05", (string)first["since"]!);
        Assert.Equal("§3.2", (string)first["evidence"]!["section"]!);
        Assert.Equal("forward", (string)best["steps"]![1]!["direction"]!);
    }

    [Fact]
    public async Task Options_shape_the_answer()
    {
        var distinct = await PostAsync(new { from = new[] { "pole-eau" }, to = new { kind = "MiniCluster" }, distinctTargets = true, k = 5 });
        Assert.Equal(["gumi-mini", "ulsan-mini"], distinct["routes"]!.AsArray().Select(r => (string)r!["target"]!));

        var avoiding = await PostAsync(new { from = new[] { "pole-eau" }, to = new { id = "ulsan-mini" }, avoid = new[] { "gumi-mini" }, k = 1 });
        Assert.Equal("pole-eau>kicox>ulsan-mini", Path(avoiding["routes"]![0]!));

        var onlyMous = await PostAsync(new { from = new[] { "pole-eau" }, to = new { id = "gumi-mini" }, relationshipTypes = new[] { "MOU" } });
        Assert.Empty(onlyMous["routes"]!.AsArray());
        Assert.Contains("no route", (string)onlyMous["reason"]!);

        var before = await PostAsync(new { from = new[] { "pole-eau" }, to = new { id = "kicox" }, asOf = "2015-12-31" });
        Assert.Empty(before["routes"]!.AsArray());

        var decayed = await PostAsync(new { from = new[] { "pole-eau" }, to = new { id = "kicox" }, halfLifeYears = 4 });
        var age = (new DateOnly(2024, 5, 1).DayNumber - new DateOnly(2016, 5, 1).DayNumber) / 365.2425;
        Assert.Equal(0.9 * Math.Pow(0.5, age / 4), (double)decayed["routes"]![0]!["score"]!, 12);
        Assert.Equal(0.9, (double)decayed["routes"]![0]!["steps"]![0]!["baseStrength"]!);

        var none = await PostAsync(new { from = new[] { "pole-eau" }, to = new { kind = "Ministry" } });
        Assert.Empty(none["routes"]!.AsArray());
        Assert.Contains("no actor", (string)none["reason"]!);
    }

    [Fact]
    public async Task Unknown_ids_are_404_naming_them()
    {
        var response = await _client.PostJsonAsync(Introductions, new { from = new[] { "pole-eau", "nobody" }, to = new { id = "nowhere" }, avoid = new[] { "ghost" } });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var detail = (string)(await response.ReadJsonAsync())["detail"]!;
        Assert.Contains("'nobody'", detail);
        Assert.Contains("'nowhere'", detail);
        Assert.Contains("'ghost'", detail);
    }

    [Theory]
    [InlineData("""{"from":["pole-eau"],"to":{"id":"kicox"},"k":0}""", "k")]
    [InlineData("""{"from":["pole-eau"],"to":{"id":"kicox"},"k":11}""", "k")]
    [InlineData("""{"from":["pole-eau"],"to":{"id":"kicox"},"maxHops":9}""", "maxHops")]
    [InlineData("""{"from":["pole-eau"],"to":{"id":"kicox"},"maxHops":0}""", "maxHops")]
    [InlineData("""{"from":["pole-eau"],"to":{"id":"kicox"},"relationshipTypes":["FRIENDS"]}""", "relationshipTypes[0]")]
    [InlineData("""{"from":["pole-eau"],"to":{}}""", "to")]
    [InlineData("""{"from":["pole-eau"]}""", "to")]
    [InlineData("""{"from":["pole-eau"],"to":{"id":"kicox","kind":"Agency"}}""", "to")]
    [InlineData("""{"from":["pole-eau"],"to":{"id":"pole-eau"}}""", "to.id")]
    [InlineData("""{"from":["pole-eau"],"to":{"kind":"Spaceship"}}""", "to.kind")]
    [InlineData("""{"from":["pole-eau"],"to":{"country":"XX"}}""", "to.country")]
    [InlineData("""{"from":["pole-eau"],"to":{"region":"MARS"}}""", "to.region")]
    [InlineData("""{"from":[],"to":{"id":"kicox"}}""", "from")]
    [InlineData("""{"from":["pole-eau"],"to":{"id":"kicox"},"asOf":"2016-13-01"}""", "asOf")]
    [InlineData("""{"from":["pole-eau"],"to":{"id":"kicox"},"asOf":"yesterday"}""", "asOf")]
    [InlineData("""{"from":["pole-eau"],"to":{"id":"kicox"},"halfLifeYears":0}""", "halfLifeYears")]
    [InlineData("""{"from":["pole-eau"],"to":{"id":"kicox"},"halfLifeYears":-2}""", "halfLifeYears")]
    [InlineData("""{"from":["pole-eau"],"to":{"id":"kicox"},"avoid":["kicox"]}""", "avoid")]
    public async Task Bad_fields_are_400_per_field(string body, string field)
    {
        var response = await _client.PostRawAsync(Introductions, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        TestJson.OnlyErrorsOf(await response.ReadJsonAsync(), field);
    }

    [Fact]
    public async Task Shortest_counts_hops_and_answers_404_400_and_empty()
    {
        var found = await (await _client.GetAsync("/api/routes/shortest?from=pole-eau&to=ulsan-mini")).ReadJsonAsync();
        Assert.Equal("pole-eau>kicox>ulsan-mini", Path(found["routes"]![0]!));

        var unknown = await _client.GetAsync("/api/routes/shortest?from=pole-eau&to=nowhere");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("'nowhere'", (string)(await unknown.ReadJsonAsync())["detail"]!);

        Assert.Equal(HttpStatusCode.BadRequest, (await _client.GetAsync("/api/routes/shortest?from=pole-eau")).StatusCode);

        var apart = await (await _client.GetAsync("/api/routes/shortest?from=pole-eau&to=loner")).ReadJsonAsync();
        Assert.Empty(apart["routes"]!.AsArray());
        Assert.Contains("not connected", (string)apart["reason"]!);
    }

    [Fact]
    public async Task Neighbourhood_returns_nodes_and_edges_by_depth()
    {
        var one = await (await _client.GetAsync("/api/actors/kicox/neighbourhood")).ReadJsonAsync();
        Assert.Equal(["kicox", "gumi-mini", "pole-eau", "ulsan-mini"], one["nodes"]!.AsArray().Select(n => (string)n!["id"]!));
        Assert.Equal(4, one["edges"]!.AsArray().Count);

        var two = await (await _client.GetAsync("/api/actors/pole-eau/neighbourhood?depth=2")).ReadJsonAsync();
        Assert.Equal([0, 1, 2, 2], two["nodes"]!.AsArray().Select(n => (int)n!["depth"]!));

        Assert.Equal(HttpStatusCode.BadRequest, (await _client.GetAsync("/api/actors/kicox/neighbourhood?depth=4")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/api/actors/nobody/neighbourhood")).StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_states_the_route_semantics_and_an_example()
    {
        var document = await (await _client.GetAsync("/openapi/v1.json")).ReadJsonAsync();

        var operation = document["paths"]!["/api/routes/introductions"]!["post"]!;
        var description = (string)operation["description"]!;
        foreach (var term in new[] { "−ln s", "Π s", "0.5^(age / halfLifeYears)", "fewer hops", "asOf", "either way" })
        {
            Assert.Contains(term, description);
        }
        Assert.Equal("pole-eau", (string)operation["requestBody"]!["content"]!["application/json"]!["example"]!["from"]![0]!);
        Assert.NotNull(document["paths"]!["/api/actors/{id}/neighbourhood"]);
    }

    private async Task<JsonNode> PostAsync(object body)
    {
        var response = await _client.PostJsonAsync(Introductions, body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    private static string Path(JsonNode route) => string.Join('>', route["path"]!.AsArray().Select(a => (string)a!));

    /// <summary>An empty store filled with a few actors and ties, with today pinned to 2024-05-01 so decay is exact.</summary>
    public sealed class SmallGraphApp : IDisposable
    {
        private readonly GraphApiFactory _factory = new(seed: false);
        private readonly Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> _app;

        public SmallGraphApp()
        {
            _app = _factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(new FixedClock(new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.Zero)))));
            Client = _app.CreateClient();
            var graph = _app.Services.GetRequiredService<GraphService>();
            graph.UpsertAsync(
                [
                    Actor("pole-eau", "Pôle Eau", "Cluster", "FR"), Actor("kicox", "KICOX", "Agency", "KR"),
                    Actor("gumi-mini", "Gumi mini cluster", "MiniCluster", "KR"), Actor("ulsan-mini", "Ulsan mini cluster", "MiniCluster", "KR"),
                    Actor("loner", "Loner", "Company", "DE"),
                ],
                [
                    Tie("kicox-mou-pole-eau", "kicox", "pole-eau", "MOU", "2016-05"),
                    Tie("kicox-manages-gumi", "kicox", "gumi-mini", "MANAGES", null),
                    Tie("kicox-manages-ulsan", "kicox", "ulsan-mini", "MANAGES", null, strength: 0.5),
                    Tie("gumi-partner-ulsan", "gumi-mini", "ulsan-mini", "PARTNER_OF", "2019"),
                ],
                CancellationToken.None).GetAwaiter().GetResult();
        }

        public HttpClient Client { get; }

        private static Actor Actor(string id, string name, string kind, string country) =>
            new() { Id = id, Name = name, Kind = kind, Country = country, Sources = ["test"] };

        private static Relationship Tie(string id, string source, string target, string type, string? since, double? strength = null) => new()
        {
            Id = id,
            Source = source,
            Target = target,
            Type = type,
            Since = since is null ? null : PartialDate.Parse(since),
            Strength = strength,
            Evidence = new Evidence("EU-South Korea cluster cooperation report", "§3.2", "a short quote"),
        };

        public void Dispose()
        {
            Client.Dispose();
            _app.Dispose();
            _factory.Dispose();
        }
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
