using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace GraphApi.Browser.Tests;

/// <summary>The as-of slider and the brokerage-roles chart, against the API's own answers for the same dates.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class TimeTests(BrowserSession session)
{
    private static readonly string[] Roles = ["coordinator", "itinerant", "representative", "gatekeeper", "liaison", "total"];

    [SkippableFact]
    public async Task The_as_of_slider_redraws_the_graph_the_routes_and_the_brokerage_table_as_of_that_year()
    {
        Skip.IfNot(BrowserSession.Available, BrowserSession.MissingReason);
        await using var explorer = await session.OpenAsync();
        await explorer.LoadAsync();
        var page = explorer.Page;
        var years = (await session.Api.GetFromJsonAsync<JsonElement>("/api/analysis/years")).GetProperty("years").EnumerateArray().Select(y => y.GetInt32()).ToList();
        await explorer.WaitUntilAsync("() => window.graphApiExplorer.asOfYears().length > 0");
        Assert.Equal(years, await page.EvaluateAsync<int[]>("() => window.graphApiExplorer.asOfYears()"));
        Assert.Equal("all", await page.Locator("#as-of-value").TextContentAsync());

        // Draw KICOX, find routes from Pôle Eau to KICOX, run the brokerage table: all with every tie.
        await explorer.SearchAsync("#explore-actor", "KICOX", "kicox");
        await explorer.ChooseWithKeyboardAsync("#explore-actor", "kicox");
        await explorer.WaitUntilAsync("() => window.graphApiExplorer.edgeCount() > 0");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Routes" }).ClickAsync();
        await explorer.SearchAsync("#route-from", "Pôle Eau", "pole-eau");
        await explorer.ChooseWithKeyboardAsync("#route-from", "pole-eau");
        await page.Locator("#to-mode-actor").CheckAsync();
        await explorer.SearchAsync("#route-to", "KICOX", "kicox");
        await explorer.ChooseWithKeyboardAsync("#route-to", "kicox");
        await page.Locator("#route-submit").ClickAsync();
        await explorer.WaitUntilAsync("() => window.graphApiExplorer.highlighted().nodes.length > 0");
        var allEdges = await EdgeIdsAsync(page);
        await page.GetByRole(AriaRole.Tab, new() { Name = "Brokers" }).ClickAsync();
        await page.Locator("#broker-submit").ClickAsync();
        await page.Locator("#broker-table[data-as-of='all'] tbody tr").First.WaitForAsync();

        // Move the slider with the keyboard to the end of 2014.
        var slider = page.Locator("#as-of");
        await slider.FocusAsync();
        await page.Keyboard.PressAsync("Home");
        for (var i = 0; i < years.IndexOf(2014); i++)
        {
            await page.Keyboard.PressAsync("ArrowRight");
        }
        await page.Locator("#broker-table[data-as-of='2014-12-31'] tbody tr").First.WaitForAsync();
        await explorer.WaitUntilAsync("() => window.graphApiExplorer.asOf() === '2014-12-31'");
        Assert.Equal("2014", await page.Locator("#as-of-value").TextContentAsync());
        Assert.Equal("end of 2014", await slider.GetAttributeAsync("aria-valuetext"));
        await explorer.AssertNoErrorsAsync();

        // The graph: exactly KICOX's neighbourhood of that day (which lacks its 2015 and 2016 ties) and the best route of that day.
        var neighbourhood = await session.Api.GetFromJsonAsync<JsonElement>("/api/actors/kicox/neighbourhood?depth=1&asOf=2014-12-31");
        var bestRoute = (await PostRoutesAsync("2014-12-31")).GetProperty("routes")[0].GetProperty("steps").EnumerateArray()
            .Select(step => step.GetProperty("relationship").GetString()!);
        var expectedEdges = neighbourhood.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("id").GetString()!)
            .Union(bestRoute).Order().ToList();
        Assert.Equal(expectedEdges, (await EdgeIdsAsync(page)).Order());
        Assert.Contains("kicox-co-organised-tci-2015-tci-network", allEdges);
        Assert.DoesNotContain("kicox-co-organised-tci-2015-tci-network", expectedEdges);

        // The routes: the API's answer as of that day, which differs from the one with every tie.
        var routes = await RoutesAsync("2014-12-31");
        var listed = await page.EvaluateAsync<JsonElement>("() => window.graphApiExplorer.routes()");
        Assert.Equal(routes, listed.EnumerateArray().Select(r => string.Join('>', r.GetProperty("actors").EnumerateArray().Select(a => a.GetString()))));
        Assert.NotEqual(routes, await RoutesAsync(null));
        Assert.Equal("2014-12-31", await page.Locator("#route-as-of").InputValueAsync());

        // The brokerage table: every broker of that day (actors brokering nothing are left out), as the API ranks them.
        var brokerage = await session.Api.GetFromJsonAsync<JsonElement>("/api/analysis/brokerage?partition=region&sort=total&limit=500&asOf=2014-12-31");
        var totals = (await page.Locator("#broker-table tbody tr td:last-child").AllTextContentsAsync()).Select(long.Parse);
        Assert.Equal(brokerage.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("total").GetInt64()).Where(t => t > 0), totals);
        Assert.Equal("Brokers as of 2014-12-31", await page.Locator("#brokers-heading").TextContentAsync());

        // Back to every tie.
        await slider.FocusAsync();
        await page.Keyboard.PressAsync("End");
        await page.Locator("#broker-table[data-as-of='all'] tbody tr").First.WaitForAsync();
        await explorer.WaitUntilAsync("() => window.graphApiExplorer.asOf() === null");
        Assert.Equal(allEdges.Order(), (await EdgeIdsAsync(page)).Order());
        await explorer.AssertNoErrorsAsync();
    }

    [SkippableFact]
    public async Task The_roles_chart_draws_the_chosen_actors_brokerage_roles_by_year()
    {
        Skip.IfNot(BrowserSession.Available, BrowserSession.MissingReason);
        await using var explorer = await session.OpenAsync();
        await explorer.LoadAsync();
        var page = explorer.Page;
        await explorer.WaitUntilAsync("() => window.graphApiExplorer.asOfYears().length > 0");
        await explorer.SearchAsync("#explore-actor", "KICOX", "kicox");
        await explorer.ChooseWithKeyboardAsync("#explore-actor", "kicox");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Brokers" }).ClickAsync();
        await page.Locator("#roles-chart[data-actor='kicox'] canvas").WaitForAsync();
        await explorer.AssertNoErrorsAsync();

        // The table under the chart lists what the timeline answers, year by year.
        var years = (await session.Api.GetFromJsonAsync<JsonElement>("/api/analysis/years")).GetProperty("years").EnumerateArray().Select(y => y.GetInt32()).ToList();
        var timeline = await session.Api.GetFromJsonAsync<JsonElement>(
            $"/api/analysis/timeline?actors=kicox&measure=brokerage&partition=region&from={years[0]}&to={years[^1]}");
        var expected = timeline.GetProperty("series")[0].GetProperty("points").EnumerateArray()
            .Select(p => string.Join(' ', Roles.Select(r => p.GetProperty("roles").GetProperty(r).GetInt64())));
        var rows = page.Locator("#roles-table tbody tr");
        Assert.Equal(years.Select(y => y.ToString(System.Globalization.CultureInfo.InvariantCulture)), await rows.Locator("th").AllTextContentsAsync());
        var shown = new List<string>();
        for (var i = 0; i < await rows.CountAsync(); i++)
        {
            shown.Add(string.Join(' ', await rows.Nth(i).Locator("td").AllTextContentsAsync()));
        }
        Assert.Equal(expected, shown);

        // The chart is painted: one line per role in the legend, and coloured pixels on the canvas.
        Assert.Equal(Roles.SkipLast(1), (await page.Locator("#roles-chart .u-legend .u-series .u-label").AllTextContentsAsync()).Skip(1));
        Assert.True(await page.EvaluateAsync<bool>("""
            () => {
              const canvas = document.querySelector('#roles-chart canvas');
              const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
              for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) return true;
              return false;
            }
            """), "the chart's canvas has painted pixels");

        // Choosing another partition and analysing again charts the roles by that partition.
        await page.Locator("#broker-partition").SelectOptionAsync("kind");
        await page.Locator("#broker-submit").ClickAsync();
        await explorer.WaitUntilAsync("() => document.getElementById('roles-chart-caption').textContent.includes('by kind')");
        await explorer.AssertNoErrorsAsync();
    }

    private static async Task<List<string>> EdgeIdsAsync(IPage page) => [.. await page.EvaluateAsync<string[]>("() => window.graphApiExplorer.edgeIds()")];

    private async Task<JsonElement> PostRoutesAsync(string? asOf)
    {
        var response = await session.Api.PostAsJsonAsync("/api/routes/introductions",
            new { from = new[] { "pole-eau" }, to = new { id = "kicox" }, k = 3, maxHops = 6, asOf });
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<List<string>> RoutesAsync(string? asOf)
    {
        var body = await PostRoutesAsync(asOf);
        return [.. body.GetProperty("routes").EnumerateArray().Select(r => string.Join('>', r.GetProperty("path").EnumerateArray().Select(a => a.GetString())))];
    }
}
