using System.Net;
using Microsoft.Playwright;

namespace GraphApi.Browser.Tests;

/// <summary>
/// Another key entered in the same page: whatever the page shows is asked for again with it (the details panel, the
/// overview, the ledger, the what-if suggestions), so nothing of the last caller's workspace stays on screen.
/// </summary>
public sealed partial class WorkspaceExplorerTests
{
    [SkippableFact]
    public async Task When_the_key_changes_the_side_panel_asks_again_and_shows_only_what_the_new_caller_may_see()
    {
        Skip.IfNot(BrowserSession.Available, BrowserSession.MissingReason);
        await session.AcmeTieAsync("pole-eau", "kiat");
        const string friend = "acme--panel-friend";
        using (var created = await session.SendAsync(HttpMethod.Post, "/api/actors", WorkspaceBrowserSession.AcmeKey,
            new { id = friend, name = "Panel Friend", kind = "Company", country = "FR" }))
        {
            Assert.True(created.IsSuccessStatusCode || created.StatusCode == HttpStatusCode.Conflict, $"{(int)created.StatusCode}");
        }
        var publicTies = (await session.ReadAsync(HttpMethod.Get, "/api/relationships?actor=pole-eau&limit=500", WorkspaceBrowserSession.OtherKey))
            .GetProperty("items").GetArrayLength();
        await using var explorer = await OpenWithKeyAsync(WorkspaceBrowserSession.AcmeKey);
        var page = explorer.Page;
        await explorer.SearchAsync("#explore-actor", "Pôle Eau", "pole-eau");
        await explorer.ChooseWithKeyboardAsync("#explore-actor", "pole-eau");
        var listed = page.Locator("#details [aria-label='Relationships of Pôle Eau'] li");
        await page.Locator("#details .badge.private").First.WaitForAsync();
        Assert.True(await listed.CountAsync() > publicTies, "a member sees acme's private ties of Pôle Eau besides the public ones");

        // Another workspace's key in the same page: the panel is asked for again, and acme's ties leave it.
        await EnterKeyAsync(explorer, WorkspaceBrowserSession.OtherKey, "Other cluster");
        await explorer.WaitUntilAsync($"() => document.querySelectorAll(\"#details [aria-label='Relationships of Pôle Eau'] li\").length === {publicTies}");
        Assert.Equal(0, await page.Locator("#details .badge.private").CountAsync());
        await explorer.AssertNoErrorsAsync();

        // An actor of acme's own leaves the panel altogether, which says why.
        await EnterKeyAsync(explorer, WorkspaceBrowserSession.AcmeKey, "Acme cluster");
        await explorer.SearchAsync("#explore-actor", "Panel Friend", friend);
        await explorer.ChooseWithKeyboardAsync("#explore-actor", friend);
        await page.Locator($"#details section[data-actor='{friend}']").WaitForAsync();
        await EnterKeyAsync(explorer, WorkspaceBrowserSession.OtherKey, "Other cluster");
        await page.Locator("#details .hint", new() { HasText = "not visible with the current key" }).WaitForAsync();
        Assert.Equal(0, await page.Locator($"#details section[data-actor='{friend}']").CountAsync());
        Assert.Equal(0, await page.Locator("#details .error:visible").CountAsync());
    }

    [SkippableFact]
    public async Task The_overview_marks_a_members_own_ties_and_drops_them_when_another_key_is_entered()
    {
        Skip.IfNot(BrowserSession.Available, BrowserSession.MissingReason);
        await session.AcmeTieAsync("pole-eau", "daegu-city");
        var answer = await session.ReadAsync(HttpMethod.Get, "/api/overview", WorkspaceBrowserSession.AcmeKey);
        var ids = answer.GetProperty("nodes").GetProperty("ids").EnumerateArray().Select(i => i.GetString()!).ToArray();
        var edges = answer.GetProperty("edges").EnumerateArray().Select(i => i.GetInt32()).ToArray();
        var ours = answer.GetProperty("privateEdges").EnumerateArray().Select(i => $"{ids[edges[2 * i.GetInt32()]]}|{ids[edges[(2 * i.GetInt32()) + 1]]}").ToArray();
        Assert.Contains("daegu-city|pole-eau", ours);

        await using var explorer = await OpenWithKeyAsync(WorkspaceBrowserSession.AcmeKey);
        var page = explorer.Page;
        await page.GetByRole(AriaRole.Tab, new() { Name = "Overview" }).ClickAsync();
        await explorer.WaitUntilAsync("() => window.graphApiExplorer.overview() !== null");
        Assert.Equal(ours, await page.EvaluateAsync<string[]>("() => window.graphApiExplorer.overviewPrivate().ties"));
        Assert.Contains("purple ties", await page.Locator("#legend .legend-private").TextContentAsync() ?? "", StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = Artifacts.Screenshot($"workspace-overview-{Width}x{Height}.png") });

