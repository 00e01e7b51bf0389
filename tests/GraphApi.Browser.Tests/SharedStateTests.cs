using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace GraphApi.Browser.Tests;

/// <summary>Issue 25, one state shared by URL: a link reproduces the view; the as-of date is one value; closed fields offer the API's values.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class SharedStateTests(BrowserSession session)
{
    [SkippableTheory]
    [InlineData(1280, 720)]
    [InlineData(1920, 1080)]
    public async Task A_link_opens_the_same_question_date_and_colouring(int width, int height)
    {
        Skip.IfNot(BrowserSession.Available, BrowserSession.MissingReason);
        await using var explorer = await session.OpenAsync(width, height);
        await explorer.LoadAsync("/?tab=routes&from=pole-eau&kind=MiniCluster&region=KR&k=2&asOf=2014-12-31&colour=region");
        var page = explorer.Page;
        await explorer.WaitUntilAsync("() => window.graphApiExplorer.routes().length > 0 && window.graphApiExplorer.highlighted().nodes.length > 0");
        await explorer.AssertNoErrorsAsync();

        Assert.Equal("true", await page.Locator("#tab-routes").GetAttributeAsync("aria-selected"));
        Assert.Equal("Pôle Eau", await page.Locator("#route-from").InputValueAsync());
        Assert.Equal("MiniCluster", await page.Locator("#route-kind").InputValueAsync());
        Assert.Equal("region", await page.Locator("#colour-by").InputValueAsync());
        Assert.Contains("Region:", await page.Locator("#legend").TextContentAsync() ?? "", StringComparison.Ordinal);
        // One date everywhere: the slider, the route form, the routes.
        Assert.Equal("2014", await page.Locator("#as-of-value").TextContentAsync());
        Assert.Equal("2014-12-31", await page.Locator("#route-as-of").InputValueAsync());
        var answer = await (await session.Api.PostAsJsonAsync("/api/routes/introductions",
            new { from = new[] { "pole-eau" }, to = new { kind = "MiniCluster", region = "KR" }, k = 2, maxHops = 6, asOf = "2014-12-31" })).Content.ReadFromJsonAsync<JsonElement>();
        var expected = answer.GetProperty("routes").EnumerateArray().Select(r => string.Join('>', r.GetProperty("path").EnumerateArray().Select(a => a.GetString()))).ToList();
        var listed = (await page.EvaluateAsync<JsonElement>("() => window.graphApiExplorer.routes()")).EnumerateArray()
            .Select(r => string.Join('>', r.GetProperty("actors").EnumerateArray().Select(a => a.GetString()))).ToList();
        Assert.Equal(expected, listed);

        // What the person changes goes back into the link, so sending it reproduces the view.
        await page.Locator("#colour-by").SelectOptionAsync("community");
        await explorer.WaitUntilAsync("() => location.search.includes('colour=community')");
        var link = await page.EvaluateAsync<string>("() => location.pathname + location.search");
        Assert.Contains("from=pole-eau", link, StringComparison.Ordinal);
        Assert.Contains("asOf=2014-12-31", link, StringComparison.Ordinal);
        Assert.Contains("tab=routes", link, StringComparison.Ordinal);
        await using var again = await session.OpenAsync(width, height);
        await again.LoadAsync(link);
        await again.WaitUntilAsync("() => window.graphApiExplorer.routes().length > 0");
        Assert.Equal("community", await again.Page.Locator("#colour-by").InputValueAsync());
        Assert.Equal(listed, (await again.Page.EvaluateAsync<JsonElement>("() => window.graphApiExplorer.routes()")).EnumerateArray()
            .Select(r => string.Join('>', r.GetProperty("actors").EnumerateArray().Select(a => a.GetString()))).ToList());
        await again.AssertNoErrorsAsync();
    }

    [SkippableTheory]
    [InlineData(1280, 720)]
    [InlineData(1920, 1080)]
    public async Task Closed_fields_offer_the_APIs_values_and_a_filter_matching_nobody_says_more_hops_cannot_help(int width, int height)
    {
        Skip.IfNot(BrowserSession.Available, BrowserSession.MissingReason);
        await using var explorer = await session.OpenAsync(width, height);
        await explorer.LoadAsync();
        var page = explorer.Page;
        await page.GetByRole(AriaRole.Tab, new() { Name = "Routes" }).ClickAsync();
        var catalogue = await session.Api.GetFromJsonAsync<JsonElement>("/api/catalogues");

        Assert.Equal(catalogue.GetProperty("kinds").EnumerateArray().Select(k => k.GetString()!).Prepend(""), await OptionValuesAsync(page, "#route-kind option"));
        Assert.Equal(catalogue.GetProperty("regions").EnumerateArray().Select(k => k.GetString()!).Prepend(""), await OptionValuesAsync(page, "#route-region option"));
        Assert.Equal(catalogue.GetProperty("sectors").EnumerateArray().Select(s => s.GetProperty("value").GetString()!), await OptionValuesAsync(page, "#route-sector-values option"));
        var types = await session.Api.GetFromJsonAsync<JsonElement>("/api/relationship-types");
        Assert.Equal(types.EnumerateArray().Select(t => t.GetProperty("name").GetString()!), await OptionValuesAsync(page, "#whatif-type option"));

        await explorer.SearchAsync("#route-from", "Pôle Eau", "pole-eau");
        await explorer.ChooseWithKeyboardAsync("#route-from", "pole-eau");
        await page.Locator("#route-kind").SelectOptionAsync("Ministry");
        await page.Locator("#route-sector").FillAsync("no-such-sector");
        await page.Locator("#route-submit").ClickAsync();
        await explorer.WaitUntilAsync("() => document.getElementById('routes-summary').textContent.startsWith('No ')");
        var summary = await page.Locator("#routes-summary").TextContentAsync() ?? "";
        Assert.Contains("more hops cannot help", summary, StringComparison.Ordinal);
        await LandingTests.AssertNothingCutAsync(page, width);
        await explorer.AssertNoErrorsAsync();
    }

    private static async Task<string[]> OptionValuesAsync(IPage page, string selector) =>
        await page.Locator(selector).EvaluateAllAsync<string[]>("options => options.map((o) => o.value)");
}
