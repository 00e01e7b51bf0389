using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace GraphApi.Browser.Tests;

/// <summary>A writable app with two workspaces, each with an editor key bound to it (Security:Keys:N:Workspace).</summary>
public sealed class WorkspaceBrowserSession : BrowserSession, IAsyncLifetime
{
    public const string AdminKey = "workspace-browser-admin-key-0123456789";
    public const string AcmeKey = "acme-editor-browser-key-0123456789";
    public const string OtherKey = "other-editor-browser-key-0123456789";

    protected override IReadOnlyDictionary<string, string>? Settings => new Dictionary<string, string>
    {
        ["Security:ReadOnly"] = "false",
        ["GRAPHAPI_ADMIN_KEY"] = AdminKey,
        ["Security:Keys:0:Name"] = "acme-editor",
        ["Security:Keys:0:Hash"] = Hash(AcmeKey),
        ["Security:Keys:0:Role"] = "editor",
        ["Security:Keys:0:Workspace"] = "acme",
        ["Security:Keys:1:Name"] = "other-editor",
        ["Security:Keys:1:Hash"] = Hash(OtherKey),
        ["Security:Keys:1:Role"] = "editor",
        ["Security:Keys:1:Workspace"] = "other",
    };

    public new async Task InitializeAsync()
    {
        await base.InitializeAsync();
        if (!Available)
        {
            return;
        }
        // An admin of the whole service creates both workspaces, as an operator would.
        foreach (var (id, name) in new[] { ("acme", "Acme cluster"), ("other", "Other cluster") })
        {
            using var response = await SendAsync(HttpMethod.Post, "/api/workspaces", AdminKey, new { id, name });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }
    }

    /// <summary>A request to the app with a key (or none) and a JSON body (or none).</summary>
    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? key, object? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }
        return Api.SendAsync(request);
    }

    public async Task<JsonElement> ReadAsync(HttpMethod method, string path, string? key, object? body = null)
    {
        using var response = await SendAsync(method, path, key, body);
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>A private tie of acme's, recorded through the API; gives its id.</summary>
    public async Task<string> AcmeTieAsync(string source, string target, string type = "MOU")
    {
        var id = $"acme--{source}-{target}-{Guid.NewGuid():N}"[..48]; // a private id lies in its workspace's space
        await ReadAsync(HttpMethod.Post, "/api/relationships", AcmeKey, new { id, source, target, type, visibility = "private" });
        return id;
    }

    private static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}