        // Another workspace's key while the overview is open: drawn again from that caller's answer, none of acme's ties.
        await EnterKeyAsync(explorer, WorkspaceBrowserSession.OtherKey, "Other cluster");
        await explorer.WaitUntilAsync("() => window.graphApiExplorer.overviewPrivate().ties.length === 0");
        await explorer.WaitUntilAsync("() => document.querySelectorAll('#legend .legend-private').length === 0");
        Assert.Equal((await session.ReadAsync(HttpMethod.Get, "/api/overview", WorkspaceBrowserSession.OtherKey)).GetProperty("edges").GetArrayLength() / 2,
            await page.EvaluateAsync<int>("() => window.graphApiExplorer.overview().edges"));
        await explorer.AssertNoErrorsAsync();
    }

    [SkippableFact]
    public async Task The_ledger_tab_lists_again_when_another_key_is_entered_and_keeps_none_of_acmes_asks()
    {
        Skip.IfNot(BrowserSession.Available, BrowserSession.MissingReason);
        var tie = (await session.ReadAsync(HttpMethod.Get, "/api/relationships?actor=kicox&limit=1", WorkspaceBrowserSession.AcmeKey)).GetProperty("items")[0];
        string[] path = [tie.GetProperty("source").GetString()!, tie.GetProperty("target").GetString()!];
        var ask = await session.ReadAsync(HttpMethod.Post, "/api/introductions", WorkspaceBrowserSession.AcmeKey,
            new { requester = path[0], target = path[1], route = new { path, relationships = new[] { tie.GetProperty("id").GetString() } }, note = "acme's own ask" });
        var askId = ask.GetProperty("id").GetString()!;
        using (var hidden = await session.SendAsync(HttpMethod.Get, $"/api/introductions/{askId}", WorkspaceBrowserSession.OtherKey))
        {
            Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode); // acme's, by default
        }

        await using var explorer = await OpenWithKeyAsync(WorkspaceBrowserSession.AcmeKey);
        var page = explorer.Page;
        await page.GetByRole(AriaRole.Tab, new() { Name = "Ledger" }).ClickAsync();
        await explorer.WaitUntilAsync($"() => window.graphApiExplorer.ledger().some((a) => a.id === '{askId}')");
        await page.Locator($"#ledger-list li[data-id='{askId}']").WaitForAsync();

        await EnterKeyAsync(explorer, WorkspaceBrowserSession.OtherKey, "Other cluster");
        await explorer.WaitUntilAsync($"() => !window.graphApiExplorer.ledger().some((a) => a.id === '{askId}') && document.getElementById('ledger-summary').textContent !== ''");
        Assert.Equal(0, await page.Locator($"#ledger-list li[data-id='{askId}']").CountAsync());
        await explorer.AssertNoErrorsAsync();
    }

    [SkippableFact]
    public async Task The_what_if_suggestions_are_asked_again_when_another_key_is_entered()
    {
        Skip.IfNot(BrowserSession.Available, BrowserSession.MissingReason);
        // Acme knows a Korean mini cluster directly: its best route today is that tie, the other workspace's is not.
        await session.AcmeTieAsync("pole-eau", "mechatronics-mini-cluster");
        var question = new { from = "pole-eau", to = new { kind = "MiniCluster", region = "KR" }, type = "MOU", maxHops = 6, limit = 100 };
        var acme = await session.ReadAsync(HttpMethod.Post, "/api/routes/best-next-tie", WorkspaceBrowserSession.AcmeKey, question);
        var other = await session.ReadAsync(HttpMethod.Post, "/api/routes/best-next-tie", WorkspaceBrowserSession.OtherKey, question);
        var acmeScore = acme.GetProperty("current").GetProperty("score").GetDouble();
        var otherScore = other.GetProperty("current").GetProperty("score").GetDouble();
        Assert.NotEqual(acmeScore, otherScore);

        await using var explorer = await OpenWithKeyAsync(WorkspaceBrowserSession.AcmeKey);
        var page = explorer.Page;
        await explorer.AskFromPoleEauToKoreanMiniClustersAsync();
        await page.Locator("#whatif-submit").ClickAsync();
        await page.Locator("#whatif-summary", new() { HasText = "Today the best route is" }).WaitForAsync();
        var acmeSummary = await page.Locator("#whatif-summary").TextContentAsync();

        await EnterKeyAsync(explorer, WorkspaceBrowserSession.OtherKey, "Other cluster");
        await explorer.WaitUntilAsync($"() => document.getElementById('whatif-summary').textContent !== {System.Text.Json.JsonSerializer.Serialize(acmeSummary)}");
        Assert.StartsWith("Today the best route is", await page.Locator("#whatif-summary").TextContentAsync() ?? "", StringComparison.Ordinal);
        await explorer.AssertNoErrorsAsync();
    }

    private static async Task EnterKeyAsync(ExplorerPage explorer, string key, string workspaceName)
    {
        await explorer.Page.Locator("#api-key").FillAsync(key);
        await explorer.Page.Locator("#api-key").DispatchEventAsync("change");
        await explorer.Page.Locator("#workspace .workspace-name", new() { HasText = workspaceName }).WaitForAsync();
    }
}
