using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace GraphApi.Browser.Tests;

/// <summary>The Overview tab: the whole dataset (or a filtered part) drawn by sigma.js with WebGL from GET /api/overview.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class OverviewTests(BrowserSession session)
{
    [SkippableFact]
    public async Task The_overview_draws_every_actor_with_WebGL_and_a_click_on_a_node_shows_its_details()
    {
        Skip.IfNot(BrowserSession.Available, BrowserSession.MissingReason);
        await using var explorer = await session.OpenAsync();
        await explorer.LoadAsync();

        var drawn = await OpenOverviewAsync(explorer);

        Assert.Equal(await ActorTotalAsync(""), drawn.GetProperty("nodes").GetInt32());
        Assert.True(drawn.GetProperty("edges").GetInt32() > 0);
        Assert.True(await explorer.Page.EvaluateAsync<int>("() => window.graphApiExplorer.overviewPaintedPixels()") > 0,
            "the WebGL node and edge layers painted something");
        Assert.Equal(drawn.GetProperty("nodes").GetInt32().ToString(), await explorer.Page.Locator("#overview").GetAttributeAsync("data-nodes"));
        await explorer.Page.ScreenshotAsync(new() { Path = Artifacts.Screenshot("overview.png") });

        var kicox = await ViewportPositionAsync(explorer, "kicox");
        await explorer.Page.Mouse.ClickAsync(kicox.X, kicox.Y);

        await explorer.Page.Locator("#details section[data-actor='kicox']").WaitForAsync();
        await explorer.AssertNoErrorsAsync();
    }

    [SkippableFact]
    public async Task A_region_filter_draws_only_that_regions_actors()
    {
        Skip.IfNot(BrowserSession.Available, BrowserSession.MissingReason);
        await using var explorer = await session.OpenAsync();
        await explorer.LoadAsync();
        await OpenOverviewAsync(explorer);

        await explorer.Page.Locator("#overview-region").SelectOptionAsync("KR");
        await explorer.Page.Locator("#overview-submit").ClickAsync();

        var expected = await ActorTotalAsync("&region=KR");
        await explorer.WaitUntilAsync($"() => window.graphApiExplorer.overview()?.nodes === {expected}");
        Assert.StartsWith($"{expected} actors", await explorer.Page.Locator("#overview-summary").TextContentAsync());
        await explorer.AssertNoErrorsAsync();
    }

    [SkippableFact]
    public async Task A_drag_moves_the_drawing_with_the_pointer_and_the_redrawn_camera_keeps_it_there()
    {
        Skip.IfNot(BrowserSession.Available, BrowserSession.MissingReason);
        await using var explorer = await session.OpenAsync();
        await explorer.LoadAsync();
        await OpenOverviewAsync(explorer);
        var before = await ViewportPositionAsync(explorer, "kicox");
        var surface = (await explorer.Page.Locator("#overview").BoundingBoxAsync())!;
        var start = (X: surface.X + 40, Y: surface.Y + 40);

        await explorer.Page.Mouse.MoveAsync(start.X, start.Y);
        await explorer.Page.Mouse.DownAsync();
        await explorer.Page.Mouse.MoveAsync(start.X + 120, start.Y + 70, new() { Steps = 8 });
        await explorer.Page.Mouse.UpAsync();
        // The gesture settles (sigma redraws at the new camera) once the pointer has been still for a moment.
        await explorer.WaitUntilAsync("() => document.getElementById('overview-stage').style.transform === ''");

        var after = await ViewportPositionAsync(explorer, "kicox");
        Assert.InRange(after.X - before.X, 118, 122);
        Assert.InRange(after.Y - before.Y, 68, 72);
        await explorer.AssertNoErrorsAsync();
    }

    [SkippableFact]
    public async Task Zooming_in_with_the_wheel_keeps_the_node_under_the_pointer_in_place_and_spreads_the_others()
    {
        Skip.IfNot(BrowserSession.Available, BrowserSession.MissingReason);
        await using var explorer = await session.OpenAsync();
        await explorer.LoadAsync();
        await OpenOverviewAsync(explorer);
        var kicox = await ViewportPositionAsync(explorer, "kicox");
        var other = await ViewportPositionAsync(explorer, "pole-eau");

        await explorer.Page.Mouse.MoveAsync(kicox.X, kicox.Y);
        await explorer.Page.Mouse.WheelAsync(0, -300);
        await explorer.WaitUntilAsync("() => document.getElementById('overview-stage').style.transform === ''");

        var kicoxAfter = await ViewportPositionAsync(explorer, "kicox");
        var otherAfter = await ViewportPositionAsync(explorer, "pole-eau");
        Assert.InRange(kicoxAfter.X - kicox.X, -2, 2);
        Assert.InRange(kicoxAfter.Y - kicox.Y, -2, 2);
        Assert.True(Distance(kicoxAfter, otherAfter) > 1.5 * Distance(kicox, other), "zooming in spreads the drawing");
        await explorer.AssertNoErrorsAsync();
    }

    [SkippableFact]
    public async Task Leaving_the_overview_shows_the_neighbourhood_drawing_again()
    {
        Skip.IfNot(BrowserSession.Available, BrowserSession.MissingReason);
        await using var explorer = await session.OpenAsync();
        await explorer.LoadAsync();
        await OpenOverviewAsync(explorer);

        await explorer.Page.GetByRole(AriaRole.Tab, new() { Name = "Explore" }).ClickAsync();

        Assert.True(await explorer.Page.Locator("#overview").IsHiddenAsync());
        Assert.True(await explorer.Page.Locator("#cy").IsVisibleAsync());
        Assert.True(await explorer.Page.Locator("#export-png").IsVisibleAsync());
        await explorer.AssertNoErrorsAsync();
    }

    [SkippableFact]
    public async Task Without_its_drawing_library_the_overview_says_how_to_get_it_and_the_rest_of_the_page_works()
    {
        Skip.IfNot(BrowserSession.Available, BrowserSession.MissingReason);
        await using var explorer = await session.OpenAsync();
        await explorer.Page.RouteAsync("**/lib/sigma.min.js", route => route.FulfillAsync(new() { Status = 404, Body = "" }));
        await explorer.LoadAsync();

        await explorer.Page.GetByRole(AriaRole.Tab, new() { Name = "Overview" }).ClickAsync();

        var error = explorer.Page.Locator("#overview-error");
        await error.WaitForAsync();
        Assert.Contains("sigma.js, graphology) are missing: install Node.js", await error.TextContentAsync());
        Assert.True(await explorer.Page.EvaluateAsync<bool>("() => window.graphApiExplorer.libraryLoaded"), "the neighbourhood drawing still loads");
        Assert.DoesNotContain(explorer.Errors, e => e.StartsWith("uncaught", StringComparison.Ordinal));
    }

    private static async Task<JsonElement> OpenOverviewAsync(ExplorerPage explorer)
    {
        await explorer.Page.GetByRole(AriaRole.Tab, new() { Name = "Overview" }).ClickAsync();
        await explorer.WaitUntilAsync("() => window.graphApiExplorer.overview() !== null || !document.getElementById('overview-error').hidden");
        await explorer.AssertNoErrorsAsync();
        return await explorer.Page.EvaluateAsync<JsonElement>("() => window.graphApiExplorer.overview()");
    }

    /// <summary>Where a node is drawn, in page coordinates.</summary>
    private static async Task<(float X, float Y)> ViewportPositionAsync(ExplorerPage explorer, string id)
    {
        var surface = (await explorer.Page.Locator("#overview").BoundingBoxAsync())!;
        var point = await explorer.Page.EvaluateAsync<JsonElement>($"() => window.graphApiExplorer.overviewNodePosition('{id}')");
        return (surface.X + point.GetProperty("x").GetSingle(), surface.Y + point.GetProperty("y").GetSingle());
    }

    private static double Distance((float X, float Y) a, (float X, float Y) b) => Math.Sqrt(Math.Pow(a.X - b.X, 2) + Math.Pow(a.Y - b.Y, 2));

    private async Task<int> ActorTotalAsync(string filter)
    {
        var page = await session.Api.GetFromJsonAsync<JsonElement>($"/api/actors?limit=1{filter}");
        return page.GetProperty("total").GetInt32();
    }
}
