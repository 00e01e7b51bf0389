using System.Net;

namespace GraphApi.Api.Tests.Routes;

/// <summary>The product's core question on the shipped dataset (cypher/seed/*.csv).</summary>
public sealed class DatasetRouteTests(SeededApp app) : IClassFixture<SeededApp>
{
    [Fact]
    public async Task Pole_Eau_reaches_Korean_mini_clusters_by_routes_whose_every_step_cites_the_report()
    {
        var response = await app.Client.PostJsonAsync("/api/routes/introductions",
            new { from = new[] { "pole-eau" }, to = new { kind = "MiniCluster", country = "KR" }, k = 3 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var routes = (await response.ReadJsonAsync())["routes"]!.AsArray();
        Assert.Equal(3, routes.Count);
        foreach (var route in routes)
        {
            Assert.Equal("pole-eau", (string)route!["source"]!);
            Assert.False(string.IsNullOrWhiteSpace((string)route["explanation"]!));
            foreach (var step in route["steps"]!.AsArray())
            {
                var evidence = step!["evidence"];
                Assert.NotNull(evidence);
                Assert.False(string.IsNullOrWhiteSpace((string?)evidence["section"]), $"step {step["relationship"]} has no section");
                Assert.False(string.IsNullOrWhiteSpace((string?)evidence["quote"]), $"step {step["relationship"]} has no quote");
            }
        }
    }
}
