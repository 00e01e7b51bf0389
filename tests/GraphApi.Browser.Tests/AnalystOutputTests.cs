using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace GraphApi.Browser.Tests;

/// <summary>Issue 25, the policy analyst: the communities panel, every table as CSV (the API's own), pictures for a report, roles compared.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class AnalystOutputTests(BrowserSession session)
{
    [SkippableTheory]
    [InlineData(1280, 720)]
    [InlineData(1920, 1080)]
    public async Task The_communities_panel_lists_sizes_cores_and_bridges_and_highlights_one_on_click(int width, int height)
    {
        Skip.IfNot(BrowserSession.Available, BrowserSession.MissingReason);
        await using var explorer = await session.OpenAsync(width, height);
        await explorer.LoadAsync();
        var page = explorer.Page;
        await page.GetByRole(AriaRole.Tab, new() { Name = "Communities" }).ClickAsync();
        await page.Locator("#communities-submit").ClickAsync();
        await page.Locator("#community-list .route").First.WaitForAsync();
        await explorer.AssertNoErrorsAsync();

        var answer = await session.Api.GetFromJsonAsync<JsonElement>("/api/analysis/communities?limit=500&top=500");
        var communities = answer.GetProperty("communities").EnumerateArray().ToList();
        var items = page.Locator("#community-list .route");
        Assert.Equal(communities.Count, await items.CountAsync());
        var largest = communities[0];
        var first = items.First;
        Assert.Contains($"{largest.GetProperty("size").GetInt32()} actors", await first.Locator(".route-aside").TextContentAsync() ?? "", StringComparison.Ordinal);
        var core = await first.Locator(".members").TextContentAsync() ?? "";
        Assert.All(largest.GetProperty("topMembers").EnumerateArray(), m => Assert.Contains(m.GetProperty("name").GetString()!, core, StringComparison.Ordinal));
        var bridge = answer.GetProperty("bridges").EnumerateArray().First(b => b.GetProperty("community").GetInt32() == 0);
        Assert.Contains(bridge.GetProperty("name").GetString()!, await first.Locator(".bridges").TextContentAsync() ?? "", StringComparison.Ordinal);

        await first.Locator(".show-route").ClickAsync();
        await explorer.WaitUntilAsync("() => document.getElementById('colour-by').value === 'community'");
        var members = answer.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("community").GetInt32() == 0).Select(i => i.GetProperty("actor").GetString()!).Order().ToList();
        await explorer.WaitUntilAsync("() => window.graphApiExplorer.emphasised().length > 0");
        Assert.Equal(members, (await page.EvaluateAsync<string[]>("() => window.graphApiExplorer.emphasised()")).Order());
        Assert.True(await LandingTests.InViewAsync(page), "the community is fitted to the canvas");
        await LandingTests.AssertNothingCutAsync(page, width);
        await page.ScreenshotAsync(new() { Path = Artifacts.Screenshot($"communities-{width}x{height}.png") });
        await explorer.AssertNoErrorsAsync();
    }

    [SkippableTheory]
    [InlineData(1280, 720)]
    [InlineData(1920, 1080)]
    public async Task Every_table_downloads_as_the_APIs_CSV_for_the_same_question_and_date(int width, int height)
    {
        Skip.IfNot(BrowserSession.Available, BrowserSession.MissingReason);
        await using var explorer = await session.OpenAsync(width, height);
        await explorer.LoadAsync("/?asOf=2015-12-31&roles=kicox,tci-network");
        var page = explorer.Page;
        await explorer.WaitUntilAsync("() => window.graphApiExplorer.asOf() === '2015-12-31'");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Brokers" }).ClickAsync();
        await page.Locator("#broker-submit").ClickAsync();
        await page.Locator("#broker-table[data-as-of='2015-12-31'] tbody tr").First.WaitForAsync();

        await AssertCsvAsync(page, "#broker-csv button", "/api/analysis/brokerage?partition=region&directed=false&sort=total&asOf=2015-12-31&limit=500");
        await AssertCsvAsync(page, "#gateway-csv button", "/api/analysis/gateways?from=region:EU&to=region:KR&top=20&asOf=2015-12-31");
        await AssertCsvAsync(page, "#central-csv button", "/api/analysis/centrality?measures=degree,betweenness&asOf=2015-12-31&limit=500");
        var years = (await session.Api.GetFromJsonAsync<JsonElement>("/api/analysis/years")).GetProperty("years").EnumerateArray().Select(y => y.GetInt32()).ToList();
        await page.Locator("#roles-chart[data-actor='kicox,tci-network'] canvas").WaitForAsync();
        await AssertCsvAsync(page, "#roles-csv button",
            $"/api/analysis/timeline?actors=kicox,tci-network&measure=brokerage&partition=region&directed=false&from={years[0]}&to={years[^1]}&step=year");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Communities" }).ClickAsync();
        await AssertCsvAsync(page, "#communities-csv button", "/api/analysis/communities?asOf=2015-12-31&limit=500&top=500");
        await explorer.AssertNoErrorsAsync();
    }

    [SkippableTheory]
    [InlineData(1280, 720)]
    [InlineData(1920, 1080)]
    public async Task The_roles_chart_compares_several_actors_and_the_picture_carries_title_legend_date_and_full_names(int width, int height)
    {
        Skip.IfNot(BrowserSession.Available, BrowserSession.MissingReason);
        await using var explorer = await session.OpenAsync(width, height);
        await explorer.LoadAsync("/?asOf=2015-12-31");
        var page = explorer.Page;
        await explorer.WaitUntilAsync("() => window.graphApiExplorer.asOf() === '2015-12-31'");
        foreach (var (text, id) in new[] { ("KICOX", "kicox"), ("TCI Network", "tci-network") })
        {
            await explorer.SearchAsync("#explore-actor", text, id);
            await explorer.ChooseWithKeyboardAsync("#explore-actor", id);
            await page.Locator($"#details section[data-actor='{id}']").WaitForAsync();
        }
        await page.GetByRole(AriaRole.Tab, new() { Name = "Brokers" }).ClickAsync();
        await page.Locator("#roles-chart[data-actor='kicox,tci-network'] canvas").WaitForAsync();
        var head = await page.Locator("#roles-table thead th").AllTextContentsAsync();
        Assert.Equal(["Year", "Korea Industrial Complex Corp.", "TCI Network"], head);
        Assert.Equal(["Korea Industrial Complex Corp.", "TCI Network"], (await page.Locator("#roles-chart .u-legend .u-series .u-label").AllTextContentsAsync()).Skip(1));
        await page.Locator("#roles-measure").SelectOptionAsync("gatekeeper");
        await explorer.WaitUntilAsync("() => document.getElementById('roles-chart-caption').textContent.includes('gatekeeper')");
        await LandingTests.AssertNothingCutAsync(page, width);

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Export SVG" }).ClickAsync());
        var svg = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.StartsWith("<?xml", svg, StringComparison.Ordinal);
        Assert.Contains("Neighbourhood of Korea Industrial Complex Corp., TCI Network", svg, StringComparison.Ordinal);
        Assert.Contains("as of 2015-12-31", svg, StringComparison.Ordinal);
        Assert.Contains("Kind:", svg, StringComparison.Ordinal);
        foreach (var id in await explorer.NodeIdsAsync())
        {
            var name = (await session.Api.GetFromJsonAsync<JsonElement>($"/api/actors/{id}")).GetProperty("name").GetString()!;
            Assert.Contains($">{System.Security.SecurityElement.Escape(name)}<", svg, StringComparison.Ordinal);
        }
        var png = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Export PNG" }).ClickAsync());
        Assert.True(new FileInfo(await png.PathAsync()).Length > 10_000, "the PNG has the picture");
        await explorer.AssertNoErrorsAsync();
    }

    /// <summary>Clicks a CSV button and compares the file with the API's CSV for the same query.</summary>
    private async Task AssertCsvAsync(IPage page, string selector, string query)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator(selector).ClickAsync());
        var downloaded = await File.ReadAllTextAsync(await download.PathAsync());
        using var request = new HttpRequestMessage(HttpMethod.Get, query);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        using var response = await session.Api.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var expected = await response.Content.ReadAsStringAsync();
        Assert.True(expected.Split("\r\n").Length > 2, $"{query} has rows");
        Assert.Equal(expected, downloaded);
    }
}
