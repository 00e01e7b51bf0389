using Microsoft.Playwright;

namespace GraphApi.Browser.Tests;

/// <summary>A writable app with a known admin key, for the explorer's ledger (the shared session is read-only).</summary>
public sealed class WritableBrowserSession : BrowserSession
{
    public const string Key = "ledger-browser-admin-key-0123456789";

    protected override IReadOnlyDictionary<string, string>? Settings => new Dictionary<string, string>
    {
        ["Security:ReadOnly"] = "false",
        ["GRAPHAPI_ADMIN_KEY"] = Key,
    };
}

/// <summary>"Ask for this introduction" on a route, then the ledger panel: timeline, next events, refusals shown.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class LedgerExplorerTests(WritableBrowserSession session) : IClassFixture<WritableBrowserSession>
{
    private static async Task FindRoutesFromPoleEauAsync(ExplorerPage explorer)
    {
        var page = explorer.Page;
        await explorer.AskFromPoleEauToKoreanMiniClustersAsync();
        await page.Locator("#route-submit").ClickAsync();
        await page.Locator("#route-list .route").First.WaitForAsync();
    }

    [SkippableFact]
    public async Task Asking_along_a_route_records_it_and_its_outcomes_show_in_the_ledger_timeline()
    {
        Skip.IfNot(BrowserSession.Available, BrowserSession.MissingReason);
        await using var explorer = await session.OpenAsync();
        await explorer.LoadAsync();
        var page = explorer.Page;
        await page.GetByRole(AriaRole.Tab, new() { Name = "Ledger" }).ClickAsync();
        await page.Locator("#api-key").FillAsync(WritableBrowserSession.Key);
        await page.Locator("#api-key").DispatchEventAsync("change");
        await FindRoutesFromPoleEauAsync(explorer);
        var route = await page.EvaluateAsync<string[]>("() => window.graphApiExplorer.routes()[0].actors");

        await page.Locator("#route-list .route").First.Locator(".ask-route").ClickAsync();
        var ask = page.Locator("#ledger-list .ledger-ask").First;
        await ask.WaitForAsync();
        Assert.Equal("open", await ask.GetAttributeAsync("data-status"));
        Assert.Equal(route, await page.EvaluateAsync<string[]>("() => window.graphApiExplorer.ledger()[0].path"));

        await ask.Locator(".ledger-next").SelectOptionAsync("forwarded@1");
        await ask.Locator("button[type='submit']").ClickAsync();
        await explorer.WaitUntilAsync("() => window.graphApiExplorer.ledger()[0].timeline.length === 1");
        ask = page.Locator("#ledger-list .ledger-ask").First;
        await ask.Locator(".ledger-next").SelectOptionAsync("declined@2");
        await ask.Locator(".ledger-evidence").FillAsync("not this year");
        await ask.Locator("button[type='submit']").ClickAsync();
        await explorer.WaitUntilAsync("() => window.graphApiExplorer.ledger()[0].status === 'declined'");

        ask = page.Locator("#ledger-list .ledger-ask").First;
        Assert.Equal(["forwarded", "declined"], await page.EvaluateAsync<string[]>("() => window.graphApiExplorer.ledger()[0].timeline"));
        Assert.Equal(2, await ask.Locator(".timeline > li").CountAsync());
        Assert.Contains("not this year", await ask.Locator(".timeline").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await ask.Locator(".ledger-event").CountAsync());
        await page.ScreenshotAsync(new() { Path = Artifacts.Screenshot("ledger.png") });
        await explorer.AssertNoErrorsAsync();
    }

    [SkippableFact]
    public async Task Without_an_editor_key_the_ledger_says_what_is_needed()
    {
        Skip.IfNot(BrowserSession.Available, BrowserSession.MissingReason);
        await using var explorer = await session.OpenAsync();
        await explorer.LoadAsync();
        await FindRoutesFromPoleEauAsync(explorer);

        await explorer.Page.Locator("#route-list .route").First.Locator(".ask-route").ClickAsync();

        var error = explorer.Page.Locator("#ledger-error");
        await error.WaitForAsync();
        var text = await error.TextContentAsync() ?? "";
        Assert.Contains("editor", text, StringComparison.Ordinal);
        Assert.Contains("Enter an API key with that role", text, StringComparison.Ordinal);
    }
}
