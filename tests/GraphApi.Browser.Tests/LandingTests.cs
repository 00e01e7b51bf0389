using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace GraphApi.Browser.Tests;

/// <summary>Issue 25, landing and layout: the whole network with kind colours and the two starts, fitted, at both sizes.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class LandingTests(BrowserSession session)
{
    [SkippableTheory]
    [InlineData(1280, 720)]
    [InlineData(1920, 1080)]
    public async Task The_landing_draws_the_whole_network_coloured_by_kind_with_the_two_starts(int width, int height)
    {
        Skip.IfNot(BrowserSession.Available, BrowserSession.MissingReason);
        await using var explorer = await session.OpenAsync(width, height);
        await explorer.LoadAsync();
        var page = explorer.Page;
        await explorer.WaitUntilAsync("() => window.graphApiExplorer.landing()");
        await explorer.AssertNoErrorsAsync();

        var actors = (await session.Api.GetFromJsonAsync<JsonElement>("/api/actors?limit=1")).GetProperty("total").GetInt32();
        var relationships = (await session.Api.GetFromJsonAsync<JsonElement>("/api/relationships?limit=1")).GetProperty("total").GetInt32();
        Assert.Equal(actors, (await explorer.NodeIdsAsync()).Length);
        var summary = await page.Locator("#landing-summary").TextContentAsync() ?? "";
        Assert.Contains($"{actors} actors and {relationships} relationships", summary, StringComparison.Ordinal);
        var legend = await page.Locator("#legend").TextContentAsync() ?? "";
        Assert.Contains("Kind:", legend, StringComparison.Ordinal);
        Assert.Contains("MiniCluster", legend, StringComparison.Ordinal);
        Assert.True(await InViewAsync(page), "the whole network fits the canvas");

        // Both starts are in sight without scrolling.
        foreach (var start in new[] { "Find an introduction", "Who brokers?" })
        {
            var box = await page.GetByRole(AriaRole.Button, new() { Name = start, Exact = true }).BoundingBoxAsync();
            Assert.NotNull(box);
            Assert.True(box.Y + box.Height <= height && box.X + box.Width <= width, $"“{start}” is on screen");
        }
        await AssertNothingCutAsync(page, width);
        await page.ScreenshotAsync(new() { Path = Artifacts.Screenshot($"landing-{width}x{height}.png") });

        await page.GetByRole(AriaRole.Button, new() { Name = "Find an introduction", Exact = true }).ClickAsync();
        Assert.Equal("true", await page.Locator("#tab-routes").GetAttributeAsync("aria-selected"));
        Assert.Equal("route-from", await page.EvaluateAsync<string>("() => document.activeElement.id"));
    }

    [SkippableTheory]
    [InlineData(1280, 720)]
    [InlineData(1920, 1080)]
    public async Task Who_brokers_runs_the_brokerage_analysis_and_colours_the_whole_network_by_role(int width, int height)
    {
        Skip.IfNot(BrowserSession.Available, BrowserSession.MissingReason);
        await using var explorer = await session.OpenAsync(width, height);
        await explorer.LoadAsync();
        var page = explorer.Page;
        await explorer.WaitUntilAsync("() => window.graphApiExplorer.landing()");

        await page.GetByRole(AriaRole.Button, new() { Name = "Who brokers?", Exact = true }).ClickAsync();
        await page.Locator("#broker-table tbody tr").First.WaitForAsync();
        await explorer.WaitUntilAsync("() => Object.values(window.graphApiExplorer.nodeColours()).some((c) => c !== '#d0d4d9')");

        Assert.Equal("role", await page.Locator("#colour-by").InputValueAsync());
        Assert.Contains("Dominant brokerage role", await page.Locator("#legend").TextContentAsync() ?? "", StringComparison.Ordinal);
        Assert.True((await explorer.NodeIdsAsync()).Length > 50, "the whole network stays drawn, now coloured by role");
        await AssertNothingCutAsync(page, width);
        await page.ScreenshotAsync(new() { Path = Artifacts.Screenshot($"brokers-{width}x{height}.png") });
        await explorer.AssertNoErrorsAsync();
    }

    [SkippableTheory]
    [InlineData(1280, 720)]
    [InlineData(1920, 1080)]
    public async Task The_whole_network_is_drawn_as_of_the_pages_one_date(int width, int height)
    {
        Skip.IfNot(BrowserSession.Available, BrowserSession.MissingReason);
        await using var explorer = await session.OpenAsync(width, height);
        await explorer.LoadAsync("/?asOf=2014-12-31");
        var page = explorer.Page;
        await explorer.WaitUntilAsync("() => window.graphApiExplorer.landing() && window.graphApiExplorer.asOf() === '2014-12-31'");
        await explorer.AssertNoErrorsAsync();

        var inForce = (await session.Api.GetFromJsonAsync<JsonElement>("/api/export?format=json&asOf=2014-12-31")).GetProperty("relationships")
            .EnumerateArray().Select(r => r.GetProperty("id").GetString()!).ToHashSet();
        var all = (await session.Api.GetFromJsonAsync<JsonElement>("/api/relationships?limit=1")).GetProperty("total").GetInt32();
        Assert.True(inForce.Count < all, "some ties begin after 2014");
        Assert.Subset(inForce, (await page.EvaluateAsync<string[]>("() => window.graphApiExplorer.edgeIds()")).ToHashSet());
        Assert.Contains($"as of 2014-12-31: ", await page.Locator("#landing-summary").TextContentAsync() ?? "", StringComparison.Ordinal);
        Assert.Contains($"{inForce.Count} relationships in force", await page.Locator("#landing-summary").TextContentAsync() ?? "", StringComparison.Ordinal);
        Assert.True(await InViewAsync(page), "the network of that day fits the canvas");
    }

    internal static Task<bool> InViewAsync(IPage page) => page.EvaluateAsync<bool>("() => window.graphApiExplorer.inView().inside");

    /// <summary>Nothing runs off the page sideways, and no button, select or heading is cut short inside its box.</summary>
    internal static async Task AssertNothingCutAsync(IPage page, int width)
    {
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= width, "the page does not scroll sideways");
        var cut = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('button, select, h1, h2, label, legend')]
              .filter((e) => e.offsetParent !== null && e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflow !== 'visible')
              .map((e) => `${e.tagName} ${e.id || e.textContent.trim().slice(0, 40)}`)
            """);
        Assert.True(cut.Length == 0, "cut: " + string.Join(", ", cut));
    }
}
