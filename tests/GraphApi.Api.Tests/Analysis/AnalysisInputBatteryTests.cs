using System.Net;
using GraphApi.Api.Tests.Routes;

namespace GraphApi.Api.Tests.Analysis;

/// <summary>
/// The issue's battery against the analyses and the overview: unknown and misspelt parameters, unreadable numbers and
/// closed-set values in any case, as 400s by parameter; the same questions asked right answer 200, page with
/// <c>next</c> and a Link header, and revalidate with 304 (HEAD included).
/// </summary>
public sealed class AnalysisInputBatteryTests(SeededApp app) : IClassFixture<SeededApp>
{
    private readonly HttpClient _client = app.Client;

    [Theory]
    [InlineData("/api/analysis/brokerage?partiton=kind", "partiton", "did you mean 'partition'?")]
    [InlineData("/api/analysis/brokerage?partition=blob", "partition", "kind, country, region, sector")]
    [InlineData("/api/analysis/brokerage?limit=abc", "limit", "whole number")]
    [InlineData("/api/analysis/brokerage?limit=0", "limit", "between 1 and 500")]
    [InlineData("/api/analysis/brokerage?sort=size", "sort", "total, coordinator")]
    [InlineData("/api/analysis/brokerage?directed=maybe", "directed", "true or false")]
    [InlineData("/api/analysis/brokerage?asOf=garbage", "asOf", "YYYY-MM-DD")]
    [InlineData("/api/analysis/centrality?measures=degree,fame", "measures", "effectiveSize")]
    [InlineData("/api/analysis/centrality?measures=degree&sort=closeness", "sort", "degree, actor")]
    [InlineData("/api/analysis/centrality?order=up", "order", "desc, asc")]
    [InlineData("/api/analysis/centrality?epsilon=0.1&sample=5", "epsilon", "not both")]
    [InlineData("/api/analysis/centrality?offset=-1", "offset", "negative")]
    [InlineData("/api/analysis/gateways?from=region:EU", "to", "is required")]
    [InlineData("/api/analysis/gateways?from=planet:EU&to=region:KR", "from", "kind, country, region, sector")]
    [InlineData("/api/analysis/communities?resolution=big", "resolution", "number")]
    [InlineData("/api/analysis/communities?top=0", "top", "between 1 and 500")]
    [InlineData("/api/analysis/timeline?actors=kicox&from=2015&to=2016&step=week", "step", "year, month")]
    [InlineData("/api/analysis/timeline?actors=kicox&from=2015", "to", "is required")]
    [InlineData("/api/analysis/timeline?actors=kicox&from=2015&to=2016&measure=fame", "measure", "brokerage, betweenness, degree")]
    [InlineData("/api/analysis/years?from=2015", "from", "takes none")]
    [InlineData("/api/overview?kind=spaceship", "kind", "MiniCluster")]
    [InlineData("/api/overview?limit=abc", "limit", "whole number")]
    public async Task Wrong_queries_are_400_naming_the_parameter_in_plain_words(string url, string field, string words)
    {
        var messages = await RouteInputBatteryTests.FieldErrorsAsync(await _client.GetAsync(url), field);

        Assert.Contains(messages, m => m.Contains(words, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/api/analysis/brokerage?partition=KIND&sort=TOTAL", "/api/analysis/brokerage?partition=kind&sort=total")]
    [InlineData("/api/analysis/centrality?measures=DEGREE,Closeness&order=ASC", "/api/analysis/centrality?measures=degree,closeness&order=asc")]
    [InlineData("/api/analysis/timeline?actors=kicox&from=2015&to=2016&measure=Degree&step=YEAR", "/api/analysis/timeline?actors=kicox&from=2015&to=2016&measure=degree&step=year")]
    [InlineData("/api/overview?kind=minicluster&region=kr", "/api/overview?kind=MiniCluster&region=KR")]
    public async Task Closed_sets_take_any_case_and_share_the_answer_and_its_tag(string cased, string canonical)
    {
        var one = await _client.GetAsync(cased);
        var other = await _client.GetAsync(canonical);

        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        Assert.Equal(await other.Content.ReadAsStringAsync(), await one.Content.ReadAsStringAsync());
        Assert.Equal(other.Headers.ETag, one.Headers.ETag);
    }

    [Theory]
    [InlineData("/api/analysis/brokerage?limit=5")]
    [InlineData("/api/analysis/centrality?measures=degree&limit=5")]
    [InlineData("/api/analysis/communities?limit=5")]
    public async Task Every_analysis_list_pages_with_a_next_link_in_the_body_and_the_Link_header(string url)
    {
        var first = await _client.GetAsync(url);
        var page = await first.ReadJsonAsync();
        var next = (string)page["next"]!;

        Assert.Equal($"<{next}>; rel=\"next\"", first.Headers.GetValues("Link").Single());
        Assert.Contains("offset=5", next, StringComparison.Ordinal);
        var second = await (await _client.GetAsync(next)).ReadJsonAsync();
        Assert.Equal(5, (int)second["offset"]!);
        Assert.Equal((int)page["total"]!, (int)second["total"]!);
        Assert.NotEqual(page["items"]![0]!.ToJsonString(), second["items"]![0]!.ToJsonString());
        var last = await (await _client.GetAsync($"{url}&offset={(int)page["total"]! - 1}")).ReadJsonAsync();
        Assert.Null(last["next"]);
    }

    [Theory]
    [InlineData("/api/analysis/brokerage?partition=kind&asOf=2018-01-01")]
    [InlineData("/api/analysis/centrality?measures=degree")]
    [InlineData("/api/analysis/gateways?from=region:EU&to=region:KR")]
    [InlineData("/api/analysis/communities")]
    [InlineData("/api/analysis/timeline?actors=kicox&from=2015&to=2016")]
    [InlineData("/api/analysis/years")]
    [InlineData("/api/overview?kind=MiniCluster")]
    public async Task Analyses_revalidate_with_304_and_HEAD_answers_with_the_same_tag(string url)
    {
        var first = await _client.GetAsync(url);
        var tag = first.Headers.ETag!.Tag;
        using var again = new HttpRequestMessage(HttpMethod.Get, url);
        again.Headers.TryAddWithoutValidation("If-None-Match", tag);
        using var head = new HttpRequestMessage(HttpMethod.Head, url);
        var otherDay = await _client.GetAsync(url.Contains("asOf", StringComparison.Ordinal) ? url.Replace("2018", "2019", StringComparison.Ordinal) : url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "limit=1");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, (await _client.SendAsync(again)).StatusCode);
        var headed = await _client.SendAsync(head);
        Assert.Equal(tag, headed.Headers.ETag!.Tag);
        Assert.Empty(await headed.Content.ReadAsByteArrayAsync());
        // Another question (another day, another page) is another answer: another tag.
        if (otherDay.StatusCode == HttpStatusCode.OK)
        {
            Assert.NotEqual(tag, otherDay.Headers.ETag!.Tag);
        }
    }

    [Fact]
    public async Task An_answer_that_depends_on_the_role_is_tagged_per_role()
    {
        var admin = await _client.GetAsync("/api/analysis/brokerage");
        using var anonymous = app.Factory.CreateAnonymousClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/analysis/brokerage");
        request.Headers.TryAddWithoutValidation("If-None-Match", admin.Headers.ETag!.Tag);

        Assert.Equal(HttpStatusCode.OK, (await anonymous.SendAsync(request)).StatusCode);
    }
}
