using System.Text.Json.Nodes;

namespace GraphApi.Api.Tests.Routes;

/// <summary>
/// The OpenAPI document of the route, analysis, overview and ledger operations is complete: every parameter and every
/// property described, closed sets as enums, required exactly right, and each status the operations answer declared.
/// </summary>
public sealed class RouteAnalysisLedgerDocumentTests(SeededApp app) : IClassFixture<SeededApp>
{
    private static readonly string[] Prefixes = ["/api/routes", "/api/analysis", "/api/overview", "/api/introductions"];

    private async Task<JsonNode> DocumentAsync() => await (await app.Client.GetAsync("/openapi/v1.json")).ReadJsonAsync();

    private static IEnumerable<(string Path, string Method, JsonNode Operation)> Operations(JsonNode document) =>
        document["paths"]!.AsObject()
            .Where(p => Prefixes.Any(prefix => p.Key.StartsWith(prefix, StringComparison.Ordinal)))
            .SelectMany(p => p.Value!.AsObject().Select(o => (p.Key, o.Key, o.Value!)));

    [Fact]
    public async Task Every_parameter_is_described()
    {
        var document = await DocumentAsync();

        var undescribed = Operations(document)
            .SelectMany(o => (o.Operation["parameters"]?.AsArray() ?? []).Select(p => (o, Name: (string)p!["name"]!, Description: (string?)p["description"])))
            .Where(p => string.IsNullOrWhiteSpace(p.Description))
            .Select(p => $"{p.o.Method} {p.o.Path} {p.Name}");
        Assert.Empty(undescribed);
        Assert.True(Operations(document).Count() >= 15);
    }

    [Theory]
    [InlineData("/api/routes/shortest", "from,to")]
    [InlineData("/api/analysis/gateways", "from,to")]
    [InlineData("/api/analysis/timeline", "actors,from,to")]
    public async Task Required_query_parameters_are_marked_required_and_no_others(string path, string required)
    {
        var parameters = (await DocumentAsync())["paths"]![path]!["get"]!["parameters"]!.AsArray();

        Assert.Equal(required.Split(','), parameters.Where(p => (bool?)p!["required"] == true).Select(p => (string)p!["name"]!));
    }

    [Theory]
    [InlineData("/api/analysis/brokerage", "partition", "kind,country,region,sector")]
    [InlineData("/api/analysis/brokerage", "sort", "total,coordinator,itinerant,representative,gatekeeper,liaison,actor")]
    [InlineData("/api/analysis/centrality", "measures", "degree,betweenness,closeness,constraint,effectiveSize")]
    [InlineData("/api/analysis/centrality", "order", "desc,asc")]
    [InlineData("/api/analysis/timeline", "measure", "brokerage,betweenness,degree")]
    [InlineData("/api/analysis/timeline", "step", "year,month")]
    [InlineData("/api/introductions", "status", "open,reached,declined,no-answer,met,agreement")]
    public async Task Closed_set_parameters_list_their_values(string path, string name, string values)
    {
        var parameter = (await DocumentAsync())["paths"]![path]!["get"]!["parameters"]!.AsArray().Single(p => (string)p!["name"]! == name)!;
        var schema = parameter["schema"]!;

        Assert.Equal(values.Split(','), (schema["items"] ?? schema)["enum"]!.AsArray().Select(v => (string)v!));
    }

    [Theory]
    [InlineData("IntroductionRequest", "from,to")]
    [InlineData("BestNextTieRequest", "from,to")]
    [InlineData("IntroductionInput", "requester,target,route")]
    [InlineData("IntroductionEventInput", "type")]
    public async Task Request_bodies_require_exactly_what_the_readers_require(string schema, string required)
    {
        var body = (await DocumentAsync())["components"]!["schemas"]![schema]!;

        Assert.Equal(required.Split(',').Order(), body["required"]!.AsArray().Select(f => (string)f!).Order());
        var from = body["properties"]!["from"];
        if (from is not null)
        {
            // One id or a list of them.
            Assert.Equal(["string", "array"], from["oneOf"]!.AsArray().Select(b => (string)b!["type"]!));
        }
    }

