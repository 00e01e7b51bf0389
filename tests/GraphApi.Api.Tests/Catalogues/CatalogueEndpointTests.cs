using System.Net;
using System.Text.Json.Nodes;

namespace GraphApi.Api.Tests.Catalogues;

/// <summary>
/// GET /api/catalogues: what forms offer comes from the same closed sets the request check and the document's enums
/// use, and the countries and sectors are counted on the actors themselves, most used first.
/// </summary>
public sealed class CatalogueEndpointTests(SeededApp app) : IClassFixture<SeededApp>
{
    private readonly HttpClient _client = app.Client;

    private static List<string> Strings(JsonNode? array) => [.. array!.AsArray().Where(v => v is not null).Select(v => v!.GetValue<string>())];

    [Fact]
    public async Task The_closed_sets_are_the_documents_enums()
    {
        var catalogue = await (await _client.GetAsync("/api/catalogues")).ReadJsonAsync();
        var document = await (await _client.GetAsync("/openapi/v1.json")).ReadJsonAsync();
        var filter = document["components"]!["schemas"]!["ActorFilterInput"]!["properties"]!;

        Assert.Equal(Strings(EnumOf(filter["kind"])).Order(), Strings(catalogue["kinds"]).Order());
        Assert.Equal(Strings(EnumOf(filter["region"])).Order(), Strings(catalogue["regions"]).Order());
        Assert.Contains("LOCATED_IN", Strings(catalogue["relationshipTypes"]));
        Assert.Equal(["kind", "country", "region", "sector"], Strings(catalogue["partitions"]));
        Assert.Contains("no-answer", Strings(catalogue["statuses"]));
    }

    [Fact]
    public async Task Countries_and_sectors_are_counted_on_the_actors_most_used_first()
    {
        var catalogue = await (await _client.GetAsync("/api/catalogues")).ReadJsonAsync();
        foreach (var field in new[] { "countries", "sectors" })
        {
            var counts = catalogue[field]!.AsArray().Select(v => v!["actors"]!.GetValue<int>()).ToList();
            Assert.NotEmpty(counts);
            Assert.Equal(counts.OrderDescending(), counts);
        }
        var korea = catalogue["countries"]!.AsArray().Single(v => v!["value"]!.GetValue<string>() == "KR")!["actors"]!.GetValue<int>();
        var actors = await (await _client.GetAsync("/api/actors?country=KR&limit=1")).ReadJsonAsync();
        Assert.Equal(actors["total"]!.GetValue<int>(), korea);
    }

    [Fact]
    public async Task The_catalogue_is_cached_by_graph_version()
    {
        using var first = await _client.GetAsync("/api/catalogues");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/catalogues");
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var again = await _client.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
    }

    /// <summary>The enum of a property, whether it is inline or under a nullable oneOf/anyOf.</summary>
    private static JsonNode? EnumOf(JsonNode? property) =>
        property?["enum"] ?? property?["oneOf"]?.AsArray().Select(EnumOf).FirstOrDefault(e => e is not null)
        ?? property?["anyOf"]?.AsArray().Select(EnumOf).FirstOrDefault(e => e is not null);
}
