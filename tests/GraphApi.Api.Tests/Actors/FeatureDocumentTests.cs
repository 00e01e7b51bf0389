using System.Text.Json.Nodes;

namespace GraphApi.Api.Tests.Actors;

/// <summary>
/// The OpenAPI document of the actor, relationship, audit, import and export operations is complete: every parameter and
/// property described, closed sets as enums, required fields as the rules require them, and every status each
/// operation answers declared with its headers.
/// </summary>
public sealed class FeatureDocumentTests(SeededApp app) : IClassFixture<SeededApp>
{
    private static readonly string[] Paths =
    [
        "/api/actors", "/api/actors/{id}", "/api/actors/{id}/merge", "/api/actors/{id}/neighbourhood", "/api/relationships",
        "/api/relationships/{id}", "/api/relationship-types", "/api/audit", "/api/import", "/api/export",
    ];

    private readonly Lazy<Task<JsonNode>> _document = new(async () => await (await app.Client.GetAsync("/openapi/v1.json")).ReadJsonAsync());

    [Fact]
    public async Task Every_parameter_and_property_is_described()
    {
        var document = await _document.Value;
        var undescribed = new List<string>();
        foreach (var (path, method, operation) in Operations(document))
        {
            undescribed.AddRange((operation["parameters"]?.AsArray() ?? [])
                .Where(p => string.IsNullOrWhiteSpace((string?)p!["description"]))
                .Select(p => $"{method} {path} parameter {p!["name"]}"));
            foreach (var schema in ReachableSchemas(document, operation))
            {
                undescribed.AddRange((document["components"]!["schemas"]![schema]!["properties"]?.AsObject() ?? [])
                    .Where(p => !Described(p.Value!))
                    .Select(p => $"{schema}.{p.Key}"));
            }
        }
        Assert.Empty(undescribed.Distinct());
    }

    [Theory]
    [InlineData("/api/actors", "get", "kind", "MiniCluster")]
    [InlineData("/api/actors", "get", "region", "KR")]
    [InlineData("/api/actors", "get", "country", "FR")]
    [InlineData("/api/relationships", "get", "type", "BOARD_MEMBER_OF")]
    [InlineData("/api/audit", "get", "entityType", "relationship")]
    [InlineData("/api/audit", "get", "operation", "merge")]
    [InlineData("/api/export", "get", "format", "graphml")]
    [InlineData("/api/export", "get", "part", "relationships")]
    [InlineData("/api/export", "get", "gexfVersion", "1.2draft")]
    [InlineData("/api/export", "get", "partition", "sector")]
    [InlineData("/api/export", "get", "analysis", "brokerage")]
    public async Task Closed_set_parameters_list_their_values(string path, string method, string parameter, string value)
    {
        var found = (await _document.Value)["paths"]![path]![method]!["parameters"]!.AsArray().Single(p => (string)p!["name"]! == parameter)!;
        var schema = found["schema"]!;
        var values = (schema["enum"] ?? schema["items"]!["enum"])!.AsArray().Select(v => (string)v!);
        Assert.Contains(value, values);
    }

    [Theory]
    [InlineData("ActorInput", "kind", "Person")]
    [InlineData("ActorInput", "country", "KR")]
    [InlineData("ActorView", "region", "OTHER")]
    [InlineData("RelationshipInput", "type", "MOU")]
    [InlineData("RelationshipView", "type", "MET_AT")]
    [InlineData("ActorMergeRequest", "duplicateTies", "collapse")]
    [InlineData("AuditRecord", "entityType", "introduction")]
    [InlineData("AuditRecord", "operation", "event")]
    [InlineData("ImportedActor", "kind", "University")]
    public async Task Closed_set_fields_list_their_values(string schema, string property, string value)
    {
        var field = (await _document.Value)["components"]!["schemas"]![schema]!["properties"]![property]!;
        Assert.Contains(value, field["enum"]!.AsArray().Select(v => (string?)v));
    }

    [Theory]
    [InlineData("ActorInput", "name,kind,country")]
    [InlineData("ImportedActor", "name,kind,country")]
    [InlineData("RelationshipInput", "source,target,type")]
    [InlineData("ActorMergeRequest", "into")]
    [InlineData("ImportBody", "")]
    [InlineData("ActorView", "id,name,aliases,kind,country,region,sectors,sources")]
    [InlineData("RelationshipView", "id,source,target,type,inferred")]
    [InlineData("AuditRecord", "id,at,who,entityType,entityId,operation")]
    public async Task Required_fields_are_exactly_those_the_rules_require_or_the_answer_always_has(string schema, string fields)
    {
        var found = (await _document.Value)["components"]!["schemas"]![schema]!;
        var required = (found["required"]?.AsArray().Select(f => (string)f!) ?? []).Order(StringComparer.Ordinal);
        Assert.Equal(fields.Split(',', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal), required);
    }