/// <summary>
/// Issue 28 in the explorer: a member sees the workspace's name, its private ties drawn and labelled as such, adds one
/// with "We know them" and routes through it, switches the analyses to "With our ties"; nobody else sees any of it.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed partial class WorkspaceExplorerTests(WorkspaceBrowserSession session) : IClassFixture<WorkspaceBrowserSession>
{
    private const int Width = 1280;
    private const int Height = 720;

    /// <summary>The page loaded, the workspace key entered in the header, and the workspace's name shown.</summary>
    private async Task<ExplorerPage> OpenWithKeyAsync(string key)
    {
        var explorer = await session.OpenAsync(Width, Height);
        await explorer.LoadAsync();
        await explorer.Page.Locator("#api-key").FillAsync(key);
        await explorer.Page.Locator("#api-key").DispatchEventAsync("change");
        await explorer.Page.Locator("#workspace .workspace-name").WaitForAsync();
        return explorer;
    }

    [SkippableFact]
    public async Task A_member_sees_the_workspace_adds_a_private_tie_with_we_know_them_and_a_route_uses_it()
    {
        Skip.IfNot(BrowserSession.Available, BrowserSession.MissingReason);
        await using var explorer = await OpenWithKeyAsync(WorkspaceBrowserSession.AcmeKey);
        var page = explorer.Page;
        Assert.Equal("Acme cluster", await page.Locator("#workspace .workspace-name").TextContentAsync());
        Assert.True(await page.Locator("#analysis-scope").IsVisibleAsync());

        // The route's source first, so "We know them" offers it; then the actor we know.
        await page.GetByRole(AriaRole.Tab, new() { Name = "Routes" }).ClickAsync();
        await explorer.SearchAsync("#route-from", "Pôle Eau", "pole-eau");
        await explorer.ChooseWithKeyboardAsync("#route-from", "pole-eau");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Explore" }).ClickAsync();
        await explorer.SearchAsync("#explore-actor", "KFRI", "kfri");
        await explorer.ChooseWithKeyboardAsync("#explore-actor", "kfri");
        var details = page.Locator("#details section[data-actor='kfri']");
        await details.Locator(".know-them").ClickAsync();
        var form = page.Locator("#details .we-know-them");
        Assert.Equal("Pôle Eau", await form.Locator("input[type='text']").First.InputValueAsync());
        await form.Locator(".know-type").SelectOptionAsync("MOU");
        await form.Locator(".know-note").FillAsync("our director met their team at a fair");
        await form.Locator(".know-submit").ClickAsync();

        // Drawn at once as private: the API holds it as acme's, the graph marks it, the legend and the details say so.
        await explorer.WaitUntilAsync("() => window.graphApiExplorer.privateDrawn().ties.length > 0");
        var ties = await session.ReadAsync(HttpMethod.Get, "/api/relationships?actor=kfri&limit=500", WorkspaceBrowserSession.AcmeKey);
        var tie = ties.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("visibility").GetString() == "private" && r.GetProperty("source").GetString() == "pole-eau");
        var tieId = tie.GetProperty("id").GetString()!;
        Assert.Equal("acme", tie.GetProperty("workspace").GetString());
        Assert.Equal("our director met their team at a fair", tie.GetProperty("note").GetString());
        Assert.Contains(tieId, await page.EvaluateAsync<string[]>("() => window.graphApiExplorer.privateDrawn().ties"));
        Assert.Contains("private", await page.Locator("#legend .legend-private").TextContentAsync() ?? "", StringComparison.Ordinal);
        await page.Locator("#details section[data-actor='kfri'] ~ section .badge.private").First.WaitForAsync();

        // A route to them runs through our tie, step labelled private, as the API answers the member.
        await page.Locator("#details section[data-actor='kfri']").GetByRole(AriaRole.Button, new() { Name = "Route to here" }).ClickAsync();
        await page.Locator("#route-submit").ClickAsync();
        await page.Locator("#route-list .route").First.WaitForAsync();
        var answer = await session.ReadAsync(HttpMethod.Post, "/api/routes/introductions", WorkspaceBrowserSession.AcmeKey,
            new { from = new[] { "pole-eau" }, to = new { id = "kfri" }, k = 3, maxHops = 6 });
        var best = answer.GetProperty("routes")[0];
        Assert.Equal(tieId, best.GetProperty("steps")[0].GetProperty("relationship").GetString());
        Assert.Equal("private", best.GetProperty("steps")[0].GetProperty("visibility").GetString());
        Assert.Equal(best.GetProperty("path").EnumerateArray().Select(a => a.GetString()!).ToArray(),
            await page.EvaluateAsync<string[]>("() => window.graphApiExplorer.routes()[0].actors"));
        var first = page.Locator("#route-list .route").First;
        Assert.Equal(1, await first.Locator(".steps li[data-visibility='private']").CountAsync());
        Assert.Contains("Acme cluster", await first.Locator(".uses-private").TextContentAsync() ?? "", StringComparison.Ordinal);
        var highlighted = await explorer.HighlightedAsync();
        Assert.Contains(highlighted.Edges, e => e.Type == "MOU" && new[] { e.Source, e.Target }.Order().SequenceEqual(["kfri", "pole-eau"]));
        await page.ScreenshotAsync(new() { Path = Artifacts.Screenshot($"workspace-route-{Width}x{Height}.png") });
        await explorer.AssertNoErrorsAsync();
    }

    [SkippableFact]
    public async Task We_know_them_shows_the_APIs_problem_when_the_tie_is_refused()
    {
        Skip.IfNot(BrowserSession.Available, BrowserSession.MissingReason);
        await using var explorer = await OpenWithKeyAsync(WorkspaceBrowserSession.AcmeKey);
        var page = explorer.Page;
        await explorer.SearchAsync("#explore-actor", "KITA", "kita");
        await explorer.ChooseWithKeyboardAsync("#explore-actor", "kita");
        await page.Locator("#details section[data-actor='kita'] .know-them").ClickAsync();
        var form = page.Locator("#details .we-know-them");
        // Who of ours, picked in the form's own search; a note longer than the API takes.
        await explorer.SearchAsync("#details .we-know-them input[role='combobox']", "Pôle Eau", "pole-eau");
        await explorer.ChooseWithKeyboardAsync("#details .we-know-them input[role='combobox']", "pole-eau");
        await form.Locator(".know-note").FillAsync(new string('x', 2001));
        await form.Locator(".know-submit").ClickAsync();

        var error = form.Locator(".error");
        await error.WaitForAsync();
        Assert.Contains("note", await error.TextContentAsync() ?? "", StringComparison.Ordinal);
        Assert.Contains("2000", await error.TextContentAsync() ?? "", StringComparison.Ordinal);
        var ties = await session.ReadAsync(HttpMethod.Get, "/api/relationships?actor=kita&limit=500", WorkspaceBrowserSession.AcmeKey);
        Assert.DoesNotContain(ties.GetProperty("items").EnumerateArray(), r => r.GetProperty("visibility").GetString() == "private");
    }

    [SkippableFact]
    public async Task With_our_ties_the_brokerage_table_equals_the_APIs_answer_with_scope_workspace()
    {
        Skip.IfNot(BrowserSession.Available, BrowserSession.MissingReason);
        var tie = await session.AcmeTieAsync("pole-eau", "kiat");
        const string question = "/api/analysis/brokerage?partition=region&directed=false&sort=total&limit=500";
        var publicAnswer = Totals(await session.ReadAsync(HttpMethod.Get, question, null));
        var ourAnswer = Totals(await session.ReadAsync(HttpMethod.Get, question + "&scope=workspace", WorkspaceBrowserSession.AcmeKey));
        Assert.NotEqual(publicAnswer, ourAnswer);

        await using var explorer = await OpenWithKeyAsync(WorkspaceBrowserSession.AcmeKey);
        var page = explorer.Page;
        // The whole network, drawn again for the member, holds our tie drawn as private, and the legend says what that is.
        await explorer.WaitUntilAsync($"() => window.graphApiExplorer.landing() && window.graphApiExplorer.privateDrawn().ties.includes('{tie}')");
        Assert.Contains("private", await page.Locator("#legend .legend-private").TextContentAsync() ?? "", StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Tab, new() { Name = "Brokers" }).ClickAsync();
        await page.Locator("#broker-submit").ClickAsync();
        await page.Locator("#broker-table[data-scope='public'] tbody tr").First.WaitForAsync();
        Assert.Equal(publicAnswer, await PageTotalsAsync(page));

        await page.GetByLabel("With our ties").CheckAsync();
        await page.Locator("#broker-table[data-scope='workspace'] tbody tr").First.WaitForAsync();
        Assert.Equal(ourAnswer, await PageTotalsAsync(page));
        Assert.Equal(ourAnswer.Count(item => item.Total > 0), await page.Locator("#broker-table tbody tr").CountAsync());
        Assert.Contains("with Acme cluster's private ties", await page.Locator("#brokers-summary").TextContentAsync() ?? "", StringComparison.Ordinal);
        Assert.Contains("scope=workspace", page.Url, StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = Artifacts.Screenshot($"workspace-brokers-{Width}x{Height}.png") });

        await page.GetByLabel("Public network").CheckAsync();
        await page.Locator("#broker-table[data-scope='public'] tbody tr").First.WaitForAsync();
        Assert.Equal(publicAnswer, await PageTotalsAsync(page));
        await explorer.AssertNoErrorsAsync();
    }

    [SkippableFact]
    public async Task An_anonymous_page_and_another_workspaces_key_see_none_of_acmes_ties()
    {
        Skip.IfNot(BrowserSession.Available, BrowserSession.MissingReason);
        var tie = await session.AcmeTieAsync("pole-eau", "ecck");

        await using (var anonymous = await session.OpenAsync(Width, Height))
        {
            await anonymous.LoadAsync();
            await anonymous.WaitUntilAsync("() => window.graphApiExplorer.landing()");
            await AssertNothingOfAcmeAsync(anonymous, tie);
            Assert.True(await anonymous.Page.Locator("#workspace").IsHiddenAsync());
            Assert.True(await anonymous.Page.Locator("#analysis-scope").IsHiddenAsync());
            Assert.Equal(0, await anonymous.Page.Locator("#details .know-them").CountAsync());
            await anonymous.AssertNoErrorsAsync();
        }

        await using var other = await OpenWithKeyAsync(WorkspaceBrowserSession.OtherKey);
        Assert.Equal("Other cluster", await other.Page.Locator("#workspace .workspace-name").TextContentAsync());
        await other.WaitUntilAsync("() => window.graphApiExplorer.landing()");
        await AssertNothingOfAcmeAsync(other, tie);
        using var missing = await session.SendAsync(HttpMethod.Get, $"/api/relationships/{tie}", WorkspaceBrowserSession.OtherKey);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        await other.AssertNoErrorsAsync();
    }

    /// <summary>The whole network and Pôle Eau's neighbourhood hold no private tie, and not acme's.</summary>
    private static async Task AssertNothingOfAcmeAsync(ExplorerPage explorer, string tie)
    {
        var page = explorer.Page;
        Assert.DoesNotContain(tie, await page.EvaluateAsync<string[]>("() => window.graphApiExplorer.edgeIds()"));
        Assert.Empty(await page.EvaluateAsync<string[]>("() => window.graphApiExplorer.privateDrawn().ties"));
        await explorer.SearchAsync("#explore-actor", "Pôle Eau", "pole-eau");
        await explorer.ChooseWithKeyboardAsync("#explore-actor", "pole-eau");
        await page.Locator("#details section[data-actor='pole-eau']").WaitForAsync();
        await explorer.WaitUntilAsync("() => !window.graphApiExplorer.landing() && window.graphApiExplorer.nodeIds().includes('pole-eau')");
        await page.Locator("#details [aria-label='Relationships of Pôle Eau']").WaitForAsync();
        Assert.DoesNotContain(tie, await page.EvaluateAsync<string[]>("() => window.graphApiExplorer.edgeIds()"));
        Assert.DoesNotContain("ecck", await explorer.NodeIdsAsync());
        Assert.Equal(0, await page.Locator("#details .badge.private").CountAsync());
        Assert.Empty(await page.EvaluateAsync<string[]>("() => window.graphApiExplorer.privateDrawn().ties"));
    }

    private static List<(string Actor, int Total)> Totals(JsonElement page) =>
        [.. page.GetProperty("items").EnumerateArray().Select(item => (item.GetProperty("actor").GetString()!, item.GetProperty("total").GetInt32()))];

    private static async Task<List<(string Actor, int Total)>> PageTotalsAsync(IPage page)
    {
        var items = await page.EvaluateAsync<JsonElement>("() => window.graphApiExplorer.brokerage()");
        return [.. items.EnumerateArray().Select(item => (item.GetProperty("actor").GetString()!, item.GetProperty("total").GetInt32()))];
    }
}
