using System.Net;
using System.Text.Json.Nodes;

namespace GraphApi.Api.Tests.Interchange;

/// <summary>
/// Every parameter the export documents is honoured: <c>asOf</c> exports the graph of that day and computes the analysis
/// columns on it, <c>partition</c> and <c>directed</c> give brokerage as the brokerage analysis gives it. Each is checked
/// against the analysis endpoint or the snapshot asked the same question, and against the answer that ignoring it would
/// give, so a parameter dropped on the way makes the test fail.
/// </summary>
public sealed class ExportParametersTests(SeededApp app) : IClassFixture<SeededApp>
{
    private const string Day = "2015-01-01";

    private readonly HttpClient _client = app.Client;

    [Fact]
    public async Task As_of_exports_the_ties_in_force_that_day_with_their_degrees()
    {
        var asOf = DateOnly.Parse(Day, System.Globalization.CultureInfo.InvariantCulture);
        var expected = app.Factory.Snapshot().InForceOn(asOf);

        var export = await ExportAsync($"analysis=degree&asOf={Day}");

        var ties = export["relationships"]!.AsArray().Select(r => (string)r!["id"]!).ToList();
        Assert.Equal(expected.Relationships.Select(r => r.Id).Order(StringComparer.Ordinal), ties.Order(StringComparer.Ordinal));
        Assert.True(ties.Count < app.Factory.Snapshot().RelationshipCount, "the dataset has ties that began after the day");
        Assert.Equal(expected.ActorCount, export["actors"]!.AsArray().Count);
        foreach (var actor in export["actors"]!.AsArray())
        {
            var id = (string)actor!["id"]!;
            Assert.Equal(expected.RelationshipsOf(id).Count(), (int)actor["analysis"]!["degree"]!);
        }
    }

    [Theory]
    [InlineData("kind", false, null)]
    [InlineData("sector", false, Day)]
    [InlineData("region", true, null)]
    [InlineData("country", true, Day)]
    public async Task Brokerage_columns_use_the_partition_direction_and_day_asked_for(string partition, bool directed, string? asOf)
    {
        var day = asOf is null ? "" : $"&asOf={asOf}";
        var export = await ExportAsync($"analysis=brokerage&partition={partition}&directed={directed.ToString().ToLowerInvariant()}{day}");
        var analysis = await AnalysisAsync($"partition={partition}&directed={directed.ToString().ToLowerInvariant()}{day}");
        var byDefault = await AnalysisAsync("partition=region");

        var exported = export["actors"]!.AsArray().ToDictionary(a => (string)a!["id"]!, a => Roles(a!["analysis"]!, "broker"));
        Assert.Equal(analysis.Count, exported.Count);
        Assert.All(analysis, pair => Assert.Equal(pair.Value, exported[pair.Key]));
        Assert.NotEqual(byDefault, analysis);
    }

    [Fact]
    public async Task The_export_etag_names_the_question_so_another_day_is_another_answer()
    {
        var today = await _client.GetAsync("/api/export?format=json&analysis=degree");
        var then = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/export?format=json&analysis=degree&asOf={Day}")
        {
            Headers = { IfNoneMatch = { today.Headers.ETag! } },
        });

        Assert.Equal(HttpStatusCode.OK, then.StatusCode);
        Assert.NotEqual(today.Headers.ETag, then.Headers.ETag);
    }

    [Fact]
    public async Task A_json_export_with_analysis_columns_and_the_ledger_imports_back_as_it_is()
    {
        var export = await _client.GetStringAsync("/api/export?format=json&analysis=degree,community&includeLedger=true");

        var response = await _client.PostRawAsync("/api/import?dryRun=true", export);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = await response.ReadJsonAsync();
        Assert.Equal((0, 0), ((int)summary["actorsCreated"]!, (int)summary["relationshipsCreated"]!));
        Assert.Equal(app.Factory.Snapshot().ActorCount, (int)summary["actorsUpdated"]!);
    }

    private async Task<JsonNode> ExportAsync(string query)
    {
        var response = await _client.GetAsync("/api/export?format=json&" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.ReadJsonAsync())!;
    }

    private async Task<Dictionary<string, long[]>> AnalysisAsync(string query)
    {
        var response = await _client.GetAsync("/api/analysis/brokerage?limit=500&" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.ReadJsonAsync())["items"]!.AsArray().ToDictionary(i => (string)i!["actor"]!, i => Roles(i!, ""));
    }

    /// <summary>The six role counts, named as the analysis names them or with the export's column prefix.</summary>
    private static long[] Roles(JsonNode item, string prefix) =>
        [.. new[] { "coordinator", "itinerant", "representative", "gatekeeper", "liaison", "total" }
            .Select(role => (long)item[prefix.Length == 0 ? role : prefix + char.ToUpperInvariant(role[0]) + role[1..]]!)];
}
