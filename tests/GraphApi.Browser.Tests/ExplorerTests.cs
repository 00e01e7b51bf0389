using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace GraphApi.Browser.Tests;

/// <summary>The explorer page in headless Chromium against the real app and the report's dataset.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class ExplorerTests(BrowserSession session)
{
    [SkippableFact]
    public async Task The_page_loads_with_its_graph_library_and_no_console_errors()
    {
        Skip.IfNot(BrowserSession.Available, BrowserSession.MissingReason);
        await using var explorer = await session.OpenAsync();

        await explorer.LoadAsync();

        Assert.True(await explorer.Page.EvaluateAsync<bool>("() => window.graphApiExplorer.libraryLoaded"));
        Assert.True(await explorer.Page.Locator("#graph-error").IsHiddenAsync());
        Assert.Equal("Find an actor", await explorer.Page.Locator("label[for='explore-actor']").TextContentAsync());
        await explorer.AssertNoErrorsAsync();
    }

    [SkippableFact]
    public async Task The_page_works_under_the_apps_strict_content_security_policy()
    {
        Skip.IfNot(BrowserSession.Available, BrowserSession.MissingReason);
        await using var explorer = await session.OpenAsync();

        var response = await explorer.LoadAsync();

        var policy = (await response.AllHeadersAsync()).GetValueOrDefault("content-security-policy") ?? "";
        Assert.Contains("default-src 'self'", policy);
        Assert.DoesNotContain("unsafe-eval", policy);
        Assert.DoesNotContain("script-src", policy);
        await explorer.SearchAsync("#explore-actor", "KICOX", "kicox");
        await explorer.ChooseWithKeyboardAsync("#explore-actor", "kicox");
        await explorer.Page.Locator("#details section[data-actor='kicox']").WaitForAsync();

        Assert.True(await explorer.Page.EvaluateAsync<bool>("() => window.graphApiExplorer.libraryLoaded"));
        Assert.DoesNotContain(explorer.Errors, e => e.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(explorer.Errors, e => e.StartsWith("uncaught", StringComparison.Ordinal));
    }

    [SkippableTheory]
    [InlineData("KICOX")]
    [InlineData("한국산업단지공단")]
    public async Task Searching_KICOX_by_acronym_or_Korean_name_lists_it_and_draws_it(string text)
    {
        Skip.IfNot(BrowserSession.Available, BrowserSession.MissingReason);
        await using var explorer = await session.OpenAsync();
        await explorer.LoadAsync();

        var option = await explorer.SearchAsync("#explore-actor", text, "kicox");
        Assert.Contains("Korea Industrial Complex Corp.", await option.TextContentAsync());
        await explorer.ChooseWithKeyboardAsync("#explore-actor", "kicox");

        await explorer.Page.Locator("#details section[data-actor='kicox']").WaitForAsync();
        // Its neighbourhood is drawn around it (or the page says why not, and the error check below reports that).
        await explorer.WaitUntilAsync("() => window.graphApiExplorer.nodeIds().length > 1 || !document.getElementById('graph-error').hidden");
        await explorer.AssertNoErrorsAsync();
        Assert.Contains("kicox", await explorer.NodeIdsAsync());
        Assert.True(await explorer.Page.Locator("#details .quote").CountAsync() > 0, "the side panel shows the evidence quotes");
        await explorer.AssertNoErrorsAsync();
    }

    [SkippableFact]
    public async Task A_route_from_Pole_Eau_to_a_Korean_mini_cluster_is_listed_explained_and_drawn()
    {
        Skip.IfNot(BrowserSession.Available, BrowserSession.MissingReason);
        await using var explorer = await session.OpenAsync();
        await explorer.LoadAsync();
        var page = explorer.Page;
        // Pôle Eau's own ties first, so the route is drawn in context (as in the README's screenshot).
        await explorer.SearchAsync("#explore-actor", "Pole Eau", "pole-eau");
        await explorer.ChooseWithKeyboardAsync("#explore-actor", "pole-eau");
        await page.Locator("#details section[data-actor='pole-eau']").WaitForAsync();

        await explorer.AskFromPoleEauToKoreanMiniClustersAsync();
        await page.Locator("#route-submit").ClickAsync();

        await page.Locator("#route-list .route, #route-error:visible").First.WaitForAsync();
        var error = page.Locator("#route-error");
        Assert.True(await error.IsHiddenAsync(), await error.TextContentAsync());
        var first = page.Locator("#route-list .route").First;
        Assert.False(string.IsNullOrWhiteSpace(await first.Locator(".explanation").TextContentAsync()));
        await explorer.WaitUntilAsync("() => window.graphApiExplorer.highlighted().nodes.length > 0");

        var route = (await page.EvaluateAsync<JsonElement>("() => window.graphApiExplorer.routes()[0]")).Deserialize<ListedRoute>(Web)!;
        Assert.Equal("pole-eau", route.Actors[0]);
        var target = await session.Api.GetFromJsonAsync<JsonElement>($"/api/actors/{route.Target}");
        Assert.Equal("MiniCluster", target.GetProperty("kind").GetString());
        Assert.Equal("KR", target.GetProperty("region").GetString());

        var drawn = await explorer.HighlightedAsync();
        Assert.Equal(route.Actors.Order(), drawn.Nodes.Order());
        Assert.Equal(route.Hops, drawn.Edges.Length);
        Assert.Equal("true", await first.Locator(".show-route").GetAttributeAsync("aria-pressed"));

        await first.Locator("summary").ClickAsync();
        Assert.Equal(route.Hops, await first.Locator(".steps > li").CountAsync());
        Assert.Equal(route.Hops, await first.Locator(".steps > li .quote").CountAsync());
        await first.Locator("summary").ScrollIntoViewIfNeededAsync();

        await page.ScreenshotAsync(new() { Path = Artifacts.Screenshot("route.png") });
        await explorer.AssertNoErrorsAsync();
    }

    [SkippableFact]
    public async Task The_brokerage_view_ranks_brokers_colours_by_role_and_lists_EU_to_KR_gateways()
    {
        Skip.IfNot(BrowserSession.Available, BrowserSession.MissingReason);
        await using var explorer = await session.OpenAsync();
        await explorer.LoadAsync();
        var page = explorer.Page;
        await explorer.SearchAsync("#explore-actor", "KICOX", "kicox");
        await explorer.ChooseWithKeyboardAsync("#explore-actor", "kicox");
        await page.Locator("#details section[data-actor='kicox']").WaitForAsync();

        await page.GetByRole(AriaRole.Tab, new() { Name = "Brokers" }).ClickAsync();
        await page.Locator("#broker-partition").SelectOptionAsync("region");
        await page.Locator("#broker-submit").ClickAsync();
        await page.Locator("#broker-table tbody tr, #broker-error:visible").First.WaitForAsync();
        await page.Locator("#gateway-list li[data-actor], #gateway-error:visible").First.WaitForAsync();
        await explorer.AssertNoErrorsAsync();

        // The table is sorted by total, highest first, as the API ranks them.
        var totals = (await page.Locator("#broker-table tbody tr td:last-child").AllTextContentsAsync()).Select(int.Parse).ToList();
        Assert.NotEmpty(totals);
        Assert.True(totals[0] > 0, "the top broker brokers something");
        Assert.Equal(totals.OrderDescending(), totals);
        var top = await page.Locator("#broker-table tbody tr").First.GetAttributeAsync("data-actor");
        var brokerage = await session.Api.GetFromJsonAsync<JsonElement>("/api/analysis/brokerage?partition=region&sort=total&limit=1");
        Assert.Equal(brokerage.GetProperty("items")[0].GetProperty("total").GetInt32(), totals[0]);
        Assert.NotNull(top);

        // Sorting by another column from the keyboard reorders the table.
        await page.Locator("#broker-table th[data-key='gatekeeper'] button").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("descending", await page.Locator("#broker-table th[data-key='gatekeeper']").GetAttributeAsync("aria-sort"));

        Assert.Equal("role", await page.Locator("#colour-by").InputValueAsync());
        Assert.Contains("Dominant brokerage role", await page.Locator("#legend").TextContentAsync());
        Assert.True(await page.Locator("#gateway-list li[data-actor]").CountAsync() > 0, "EU → KR gateways are listed");
        Assert.Contains("%", await page.Locator("#gateway-list li[data-actor]").First.TextContentAsync());
    }

    [SkippableTheory]
    [InlineData("Export GraphML", "<graphml")]
    [InlineData("Export GEXF", "<gexf")]
    [InlineData("Export PNG", "\u0089PNG")]
    [InlineData("Export SVG", "<svg")]
    public async Task The_drawn_subgraph_exports_as_a_file(string button, string start)
    {
        Skip.IfNot(BrowserSession.Available, BrowserSession.MissingReason);
        await using var explorer = await session.OpenAsync();
        await explorer.LoadAsync();
        await explorer.SearchAsync("#explore-actor", "KICOX", "kicox");
        await explorer.ChooseWithKeyboardAsync("#explore-actor", "kicox");
        await explorer.Page.Locator("#details section[data-actor='kicox']").WaitForAsync();
        var drawn = await explorer.NodeIdsAsync();

        var download = await explorer.Page.RunAndWaitForDownloadAsync(() => explorer.Page.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync());
        var path = await download.PathAsync();
        var text = await File.ReadAllTextAsync(path, System.Text.Encoding.Latin1);

        Assert.Contains(start, text[..Math.Min(text.Length, 400)]);
        if (button.EndsWith("SVG", StringComparison.Ordinal))
        {
            // A picture for a report: its title, the full names and the legend are text in the file.
            Assert.Contains("Neighbourhood of Korea Industrial Complex Corp.", text, StringComparison.Ordinal);
            Assert.Contains("Kind:", text, StringComparison.Ordinal);
        }
        else if (!button.EndsWith("PNG", StringComparison.Ordinal))
        {
            // Every actor on the graph is in the file (the export is asked for by their ids).
            Assert.All(drawn, id => Assert.Contains($"\"{id}\"", text));
        }
        await explorer.AssertNoErrorsAsync();
    }

    [SkippableFact]
    public async Task A_missing_endpoint_shows_its_problem_detail_instead_of_breaking_the_page()
    {
        Skip.IfNot(BrowserSession.Available, BrowserSession.MissingReason);
        await using var explorer = await session.OpenAsync();
        await explorer.Page.RouteAsync("**/api/analysis/**", route => route.FulfillAsync(new()
        {
            Status = 404,
            ContentType = "application/problem+json",
            Body = """{"title":"Not found","status":404,"detail":"analysis is switched off here"}""",
        }));
        await explorer.LoadAsync();

        await explorer.Page.GetByRole(AriaRole.Tab, new() { Name = "Brokers" }).ClickAsync();
        await explorer.Page.Locator("#broker-submit").ClickAsync();

        var error = explorer.Page.Locator("#broker-error");
        await error.WaitForAsync();
        Assert.Contains("analysis is switched off here", await error.TextContentAsync());
        Assert.Contains("analysis is switched off here", await explorer.Page.Locator("#gateway-error").TextContentAsync());
        Assert.DoesNotContain(explorer.Errors, e => e.StartsWith("uncaught", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Without_the_graph_library_the_page_says_how_to_get_it()
    {
        Skip.IfNot(BrowserSession.Available, BrowserSession.MissingReason);
        await using var explorer = await session.OpenAsync();
        await explorer.Page.RouteAsync("**/lib/cytoscape.min.js", route => route.FulfillAsync(new() { Status = 404, Body = "" }));

        await explorer.LoadAsync();

        var error = explorer.Page.Locator("#graph-error");
        await error.WaitForAsync();
        Assert.Contains("Graph library missing: install Node.js", await error.TextContentAsync());
        Assert.DoesNotContain(explorer.Errors, e => e.StartsWith("uncaught", StringComparison.Ordinal));
    }

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private sealed record ListedRoute(string Target, int Hops, double Score, string[] Actors);
}
