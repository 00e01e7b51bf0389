using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using GraphApi.Core.Analysis;
using GraphApi.Core.Analysis.Communities;
using GraphApi.Core.Domain;
using GraphApi.Core.Routing;

namespace GraphApi.Api.Tests.Analysis;

/// <summary>
/// asOf on every analysis endpoint, on a random dated graph: each answer equals the analysis computed on the graph
/// filtered by hand to the ties in force that day.
/// </summary>
public sealed class AsOfApiTests(DatedGraphApp app) : IClassFixture<DatedGraphApp>
{
    private readonly HttpClient _client = app.Client;

    private async Task<JsonNode> GetOkAsync(string url)
    {
        var response = await _client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJsonAsync();
    }

    private static string Text(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Brokerage_as_of_a_day_equals_brokerage_on_the_graph_filtered_by_hand()
    {
        foreach (var day in app.Days(10, 1))
        {
            var reference = Brokerage.Compute(app.FilteredByHand(day), ActorField.Region, directed: true, CancellationToken.None);
            var body = await GetOkAsync($"/api/analysis/brokerage?asOf={Text(day)}&directed=true&sort=actor&limit=500");
            Assert.Equal(Text(day), (string?)body["asOf"]);
            var items = body["items"]!.AsArray();
            Assert.Equal(reference.Snapshot.ActorCount, items.Count);
            for (var v = 0; v < items.Count; v++)
            {
                var roles = reference.Roles[v];
                Assert.Equal(reference.Snapshot.ActorAt(v).Id, (string?)items[v]!["actor"]);
                Assert.Equal([roles.Coordinator, roles.Itinerant, roles.Representative, roles.Gatekeeper, roles.Liaison],
                    new[] { "coordinator", "itinerant", "representative", "gatekeeper", "liaison" }.Select(r => items[v]![r]!.GetValue<long>()));
            }
        }
    }

    [Fact]
    public async Task Communities_as_of_a_day_equal_communities_on_the_graph_filtered_by_hand()
    {
        foreach (var day in app.Days(6, 3))
        {
            var reference = CommunityDetection.Compute(app.FilteredByHand(day), new CommunityOptions(), CancellationToken.None);
            var body = await GetOkAsync($"/api/analysis/communities?asOf={Text(day)}&limit=500");
            Assert.Equal(Text(day), (string?)body["asOf"]);
            Assert.Equal(reference.Modularity, body["modularity"]!.GetValue<double>(), 12);
            var community = body["items"]!.AsArray().ToDictionary(i => (string)i!["actor"]!, i => i!["community"]!.GetValue<int>());
            Assert.Equal(reference.Snapshot.ActorCount, community.Count);
            for (var v = 0; v < reference.Snapshot.ActorCount; v++)
            {
                Assert.Equal(reference.Community[v], community[reference.Snapshot.ActorAt(v).Id]);
            }
        }
    }

    [Fact]
    public async Task Centrality_as_of_a_day_equals_centrality_on_the_graph_filtered_by_hand()
    {
        foreach (var day in app.Days(6, 2))
        {
            var reference = Centrality.Compute(app.FilteredByHand(day), new CentralityOptions(CentralityMeasures.All), CancellationToken.None);
            var body = await GetOkAsync($"/api/analysis/centrality?asOf={Text(day)}&sort=actor&limit=500");
            Assert.Equal(Text(day), (string?)body["asOf"]);
            var items = body["items"]!.AsArray();
            for (var v = 0; v < items.Count; v++)
            {
                Assert.Equal(reference.Degree[v], items[v]!["degree"]!.GetValue<int>());
                Assert.Equal(reference.Betweenness![v], items[v]!["betweenness"]!.GetValue<double>(), 9);
                Assert.Equal(reference.Closeness![v], items[v]!["closeness"]!.GetValue<double>(), 9);
                Assert.Equal(reference.Constraint![v], items[v]!["constraint"]?.GetValue<double>());
                Assert.Equal(reference.Component[v], items[v]!["component"]!.GetValue<int>());
            }
        }
    }

    [Fact]
    public async Task Gateways_as_of_a_day_equal_gateways_on_the_graph_filtered_by_hand()
    {
        foreach (var day in app.Days(6, 3))
        {
            var snapshot = app.FilteredByHand(day);
            var reference = Gateways.Compute(snapshot, new ActorFilter(Region: "EU"), new ActorFilter(Region: "KR"), CancellationToken.None);
            var body = await GetOkAsync($"/api/analysis/gateways?from=region:EU&to=region:KR&top=500&asOf={Text(day)}");
            Assert.Equal(Text(day), (string?)body["asOf"]);
            Assert.Equal(reference.Pairs, body["pairs"]!.GetValue<long>());
            Assert.Equal(reference.Ranking.Select(g => (snapshot.ActorAt(g.Actor).Id, g.Routes)),
                body["items"]!.AsArray().Select(i => ((string)i!["actor"]!, i["routes"]!.GetValue<long>())));
        }
    }

    [Fact]
    public async Task A_neighbourhood_as_of_a_day_holds_only_the_ties_in_force()
    {
        foreach (var day in app.Days(6, 4))
        {
            var reference = Neighbourhood.Of(app.FilteredByHand(day), "a001", 2, 200);
            var snapshot = app.FilteredByHand(day);
            var body = await GetOkAsync($"/api/actors/a001/neighbourhood?depth=2&asOf={Text(day)}");
            Assert.Equal(reference.Relationships.Select(e => snapshot.RelationshipAt(e).Id), body["edges"]!.AsArray().Select(e => (string)e!["id"]!));
            Assert.Equal(reference.Nodes.Select(n => snapshot.ActorAt(n.Actor).Id), body["nodes"]!.AsArray().Select(n => (string)n!["id"]!));
        }
    }

    [Fact]
    public async Task The_years_in_which_ties_begin_or_end_are_listed_once_in_order()
    {
        var body = await GetOkAsync("/api/analysis/years");
        var expected = app.Ties.SelectMany(r => new[] { r.Since?.Year, r.Until?.Year }).OfType<int>().Distinct().Order();
        Assert.Equal(expected, body["years"]!.AsArray().Select(y => y!.GetValue<int>()));
    }

    [Fact]
    public async Task Without_asOf_every_tie_counts_and_the_answer_names_no_date()
    {
        var body = await GetOkAsync("/api/analysis/centrality?measures=degree&sort=actor&limit=500");
        Assert.Null(body["asOf"]);
        var whole = app.Network.Snapshot;
        var everything = Centrality.Compute(whole, new CentralityOptions(CentralityMeasures.Degree), CancellationToken.None);
        Assert.Equal(everything.Degree, body["items"]!.AsArray().Select(i => i!["degree"]!.GetValue<int>()));
    }

    [Theory]
    [InlineData("/api/analysis/brokerage?asOf=2015-13-01")]
    [InlineData("/api/analysis/brokerage?asOf=2015")]
    [InlineData("/api/analysis/centrality?asOf=yesterday")]
    [InlineData("/api/analysis/centrality?asOf=2015-02-30")]
    [InlineData("/api/analysis/gateways?from=region:EU&to=region:KR&asOf=2015-1-1")]
    [InlineData("/api/actors/a001/neighbourhood?asOf=2015-12")]
    public async Task A_bad_asOf_is_a_400_naming_the_field(string url)
    {
        var response = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ReadJsonAsync();
        Assert.Contains("YYYY-MM-DD", problem["errors"]!["asOf"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
