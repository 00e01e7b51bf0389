using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using GraphApi.Api.Tests.Interchange;
using GraphApi.Core.Interchange;

namespace GraphApi.Api.Tests;

public sealed class CommunityEndpointsTests(SeededApp app) : IClassFixture<SeededApp>
{
    private readonly HttpClient _client = app.Client;

    private async Task<JsonNode> GetOkAsync(string url)
    {
        var response = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    private static Dictionary<string, int> CommunityOf(JsonNode page) =>
        page["items"]!.AsArray().ToDictionary(i => (string)i!["actor"]!, i => (int)i!["community"]!);

    [Fact]
    public async Task Communities_of_the_dataset_are_numbered_by_size_and_add_up()
    {
        var page = await GetOkAsync("/api/analysis/communities?limit=500&top=500");
        var members = CommunityOf(page);
        Assert.Equal((int)page["total"]!, members.Count);
        Assert.Equal(1.0, (double)page["resolution"]!);
        Assert.Equal(42, (int)page["seed"]!);
        Assert.InRange((double)page["modularity"]!, 0.1, 1.0);
        var communities = page["communities"]!.AsArray();
        Assert.Equal((int)page["communityCount"]!, communities.Count);
        var sizes = communities.Select(c => (int)c!["size"]!).ToList();
        Assert.Equal(sizes.OrderDescending(), sizes);
        foreach (var community in communities)
        {
            var number = (int)community!["community"]!;
            Assert.Equal((int)community["size"]!, members.Values.Count(c => c == number));
            Assert.All(community["topMembers"]!.AsArray(), m => Assert.Equal(number, members[(string)m!["actor"]!]));
        }
        // Items come by community, then id.
        var order = page["items"]!.AsArray().Select(i => ((int)i!["community"]!, (string)i["actor"]!)).ToList();
        Assert.Equal(order.OrderBy(o => o.Item1).ThenBy(o => o.Item2, StringComparer.Ordinal), order);
    }

    [Fact]
    public async Task Bridges_tie_into_several_communities_and_come_by_participation()
    {
        var page = await GetOkAsync("/api/analysis/communities?top=500");
        var bridges = page["bridges"]!.AsArray();
        Assert.NotEmpty(bridges);
        Assert.Equal((int)page["bridgeCount"]!, bridges.Count);
        Assert.All(bridges, b =>
        {
            Assert.True((int)b!["degree"]! >= 2);
            Assert.True((int)b["communitiesReached"]! >= 2);
            Assert.InRange((double)b["participation"]!, double.Epsilon, 1.0);
        });
        var participation = bridges.Select(b => (double)b!["participation"]!).ToList();
        Assert.Equal(participation.OrderDescending(), participation);
    }

    [Fact]
    public async Task The_same_seed_and_resolution_give_the_same_answer_and_a_higher_resolution_more_communities()
    {
        var first = await GetOkAsync("/api/analysis/communities?resolution=1&seed=7&limit=500");
        var again = await GetOkAsync("/api/analysis/communities?resolution=1.0&seed=7&limit=500");
        Assert.Equal(CommunityOf(first), CommunityOf(again));
        Assert.Equal((double)first["modularity"]!, (double)again["modularity"]!);
        var finer = await GetOkAsync("/api/analysis/communities?resolution=4&seed=7");
        var coarser = await GetOkAsync("/api/analysis/communities?resolution=0.25&seed=7");
        Assert.True((int)finer["communityCount"]! > (int)first["communityCount"]!);
        Assert.True((int)coarser["communityCount"]! < (int)first["communityCount"]!);
    }

    [Fact]
    public async Task Actors_restrict_the_items_and_unknown_ones_are_404()
    {
        var page = await GetOkAsync("/api/analysis/communities?actors=kicox,kiat");
        Assert.Equal(["kiat", "kicox"], page["items"]!.AsArray().Select(i => (string)i!["actor"]!).Order(StringComparer.Ordinal));
        var response = await _client.GetAsync("/api/analysis/communities?actors=kicox,no-such-actor");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("no-such-actor", (string?)(await response.ReadJsonAsync())["detail"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("resolution=0", "resolution")]
    [InlineData("resolution=-1", "resolution")]
    [InlineData("resolution=NaN", "resolution")]
    [InlineData("resolution=Infinity", "resolution")]
    [InlineData("top=0", "top")]
    [InlineData("top=501", "top")]
    [InlineData("limit=0", "limit")]
    [InlineData("offset=-1", "offset")]
    public async Task Bad_parameters_are_400_problems_naming_the_field(string query, string field)
    {
        var response = await _client.GetAsync("/api/analysis/communities?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull((await response.ReadJsonAsync())["errors"]![field]);
    }

    [Theory]
    [InlineData("seed=abc", "seed")]
    [InlineData("seed=1.5", "seed")]
    [InlineData("resolution=high", "resolution")]
    public async Task Values_that_are_not_numbers_are_400_problems_naming_the_parameter(string query, string parameter)
    {
        var response = await _client.GetAsync("/api/analysis/communities?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var message = Assert.Single(TestJson.OnlyErrorsOf(await response.ReadJsonAsync(), parameter));
        Assert.Contains("number", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Work_over_the_time_budget_is_a_503_problem_with_advice()
    {
        using var factory = new GraphApiFactory(seed: true);
        factory.Settings["Analysis:TimeBudgetSeconds"] = "0";
        var response = await factory.CreateClient().GetAsync("/api/analysis/communities");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Leiden", (string?)(await response.ReadJsonAsync())["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_community_export_column_matches_the_endpoint_in_every_format_and_reads_back_whole()
    {
        var expected = CommunityOf(await GetOkAsync("/api/analysis/communities?limit=500"));
        var plain = JsonNode.Parse(await _client.GetStringAsync("/api/export?format=json"))!;
        var relationships = plain["relationships"]!.AsArray().Count;

        var graphml = GraphXmlReader.ReadGraphML(await _client.GetStringAsync("/api/export?format=graphml&analysis=community"));
        var gexf = GraphXmlReader.ReadGexf(await _client.GetStringAsync("/api/export?format=gexf&analysis=community"));
        foreach (var graph in new[] { graphml, gexf })
        {
            Assert.Equal(expected.Count, graph.Nodes.Count);
            Assert.Equal(relationships, graph.Edges.Count);
            Assert.Equal(expected, graph.Nodes.ToDictionary(n => n.Key, n => int.Parse(n.Value["community"], CultureInfo.InvariantCulture)));
        }
        Assert.Equal("long", graphml.NodeTypes["community"]);
        Assert.Equal("double", graphml.NodeTypes["participation"]);

        var json = JsonNode.Parse(await _client.GetStringAsync("/api/export?format=json&analysis=community"))!;
        Assert.Equal(relationships, json["relationships"]!.AsArray().Count);
        Assert.Equal(expected, json["actors"]!.AsArray().ToDictionary(a => (string)a!["id"]!, a => (int)a!["analysis"]!["community"]!));

        var csv = await _client.GetStringAsync("/api/export?format=csv&part=actors&analysis=community");
        var errors = new List<CsvError>();
        var rows = CsvReader.Read(new StringReader(csv), "actors.csv", errors).ToList();
        Assert.Empty(errors);
        var header = rows[0].Fields.ToList();
        Assert.Equal(["community", "participation"], header.TakeLast(2));
        Assert.Equal(expected, rows.Skip(1).ToDictionary(r => r.Fields[header.IndexOf("id")],
            r => int.Parse(r.Fields[header.IndexOf("community")], CultureInfo.InvariantCulture)));
    }
}