    [Theory]
    [InlineData("IntroductionRequest", "strengths", "stated,learned")]
    [InlineData("BestNextTieRequest", "type", "MOU")]
    [InlineData("RouteTargetInput", "kind", "MiniCluster")]
    [InlineData("IntroductionEventInput", "type", "no-answer")]
    [InlineData("IntroductionView", "status", "reached")]
    [InlineData("RouteStepView", "direction", "forward,backward")]
    public async Task Closed_set_fields_list_their_values(string schema, string field, string values)
    {
        var property = (await DocumentAsync())["components"]!["schemas"]![schema]!["properties"]![field]!;
        var listed = property["enum"]!.AsArray().Select(v => (string?)v).ToList();

        Assert.Subset(listed.ToHashSet(), values.Split(',').Select(v => (string?)v).ToHashSet());
    }

    [Fact]
    public async Task Every_property_of_the_contracts_is_described()
    {
        var document = await DocumentAsync();
        var schemas = document["components"]!["schemas"]!.AsObject();
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (_, _, operation) in Operations(document))
        {
            Collect(operation, schemas, used);
        }

        // The problem shapes and the domain's records (another feature's contracts) are not these operations' own.
        string[] notOurs = ["ProblemDetails", "HttpValidationProblemDetails", "Relationship", "Evidence", "EventInfo", "PartialDate", "ContactDetails"];
        var undescribed = used.Except(notOurs)
            .SelectMany(name => (schemas[name]!["properties"]?.AsObject() ?? []).Select(p => (name, p.Key, p.Value!)))
            .Where(p => !Described(p.Item3))
            .Select(p => $"{p.name}.{p.Key}");
        Assert.Empty(undescribed);
        Assert.Contains("BestNextTieResponse", used);
        Assert.Contains("PageOfIntroductionView", used);
    }

    [Theory]
    [InlineData("/api/routes/introductions", "post", "404")]
    [InlineData("/api/routes/best-next-tie", "post", "404")]
    [InlineData("/api/routes/shortest", "get", "404,304")]
    [InlineData("/api/analysis/brokerage", "get", "404,503,304")]
    [InlineData("/api/analysis/centrality", "get", "404,503,304")]
    [InlineData("/api/analysis/communities", "get", "404,503,304")]
    [InlineData("/api/analysis/timeline", "get", "404,503,304")]
    [InlineData("/api/analysis/gateways", "get", "503,304")]
    [InlineData("/api/overview", "get", "503,304")]
    [InlineData("/api/introductions", "get", "404,304")]
    [InlineData("/api/introductions", "post", "404,403,415,503")]
    [InlineData("/api/introductions/{id}", "get", "404,304")]
    [InlineData("/api/introductions/{id}/events", "post", "404,409,415,503")]
    [InlineData("/api/introductions/{id}/relationship", "post", "404,409,503")]
    public async Task The_statuses_an_operation_answers_are_declared_with_the_problem_schema(string path, string method, string statuses)
    {
        var responses = (await DocumentAsync())["paths"]![path]![method]!["responses"]!;

        foreach (var status in statuses.Split(',').Append("400"))
        {
            var response = responses[status];
            Assert.True(response is not null, $"{method} {path} does not declare {status}");
            if (status != "304")
            {
                Assert.NotNull(response!["content"]!["application/problem+json"]);
            }
        }
        if (statuses.Contains("503", StringComparison.Ordinal))
        {
            Assert.NotNull(responses["503"]!["headers"]!["Retry-After"]);
        }
    }

    [Theory]
    [InlineData("/api/analysis/brokerage")]
    [InlineData("/api/analysis/centrality")]
    [InlineData("/api/analysis/communities")]
    [InlineData("/api/introductions")]
    public async Task Paged_lists_declare_the_Link_and_ETag_headers(string path)
    {
        var headers = (await DocumentAsync())["paths"]![path]!["get"]!["responses"]!["200"]!["headers"]!;

        Assert.NotNull(headers["Link"]);
        Assert.NotNull(headers["ETag"]);
    }

    /// <summary>A property is described on itself, or (a nullable reference) on its reference branch.</summary>
    private static bool Described(JsonNode property) =>
        !string.IsNullOrWhiteSpace((string?)property["description"])
        || (property["oneOf"]?.AsArray().Any(b => !string.IsNullOrWhiteSpace((string?)b!["description"])) ?? false);

    private static void Collect(JsonNode? node, JsonObject schemas, HashSet<string> used)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    if (key == "$ref" && value is JsonValue reference && ((string)reference!).Split('/')[^1] is var name && used.Add(name))
                    {
                        Collect(schemas[name], schemas, used);
                    }
                    else
                    {
                        Collect(value, schemas, used);
                    }
                }
                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Collect(item, schemas, used);
                }
                break;
        }
    }
}
