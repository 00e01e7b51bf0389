using System.Net;
using System.Text.Json.Nodes;

namespace GraphApi.Api.Tests.Analysis;

/// <summary>GET /api/analysis/timeline on the shipped dataset: its points are the single-date analyses' answers.</summary>
public sealed class TimelineApiTests(SeededApp app) : IClassFixture<SeededApp>
{
    private static readonly string[] Roles = ["coordinator", "itinerant", "representative", "gatekeeper", "liaison", "total"];

    private readonly HttpClient _client = app.Client;

    private async Task<JsonNode> GetOkAsync(string url)
    {
        var response = await _client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJsonAsync();
    }

    [Theory]
    [InlineData("partition=region")]
    [InlineData("partition=kind&directed=true")]
    public async Task Brokerage_points_equal_the_single_date_brokerage_calls(string options)
    {
        var timeline = await GetOkAsync($"/api/analysis/timeline?actors=kicox,tci-network&measure=brokerage&from=2012&to=2018&{options}");
        var dates = timeline["dates"]!.AsArray().Select(d => (string)d!).ToList();
        Assert.Equal(["2012-12-31", "2013-12-31", "2014-12-31", "2015-12-31", "2016-12-31", "2017-12-31", "2018-12-31"], dates);
        Assert.Equal(["kicox", "tci-network"], timeline["series"]!.AsArray().Select(s => (string)s!["actor"]!));
        foreach (var (date, step) in dates.Select((d, i) => (d, i)))
        {
            var single = await GetOkAsync($"/api/analysis/brokerage?actors=kicox,tci-network&asOf={date}&{options}");
            foreach (var series in timeline["series"]!.AsArray())
            {
                var item = single["items"]!.AsArray().Single(i => (string)i!["actor"]! == (string)series!["actor"]!)!;
                var point = series!["points"]![step]!;
                Assert.Equal(date, (string?)point["date"]);
                Assert.Equal(item["total"]!.GetValue<long>(), point["value"]!.GetValue<long>());
                Assert.All(Roles, role => Assert.Equal(item[role]!.GetValue<long>(), point["roles"]![role]!.GetValue<long>()));
                Assert.Equal((string?)item["group"], (string?)series["group"]);
            }
        }
    }

    [Theory]
    [InlineData("betweenness")]
    [InlineData("degree")]
    public async Task Centrality_points_equal_the_single_date_centrality_calls(string measure)
    {
        var timeline = await GetOkAsync($"/api/analysis/timeline?actors=kicox,tci-network,pole-eau&measure={measure}&from=2014-11&to=2016-02&step=month");
        var dates = timeline["dates"]!.AsArray().Select(d => (string)d!).ToList();
        Assert.Equal(16, dates.Count);
        Assert.Equal("2014-11-30", dates[0]);
        Assert.Equal("2016-02-29", dates[^1]);
        foreach (var (date, step) in dates.Select((d, i) => (d, i)))
        {
            var single = await GetOkAsync($"/api/analysis/centrality?actors=kicox,tci-network,pole-eau&measures={measure}&asOf={date}");
            foreach (var series in timeline["series"]!.AsArray())
            {
                var item = single["items"]!.AsArray().Single(i => (string)i!["actor"]! == (string)series!["actor"]!)!;
                var point = series!["points"]![step]!;
                Assert.Equal(item[measure]!.GetValue<double>(), point["value"]!.GetValue<double>());
                Assert.Null(point["roles"]);
            }
        }
    }

    [Fact]
    public async Task The_dataset_shows_the_2015_tci_conference_in_kicox_brokerage()
    {
        var timeline = await GetOkAsync("/api/analysis/timeline?actors=kicox&from=2014&to=2015");
        var points = timeline["series"]![0]!["points"]!.AsArray();
        // KICOX hosted the 18th TCI Global Conference in Daegu on 2015-11-03 and met ACCIO there (report, 3.3 and 3.6): the
        // dataset dates those ties, so from the 2015 point on KICOX sits on more KR → KR → EU two-paths.
        Assert.True(points[1]!["roles"]!["gatekeeper"]!.GetValue<long>() > points[0]!["roles"]!["gatekeeper"]!.GetValue<long>());
    }

    [Theory]
    [InlineData("/api/analysis/timeline?from=2010&to=2018", "actors")]
    [InlineData("/api/analysis/timeline?actors=a1,a2,a3,a4,a5,a6,a7,a8,a9,a10,a11&from=2010&to=2018", "actors")]
    [InlineData("/api/analysis/timeline?actors=kicox&to=2018", "from")]
    [InlineData("/api/analysis/timeline?actors=kicox&from=2010", "to")]
    [InlineData("/api/analysis/timeline?actors=kicox&from=2010-13&to=2018", "from")]
    [InlineData("/api/analysis/timeline?actors=kicox&from=2018&to=2010", "to")]
    [InlineData("/api/analysis/timeline?actors=kicox&from=2000&to=2010-01&step=month", "to")]
    [InlineData("/api/analysis/timeline?actors=kicox&from=1000&to=9999", "to")]
    [InlineData("/api/analysis/timeline?actors=kicox&from=2010&to=2018&measure=pagerank", "measure")]
    [InlineData("/api/analysis/timeline?actors=kicox&from=2010&to=2018&step=week", "step")]
    [InlineData("/api/analysis/timeline?actors=kicox&from=2010&to=2018&partition=continent", "partition")]
    [InlineData("/api/analysis/timeline?actors=kicox&from=2010&to=2018&sample=10", "sample")]
    [InlineData("/api/analysis/timeline?actors=kicox&from=2010&to=2018&measure=betweenness&sample=0", "sample")]
    public async Task Bad_parameters_are_a_400_naming_the_field(string url, string field)
    {
        var response = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull((await response.ReadJsonAsync())["errors"]![field]);
    }

    [Fact]
    public async Task Ten_years_by_month_is_the_most_one_request_may_ask()
    {
        await GetOkAsync("/api/analysis/timeline?actors=kicox&measure=degree&from=2008-01&to=2017-12&step=month");
    }

    [Fact]
    public async Task Unknown_actors_are_a_404_naming_them()
    {
        var response = await _client.GetAsync("/api/analysis/timeline?actors=kicox,no-such-actor,nobody&from=2010&to=2018");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("no actor 'no-such-actor', 'nobody'", (string?)(await response.ReadJsonAsync())["detail"]);
    }

    [Fact]
    public async Task Over_the_time_budget_it_is_the_analyses_503_with_advice()
    {
        using var factory = new GraphApiFactory(seed: true);
        factory.Settings["Analysis:TimeBudgetSeconds"] = "0";
        var response = await factory.CreateClient().GetAsync("/api/analysis/timeline?actors=kicox&from=2010&to=2018");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var problem = await response.ReadJsonAsync();
        Assert.Equal("The analysis ran out of time", (string?)problem["title"]);
        Assert.Contains("fewer steps", (string?)problem["detail"], StringComparison.Ordinal);
    }
}