    [Fact]
    public async Task Required_request_fields_are_typed_without_null()
    {
        var actor = (await _document.Value)["components"]!["schemas"]!["ActorInput"]!["properties"]!;
        Assert.Equal("string", (string)actor["name"]!["type"]!);
        Assert.DoesNotContain(actor["kind"]!["enum"]!.AsArray(), v => v is null);
    }

    [Theory]
    [InlineData("/api/actors/{id}", "get", "301,304,404,410")]
    [InlineData("/api/actors/{id}", "put", "404,412")]
    [InlineData("/api/actors/{id}", "delete", "404,412")]
    [InlineData("/api/actors", "post", "201,409,415")]
    [InlineData("/api/actors/{id}/merge", "post", "404,412")]
    [InlineData("/api/actors/{id}/neighbourhood", "get", "304,404")]
    [InlineData("/api/relationships", "get", "304,404")]
    [InlineData("/api/relationships/{id}", "get", "304,404")]
    [InlineData("/api/relationships/{id}", "put", "404,412")]
    [InlineData("/api/relationships/{id}", "delete", "204,404,412")]
    [InlineData("/api/audit", "get", "304,401,403")]
    [InlineData("/api/import", "post", "403,413,415")]
    [InlineData("/api/export", "get", "304,404,503")]
    public async Task Statuses_the_operation_answers_are_declared(string path, string method, string statuses)
    {
        var responses = (await _document.Value)["paths"]![path]![method]!["responses"]!.AsObject();
        Assert.Subset(responses.Select(r => r.Key).ToHashSet(), statuses.Split(',').ToHashSet());
        Assert.All(responses.Where(r => r.Key[0] is '4' or '5'), r => Assert.NotNull(r.Value!["content"]!["application/problem+json"]));
    }

    [Theory]
    [InlineData("/api/actors/{id}", "get", "200", "ETag")]
    [InlineData("/api/actors/{id}", "get", "301", "Location")]
    [InlineData("/api/actors", "post", "201", "Location")]
    [InlineData("/api/actors", "post", "201", "ETag")]
    [InlineData("/api/actors/{id}", "put", "200", "ETag")]
    [InlineData("/api/actors/{id}/merge", "post", "200", "Location")]
    [InlineData("/api/relationships", "get", "200", "ETag")]
    [InlineData("/api/relationships", "post", "201", "Location")]
    [InlineData("/api/export", "get", "503", "Retry-After")]
    public async Task Headers_are_declared_where_they_are_sent(string path, string method, string status, string header)
    {
        var response = (await _document.Value)["paths"]![path]![method]!["responses"]![status]!;
        Assert.NotNull(response["headers"]?[header]);
    }

    [Fact]
    public async Task The_export_format_is_required_and_the_csv_import_is_a_form_of_two_files()
    {
        var document = await _document.Value;
        var format = document["paths"]!["/api/export"]!["get"]!["parameters"]!.AsArray().Single(p => (string)p!["name"]! == "format")!;
        var form = document["paths"]!["/api/import"]!["post"]!["requestBody"]!["content"]!["multipart/form-data"]!["schema"]!["properties"]!;

        Assert.True((bool)format["required"]!);
        Assert.Equal(("binary", "binary"), ((string)form["actors"]!["format"]!, (string)form["relationships"]!["format"]!));
        Assert.NotNull(document["paths"]!["/api/actors/{id}/merge"]!["post"]!["parameters"]!.AsArray().SingleOrDefault(p => (string)p!["name"]! == "If-Match"));
    }

    private static IEnumerable<(string Path, string Method, JsonNode Operation)> Operations(JsonNode document) =>
        Paths.SelectMany(path => document["paths"]![path]!.AsObject().Select(m => (path, m.Key, m.Value!)));

    /// <summary>A property is described at its level, or (a nullable reference) on its reference inside oneOf.</summary>
    private static bool Described(JsonNode property) =>
        !string.IsNullOrWhiteSpace((string?)property["description"])
        || (property["oneOf"]?.AsArray().Any(b => !string.IsNullOrWhiteSpace((string?)b!["description"])) ?? false);

    /// <summary>Every component schema an operation's request and answers lead to, problem schemas aside (shared by every operation).</summary>
    private static HashSet<string> ReachableSchemas(JsonNode document, JsonNode operation)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<JsonNode>([operation]);
        while (pending.TryPop(out var node))
        {
            foreach (var reference in References(node))
            {
                var name = reference.Split('/')[^1];
                if (name is not ("ProblemDetails" or "HttpValidationProblemDetails" or "JsonNode" or "JsonObject") && found.Add(name))
                {
                    pending.Push(document["components"]!["schemas"]![name]!);
                }
            }
        }
        return found;
    }

    private static IEnumerable<string> References(JsonNode node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Key == "$ref" ? [(string)p.Value!] : p.Value is null ? [] : References(p.Value)),
        JsonArray a => a.SelectMany(i => i is null ? [] : References(i)),
        _ => [],
    };
}
