using System.Net;
using System.Text.Json.Nodes;

namespace GraphApi.Api.Tests.Interchange;

public sealed class ExportApiTests(SeededApp app) : IClassFixture<SeededApp>
{
    private readonly HttpClient _client = app.Client;

    private async Task<JsonNode> JsonExportAsync(string query = "") =>
        JsonNode.Parse(await _client.GetStringAsync("/api/export?format=json" + query))!;

    [Theory]
    [InlineData("graphml")]
    [InlineData("gexf")]
    [InlineData("gexf&gexfVersion=1.2draft")]
    public async Task Graph_xml_exports_carry_every_actor_and_relationship_with_typed_attributes(string format)
    {
        var response = await _client.GetAsync("/api/export?format=" + format);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        var xml = await response.Content.ReadAsStringAsync();
        var graph = format == "graphml" ? GraphXmlReader.ReadGraphML(xml) : GraphXmlReader.ReadGexf(xml);
        var expected = await JsonExportAsync();

        Assert.Equal(format switch
        {
            "graphml" => "http://graphml.graphdrawing.org/xmlns",
            "gexf" => "http://gexf.net/1.3",
            _ => "http://www.gexf.net/1.2draft",
        }, graph.Namespace);
        Assert.Equal(("string", "boolean", "double"), (graph.NodeTypes["kind"], graph.EdgeTypes["inferred"], graph.EdgeTypes["strength"]));
        var actors = expected["actors"]!.AsArray();
        var relationships = expected["relationships"]!.AsArray();
        Assert.Equal(actors.Count, graph.Nodes.Count);
        Assert.Equal(relationships.Count, graph.Edges.Count);
        foreach (var actor in actors)
        {
            var node = graph.Nodes[(string)actor!["id"]!];
            Assert.Equal(((string)actor["name"]!, (string)actor["kind"]!, (string)actor["country"]!, (string)actor["region"]!),
                (node["name"], node["kind"], node["country"], node["region"]));
            Assert.Equal(string.Join('|', actor["sectors"]!.AsArray().Select(s => (string)s!)), node.GetValueOrDefault("sectors", ""));
        }
        foreach (var relationship in relationships)
        {
            var edge = graph.Edges[(string)relationship!["id"]!];
            Assert.Equal(((string)relationship["source"]!, (string)relationship["target"]!, (string)relationship["type"]!),
                (edge["source"], edge["target"], edge["type"]));
            Assert.Equal((string?)relationship["since"], edge.GetValueOrDefault("since"));
            Assert.Equal((string?)relationship["evidence"]?["quote"], edge.GetValueOrDefault("evidenceQuote"));
            Assert.Equal((bool)relationship["inferred"]!, bool.Parse(edge["inferred"]));
        }
        Assert.Contains("한국산업단지공단", graph.Nodes["kicox"]["aliases"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cytoscape_export_has_nodes_and_edges_with_unique_element_ids()
    {
        var doc = JsonNode.Parse(await _client.GetStringAsync("/api/export?format=cytoscape"))!;
        var expected = await JsonExportAsync();

        var nodes = doc["elements"]!["nodes"]!.AsArray();
        var edges = doc["elements"]!["edges"]!.AsArray();
        Assert.Equal(expected["actors"]!.AsArray().Count, nodes.Count);
        Assert.Equal(expected["relationships"]!.AsArray().Count, edges.Count);
        var ids = nodes.Concat(edges).Select(e => (string)e!["data"]!["id"]!).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        var tie = edges.First()!["data"]!;
        Assert.Equal("rel:" + (string)tie["relationshipId"]!, (string)tie["id"]!);
        Assert.IsType<double>(tie["strength"]!.GetValue<double>());
    }

    [Fact]
    public async Task Ids_select_those_actors_and_the_ties_among_them()
    {
        var all = await JsonExportAsync();
        var tie = all["relationships"]!.AsArray().First()!;
        var (a, b) = ((string)tie["source"]!, (string)tie["target"]!);

        var part = await JsonExportAsync($"&ids={a},{b}");

        Assert.Equal([a, b], part["actors"]!.AsArray().Select(x => (string)x!["id"]!).Order(StringComparer.Ordinal).ToArray().Order(StringComparer.Ordinal));
        var expectedTies = all["relationships"]!.AsArray().Where(r => new[] { a, b }.Contains((string)r!["source"]!) && new[] { a, b }.Contains((string)r!["target"]!));
        Assert.Equal(expectedTies.Select(r => (string)r!["id"]!), part["relationships"]!.AsArray().Select(r => (string)r!["id"]!));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Actor_and_depth_select_the_neighbourhood(int depth)
    {
        var all = await JsonExportAsync();
        var ties = all["relationships"]!.AsArray().Select(r => ((string)r!["source"]!, (string)r!["target"]!)).ToList();
        var reached = new HashSet<string> { "kicox" };
        for (var level = 0; level < depth; level++)
        {
            reached.UnionWith(ties.Where(t => reached.Contains(t.Item1) || reached.Contains(t.Item2)).SelectMany(t => new[] { t.Item1, t.Item2 }).ToList());
        }

        var part = await JsonExportAsync($"&actor=kicox&depth={depth}");

        Assert.Equal(reached.Order(StringComparer.Ordinal), part["actors"]!.AsArray().Select(x => (string)x!["id"]!));
        Assert.Equal(ties.Count(t => reached.Contains(t.Item1) && reached.Contains(t.Item2)), part["relationships"]!.AsArray().Count);
    }

    [Theory]
    [InlineData("kind=MiniCluster", "kind", "MiniCluster")]
    [InlineData("region=KR", "region", "KR")]
    public async Task Kind_and_region_narrow_the_actors(string filter, string field, string value)
    {
        var part = await JsonExportAsync("&" + filter);
        var actors = part["actors"]!.AsArray();
        Assert.NotEmpty(actors);
        Assert.All(actors, a => Assert.Equal(value, (string)a![field]!));
        var ids = actors.Select(a => (string)a!["id"]!).ToHashSet();
        Assert.All(part["relationships"]!.AsArray(), r => Assert.True(ids.Contains((string)r!["source"]!) && ids.Contains((string)r!["target"]!)));
    }

    [Fact]
    public async Task Analysis_columns_are_declared_typed_and_filled()
    {
        var graph = GraphXmlReader.ReadGraphML(await _client.GetStringAsync("/api/export?format=graphml&analysis=degree"));
        var all = await JsonExportAsync();
        var ties = all["relationships"]!.AsArray().SelectMany(r => new[] { (string)r!["source"]!, (string)r!["target"]! }).ToList();

        Assert.Equal("long", graph.NodeTypes["degree"]);
        Assert.All(graph.Nodes, n => Assert.Equal(ties.Count(t => t == n.Key), int.Parse(n.Value["degree"], System.Globalization.CultureInfo.InvariantCulture)));
        var csv = await _client.GetStringAsync("/api/export?format=csv&part=actors&analysis=degree");
        Assert.EndsWith(",sources,degree", csv.Split('\n')[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Betweenness_and_brokerage_columns_match_the_analysis_endpoints()
    {
        var graph = GraphXmlReader.ReadGraphML(await _client.GetStringAsync("/api/export?format=graphml&analysis=betweenness,brokerage"));
        Assert.Equal("double", graph.NodeTypes["betweenness"]);
        Assert.Equal("long", graph.NodeTypes["brokerTotal"]);

        var centrality = (await (await _client.GetAsync("/api/analysis/centrality?measures=betweenness&limit=500")).ReadJsonAsync())["items"]!.AsArray();
        var brokerage = (await (await _client.GetAsync("/api/analysis/brokerage?partition=region&limit=500")).ReadJsonAsync())["items"]!.AsArray();
        var kicoxBetweenness = (double)centrality.Single(i => (string?)i!["actor"] == "kicox")!["betweenness"]!;
        var kicoxTotal = (long)brokerage.Single(i => (string?)i!["actor"] == "kicox")!["total"]!;
        Assert.True(kicoxBetweenness > 0);
        Assert.Equal(kicoxBetweenness, double.Parse(graph.Nodes["kicox"]["betweenness"], System.Globalization.CultureInfo.InvariantCulture), 6);
        Assert.Equal(kicoxTotal, long.Parse(graph.Nodes["kicox"]["brokerTotal"], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("", "format")]
    [InlineData("format=xml", "format")]
    [InlineData("format=graphml&part=actors", "part")]
    [InlineData("format=json&depth=2", "depth")]
    [InlineData("format=json&actor=kicox&depth=4", "depth")]
    [InlineData("format=json&actor=kicox&ids=kiat", "actor")]
    [InlineData("format=json&kind=Blob", "kind")]
    [InlineData("format=json&analysis=pagerank", "analysis")]
    public async Task Bad_parameters_are_answered_400_naming_the_parameter(string query, string field)
    {
        var response = await _client.GetAsync("/api/export?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        TestJson.OnlyErrorsOf(await response.ReadJsonAsync(), field);
    }

    [Fact]
    public async Task Unknown_actors_are_answered_404_naming_them()
    {
        var response = await _client.GetAsync("/api/export?format=json&ids=kicox,no-such-actor");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("no-such-actor", (string?)(await response.ReadJsonAsync())["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Csv_export_is_a_zip_of_both_files_or_one_file_with_part()
    {
        var zip = await _client.GetAsync("/api/export?format=csv");
        Assert.Equal("application/zip", zip.Content.Headers.ContentType?.MediaType);
        Assert.Equal("graphapi-csv.zip", zip.Content.Headers.ContentDisposition?.FileName);
        var (actors, relationships) = await InterchangeClient.UnzipCsvAsync(zip);
        Assert.Equal(actors, await _client.GetStringAsync("/api/export?format=csv&part=actors"));
        Assert.Equal(relationships, await _client.GetStringAsync("/api/export?format=csv&part=relationships"));
        Assert.StartsWith("id,source,target,type,", relationships, StringComparison.Ordinal);
    }
}

public sealed class ExportPrivacyTests
{
    [Theory]
    [InlineData("graphml")]
    [InlineData("gexf")]
    [InlineData("cytoscape")]
    [InlineData("json")]
    [InlineData("csv&part=actors")]
    public async Task Contact_details_are_never_exported(string format)
    {
        using var factory = new GraphApiFactory(seed: false);
        var client = factory.CreateClient();
        var created = await client.PostRawAsync("/api/actors",
            """{"id":"jane-doe","name":"Jane Doe","kind":"Person","country":"FR","contact":{"email":"jane@example.org","phone":"+33 1 23 45 67 89"}}""");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var body = await client.GetStringAsync("/api/export?format=" + format);

        Assert.Contains("Jane Doe", body, StringComparison.Ordinal);
        Assert.DoesNotContain("jane@example.org", body, StringComparison.Ordinal);
        Assert.DoesNotContain("45 67 89", body, StringComparison.Ordinal);
        Assert.NotNull(factory.Snapshot().FindActor("jane-doe")?.Contact);
    }
}
