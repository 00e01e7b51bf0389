using System.Net;
using System.Text.Json.Nodes;

namespace GraphApi.Api.Tests.Analysis;

/// <summary>
/// Every analysis table also comes as CSV (Accept: text/csv), for the same question: the same rows as the JSON answer's
/// items (same asOf, partition, paging), text guarded against formulas, tagged apart from the JSON for caches.
/// </summary>
public sealed class CsvTableTests(SeededApp app) : IClassFixture<SeededApp>
{
    private readonly HttpClient _client = app.Client;

    private async Task<(HttpResponseMessage Response, List<string[]> Rows)> CsvAsync(string url, string accept = "text/csv")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd(accept);
        var response = await _client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {text}");
        return (response, [.. text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(Split)]);
    }

    [Theory]
    [InlineData("/api/analysis/brokerage?partition=kind&asOf=2014-12-31&limit=500", "actor,name,group,coordinator,itinerant,representative,gatekeeper,liaison,total")]
    [InlineData("/api/analysis/centrality?measures=degree,betweenness&asOf=2015-12-31&limit=500", "actor,name,degree,betweenness,betweennessNormalized,component")]
    [InlineData("/api/analysis/communities?limit=500", "actor,name,community,degree,degreeInside,communitiesReached,participation")]
    [InlineData("/api/analysis/gateways?from=region:EU&to=region:KR&asOf=2016-12-31", "actor,name,kind,country,routes,share")]
    public async Task An_analysis_as_CSV_has_the_JSON_answers_items_as_rows(string url, string header)
    {
        var (response, rows) = await CsvAsync(url);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Accept", response.Headers.Vary);
        var json = await (await _client.GetAsync(url)).ReadJsonAsync();
        var items = json["items"]!.AsArray();
        Assert.Equal(header, string.Join(',', rows[0]));
        Assert.Equal(items.Count, rows.Count - 1);
        Assert.NotEmpty(items);
        var columns = rows[0];
        for (var i = 0; i < items.Count; i++)
        {
            for (var c = 0; c < columns.Length; c++)
            {
                Assert.Equal(Text(items[i]![columns[c]]), rows[i + 1][c]);
            }
        }
    }

    [Fact]
    public async Task The_roles_by_year_as_CSV_repeat_each_actors_fields_on_each_of_its_years()
    {
        var (_, rows) = await CsvAsync("/api/analysis/timeline?actors=kicox,tci-network&measure=brokerage&partition=region&from=2013&to=2016");
        Assert.Equal("actor,name,group,date,value,roles.coordinator,roles.itinerant,roles.representative,roles.gatekeeper,roles.liaison,roles.total",
            string.Join(',', rows[0]));
        Assert.Equal(8, rows.Count - 1);
        Assert.Equal(["kicox", "kicox", "kicox", "kicox", "tci-network", "tci-network", "tci-network", "tci-network"], rows.Skip(1).Select(r => r[0]));
        Assert.Equal(["2013-12-31", "2014-12-31", "2015-12-31", "2016-12-31"], rows.Skip(1).Take(4).Select(r => r[3]));
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("*/*")]
    [InlineData("application/json, text/csv")]
    [InlineData("text/csv;q=0.5, application/json")]
    public async Task JSON_stays_the_answer_unless_CSV_is_preferred(string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/analysis/brokerage?limit=2");
        request.Headers.Accept.ParseAdd(accept);
        var response = await _client.SendAsync(request);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task CSV_and_JSON_of_one_question_carry_different_ETags_and_each_answers_304_to_its_own()
    {
        const string url = "/api/analysis/brokerage?limit=3";
        var (csv, _) = await CsvAsync(url);
        var json = await _client.GetAsync(url);
        Assert.NotEqual(json.Headers.ETag, csv.Headers.ETag);
        using var again = new HttpRequestMessage(HttpMethod.Get, url);
        again.Headers.Accept.ParseAdd("text/csv");
        again.Headers.IfNoneMatch.Add(csv.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await _client.SendAsync(again)).StatusCode);
        using var crossed = new HttpRequestMessage(HttpMethod.Get, url);
        crossed.Headers.IfNoneMatch.Add(csv.Headers.ETag!);
        Assert.Equal(HttpStatusCode.OK, (await _client.SendAsync(crossed)).StatusCode);
    }

    [Fact]
    public async Task The_document_declares_the_CSV_answer_of_each_table()
    {
        var document = JsonNode.Parse(await _client.GetStringAsync("/openapi/v1.json"))!;
        foreach (var path in new[] { "/api/analysis/brokerage", "/api/analysis/centrality", "/api/analysis/gateways", "/api/analysis/communities", "/api/analysis/timeline" })
        {
            Assert.NotNull(document["paths"]![path]!["get"]!["responses"]!["200"]!["content"]!["text/csv"]);
        }
    }

    private static string Text(JsonNode? node) => node switch
    {
        null => "",
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        _ => node.ToJsonString(),
    };

    /// <summary>One RFC 4180 line into cells (quoted cells may hold commas and doubled quotes; no line breaks in these tables).</summary>
    private static string[] Split(string line)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                cell.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }
        cells.Add(cell.ToString());
        return [.. cells];
    }
}
