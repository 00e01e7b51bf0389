using System.Net;
using System.Text.Json.Nodes;

namespace GraphApi.Api.Tests;

public sealed class AnalysisEndpointsTests(SeededApp app) : IClassFixture<SeededApp>
{
    private readonly HttpClient _client = app.Client;

    private async Task<JsonNode> GetOkAsync(string url)
    {
        var response = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    private async Task<JsonNode> GetProblemAsync(string url, HttpStatusCode status)
    {
        var response = await _client.GetAsync(url);
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.ReadJsonAsync();
    }

    [Fact]
    public async Task Brokerage_lists_roles_that_add_up_sorted_by_total()
    {
        var body = await GetOkAsync("/api/analysis/brokerage?partition=region&limit=500");
        var items = body["items"]!.AsArray();
        Assert.Equal(body["total"]!.GetValue<int>(), items.Count);
        Assert.NotEmpty(items);
        Assert.All(items, item =>
        {
            var roles = new[] { "coordinator", "itinerant", "representative", "gatekeeper", "liaison" }.Sum(r => item![r]!.GetValue<long>());
            Assert.Equal(item!["total"]!.GetValue<long>(), roles);
            Assert.Equal(item["representative"]!.GetValue<long>(), item["gatekeeper"]!.GetValue<long>());
            Assert.Contains(item["group"]!.GetValue<string>(), new[] { "EU", "KR", "OTHER" });
        });
        var totals = items.Select(i => i!["total"]!.GetValue<long>()).ToList();
        Assert.Equal(totals.OrderDescending(), totals);
    }

    [Fact]
    public async Task Brokerage_sorts_by_a_role_and_filters_to_actors()
    {
        var byGatekeeper = (await GetOkAsync("/api/analysis/brokerage?sort=gatekeeper&directed=true&limit=10"))["items"]!.AsArray();
        var values = byGatekeeper.Select(i => i!["gatekeeper"]!.GetValue<long>()).ToList();
        Assert.Equal(values.OrderDescending(), values);

        var body = await GetOkAsync("/api/analysis/brokerage?actors=kicox,tci-network&partition=kind");
        Assert.Equal(["kicox", "tci-network"], body["items"]!.AsArray().Select(i => i!["actor"]!.GetValue<string>()).Order());
        Assert.Equal("kind", body["partition"]!.GetValue<string>());
        Assert.Equal("Agency", body["items"]!.AsArray().Single(i => i!["actor"]!.GetValue<string>() == "kicox")!["group"]!.GetValue<string>());
    }

    [Fact]
    public async Task Brokerage_by_sector_groups_by_the_first_listed_sector()
    {
        var kicox = await GetOkAsync("/api/actors/kicox");
        var sectors = kicox["sectors"]!.AsArray().Select(s => s!.GetValue<string>()).ToList();
        var item = (await GetOkAsync("/api/analysis/brokerage?partition=sector&actors=kicox"))["items"]![0]!;
        Assert.Equal(sectors.Count > 0 ? sectors[0] : "none", item["group"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("/api/analysis/brokerage?partition=continent", "partition")]
    [InlineData("/api/analysis/brokerage?sort=broker", "sort")]
    [InlineData("/api/analysis/brokerage?limit=0", "limit")]
    [InlineData("/api/analysis/centrality?measures=degree,pagerank", "measures")]
    [InlineData("/api/analysis/centrality?measures=degree&sort=closeness", "sort")]
    [InlineData("/api/analysis/centrality?order=up", "order")]
    [InlineData("/api/analysis/centrality?sample=0", "sample")]
    [InlineData("/api/analysis/centrality?epsilon=0", "epsilon")]
    [InlineData("/api/analysis/centrality?epsilon=0.0001", "epsilon")]
    [InlineData("/api/analysis/centrality?epsilon=0.6", "epsilon")]
    [InlineData("/api/analysis/centrality?epsilon=NaN", "epsilon")]
    [InlineData("/api/analysis/centrality?epsilon=0.05&sample=10", "epsilon")]
    [InlineData("/api/analysis/centrality?epsilon=0.05&weighted=true", "epsilon")]
    [InlineData("/api/analysis/centrality?epsilon=0.05&delta=0", "delta")]
    [InlineData("/api/analysis/centrality?epsilon=0.05&delta=1", "delta")]
    [InlineData("/api/analysis/centrality?delta=0.1", "delta")]
    [InlineData("/api/analysis/gateways?from=EU&to=region:KR", "from")]
    [InlineData("/api/analysis/gateways?from=region:EU&to=continent:Asia", "to")]
    [InlineData("/api/analysis/gateways?from=region:EU", "to")]
    [InlineData("/api/analysis/gateways?from=region:EU&to=region:KR&top=501", "top")]
    [InlineData("/api/analysis/gateways?from=region:EU&to=region:KR&sample=1", "sample")]
    public async Task Bad_parameters_are_400_with_the_field_named(string url, string field)
    {
        var problem = await GetProblemAsync(url, HttpStatusCode.BadRequest);
        TestJson.OnlyErrorsOf(problem, field);
    }

    [Theory]
    [InlineData("/api/analysis/brokerage?actors=kicox,no-such-actor")]
    [InlineData("/api/analysis/centrality?actors=no-such-actor")]
    public async Task Unknown_actors_are_404(string url)
    {
        var problem = await GetProblemAsync(url, HttpStatusCode.NotFound);
        Assert.Contains("no-such-actor", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Centrality_returns_requested_measures_only()
    {
        var body = await GetOkAsync("/api/analysis/centrality?measures=degree,constraint&sort=degree&limit=5");
        var first = body["items"]![0]!.AsObject();
        Assert.True(first.ContainsKey("degree"));
        Assert.True(first.ContainsKey("constraint"));
        Assert.True(first.ContainsKey("component"));
        Assert.False(first.ContainsKey("betweenness"));
        Assert.False(first.ContainsKey("closeness"));
        Assert.Equal(["degree", "constraint"], body["measures"]!.AsArray().Select(m => m!.GetValue<string>()));
    }

    [Fact]
    public async Task Centrality_defaults_to_all_measures_sorted_by_betweenness()
    {
        var body = await GetOkAsync("/api/analysis/centrality?limit=500");
        var items = body["items"]!.AsArray();
        var betweenness = items.Select(i => i!["betweenness"]!.GetValue<double>()).ToList();
        Assert.Equal(betweenness.OrderDescending(), betweenness);
        Assert.All(items, i => Assert.InRange(i!["betweennessNormalized"]!.GetValue<double>(), 0, 1));
        Assert.Null(body["pivots"]);
        Assert.True(body["components"]!.GetValue<int>() >= 1);
    }

    [Fact]
    public async Task Centrality_can_sample_and_weight()
    {
        var body = await GetOkAsync("/api/analysis/centrality?measures=betweenness&sample=10&seed=7&weighted=true");
        Assert.Equal(10, body["pivots"]!.GetValue<int>());
        Assert.True(body["weighted"]!.GetValue<bool>());
        var again = await GetOkAsync("/api/analysis/centrality?measures=betweenness&sample=10&seed=7&weighted=true");
        Assert.Equal(body["items"]!.ToJsonString(), again["items"]!.ToJsonString());
    }

    [Fact]
    public async Task Centrality_with_epsilon_states_the_guarantee_it_met()
    {
        const string url = "/api/analysis/centrality?measures=betweenness&epsilon=0.05&delta=0.2&seed=9&limit=500";
        var body = await GetOkAsync(url);
        var guarantee = body["guarantee"]!;
        Assert.Equal(0.05, guarantee["epsilon"]!.GetValue<double>());
        Assert.Equal(0.2, guarantee["delta"]!.GetValue<double>());
        Assert.Equal(9, guarantee["seed"]!.GetValue<int>());
        Assert.Equal(0.5, guarantee["c"]!.GetValue<double>());
        var bound = guarantee["vertexDiameterBound"]!.GetValue<int>();
        var vcDimension = Math.Floor(Math.Log2(bound - 2)) + 1;
        Assert.Equal((int)Math.Ceiling(0.5 / (0.05 * 0.05) * (vcDimension + Math.Log(1 / 0.2))), guarantee["samples"]!.GetValue<int>());
        Assert.Null(body["pivots"]);

        // Within the stated error of the exact answer on the seed graph (and the same answer again for the same seed).
        var exact = (await GetOkAsync("/api/analysis/centrality?measures=betweenness&limit=500"))["items"]!.AsArray()
            .ToDictionary(i => i!["actor"]!.GetValue<string>(), i => i!["betweenness"]!.GetValue<double>());
        var error = guarantee["betweennessError"]!.GetValue<double>();
        Assert.All(body["items"]!.AsArray(), i => Assert.InRange(i!["betweenness"]!.GetValue<double>() - exact[i["actor"]!.GetValue<string>()], -error, error));
        Assert.Equal(body["items"]!.ToJsonString(), (await GetOkAsync(url))["items"]!.ToJsonString());
    }

    [Fact]
    public async Task Centrality_without_epsilon_has_no_guarantee()
    {
        Assert.Null((await GetOkAsync("/api/analysis/centrality?measures=betweenness&sample=10"))["guarantee"]);
    }

    [Fact]
    public async Task Centrality_sorts_ascending_on_request_with_undefined_values_last()
    {
        var items = (await GetOkAsync("/api/analysis/centrality?measures=constraint&order=asc&limit=500"))["items"]!.AsArray();
        var values = items.Select(i => i!["constraint"]?.GetValue<double>()).ToList();
        var defined = values.TakeWhile(v => v is not null).ToList();
        Assert.Equal(defined.Order(), defined);
        Assert.All(values.Skip(defined.Count), v => Assert.Null(v));
    }

    [Fact]
    public async Task Gateways_from_europe_to_korea_rank_actors_with_shares()
    {
        var body = await GetOkAsync("/api/analysis/gateways?from=region:EU&to=region:KR&top=10");
        var pairs = body["pairs"]!.GetValue<long>();
        Assert.True(pairs > 0);
        var items = body["items"]!.AsArray();
        Assert.InRange(items.Count, 1, 10);
        var routes = items.Select(i => i!["routes"]!.GetValue<long>()).ToList();
        Assert.Equal(routes.OrderDescending(), routes);
        Assert.All(items, i =>
        {
            var share = i!["share"]!.GetValue<double>();
            Assert.InRange(share, double.Epsilon, 1);
            Assert.Equal(i["routes"]!.GetValue<long>() / (double)pairs, share, 12);
        });
        Assert.Equal("region:EU", body["from"]!.GetValue<string>());
    }

    [Fact]
    public async Task Sampled_gateways_state_the_sample_and_an_error_per_share()
    {
        var exact = await GetOkAsync("/api/analysis/gateways?from=region:EU&to=region:KR");
        Assert.Null(exact["sampledSources"]);
        Assert.All(exact["items"]!.AsArray(), i => Assert.Null(i!["standardError"]));

        var body = await GetOkAsync("/api/analysis/gateways?from=region:EU&to=region:KR&sample=3&seed=5&top=500");
        Assert.Equal(3, body["sampledSources"]!.GetValue<int>());
        Assert.Equal(5, body["seed"]!.GetValue<int>());
        Assert.Equal(exact["sources"]!.GetValue<int>(), body["sources"]!.GetValue<int>());
        var items = body["items"]!.AsArray();
        Assert.NotEmpty(items);
        Assert.All(items, i =>
        {
            var share = i!["share"]!.GetValue<double>();
            Assert.InRange(i["standardError"]!.GetValue<double>(), 0, 1);
            Assert.InRange(share, i["low"]!.GetValue<double>(), i["high"]!.GetValue<double>());
        });
    }

    [Fact]
    public async Task Gateways_to_an_empty_group_is_an_empty_answer()
    {
        var body = await GetOkAsync("/api/analysis/gateways?from=region:EU&to=sector:no-such-sector");
        Assert.Empty(body["items"]!.AsArray());
        Assert.Equal(0, body["pairs"]!.GetValue<long>());
    }
}

public sealed class AnalysisRecomputationTests
{
    private static async Task PostOkAsync(HttpClient client, string url, object body)
    {
        var response = await client.PostJsonAsync(url, body);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Results_are_recomputed_after_a_write()
    {
        using var factory = new GraphApiFactory(seed: false);
        var client = factory.CreateClient();
        foreach (var (id, country) in new[] { ("bridge", "FR"), ("paris-cluster", "FR"), ("seoul-cluster", "KR") })
        {
            await PostOkAsync(client, "/api/actors", new { id, name = id, kind = "Cluster", country });
        }
        await PostOkAsync(client, "/api/relationships", new { id = "t1", source = "paris-cluster", target = "bridge", type = "MOU" });
        await PostOkAsync(client, "/api/relationships", new { id = "t2", source = "bridge", target = "seoul-cluster", type = "MOU" });

        const string Url = "/api/analysis/brokerage?actors=bridge";
        var before = (await (await client.GetAsync(Url)).ReadJsonAsync())["items"]![0]!;
        Assert.Equal(1, before["representative"]!.GetValue<long>());
        Assert.Equal(2, before["total"]!.GetValue<long>());

        await PostOkAsync(client, "/api/relationships", new { id = "t3", source = "paris-cluster", target = "seoul-cluster", type = "MET_AT" });
        var after = (await (await client.GetAsync(Url)).ReadJsonAsync())["items"]![0]!;
        Assert.Equal(0, after["total"]!.GetValue<long>());
    }

    /// <summary>Every computation under the analyses' time budget, wherever it is asked for, answers the same 503 with its advice.</summary>
    [Theory]
    [InlineData("/api/analysis/centrality", "epsilon=", "sample=")]
    [InlineData("/api/analysis/brokerage", "two-paths")]
    [InlineData("/api/analysis/gateways?from=region:EU&to=region:KR", "sample=")]
    [InlineData("/api/export?format=json&analysis=betweenness", "sample=")]
    [InlineData("/api/export?format=json&analysis=brokerage", "two-paths")]
    [InlineData("/api/overview", "lower limit")]
    public async Task Work_over_the_time_budget_is_a_503_problem_that_says_what_to_ask_instead(string url, params string[] hints)
    {
        using var factory = new GraphApiFactory(seed: true);
        factory.Settings["Analysis:TimeBudgetSeconds"] = "0";
        var response = await factory.CreateClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ReadJsonAsync();
        Assert.Equal("The analysis ran out of time", (string?)problem["title"]);
        Assert.All(hints, hint => Assert.Contains(hint, problem["detail"]!.GetValue<string>(), StringComparison.Ordinal));
    }
}
