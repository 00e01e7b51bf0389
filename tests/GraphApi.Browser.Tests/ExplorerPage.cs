using System.Text.Json;
using Microsoft.Playwright;

namespace GraphApi.Browser.Tests;

/// <summary>The explorer as a person uses it (typing, arrow keys, Enter, clicks), plus reads of its debug hook.</summary>
public sealed class ExplorerPage(IBrowserContext context, IPage page) : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
    private readonly List<string> _errors = Attach(page);

    public IPage Page => page;

    /// <summary>console.error messages, uncaught exceptions and failed requests seen so far.</summary>
    public IReadOnlyList<string> Errors => _errors;

    private static List<string> Attach(IPage page)
    {
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add($"console: {message.Text}");
            }
        };
        page.PageError += (_, error) => errors.Add($"uncaught: {error}");
        page.RequestFailed += (_, request) => errors.Add($"request failed: {request.Url} {request.Failure}");
        return errors;
    }

    /// <summary>Fails with every recorded error and any error shown on the page, so a failure says what went wrong.</summary>
    public async Task AssertNoErrorsAsync()
    {
        var shown = await page.Locator(".error:visible").AllTextContentsAsync();
        var all = _errors.Concat(shown.Select(text => $"shown: {text}")).ToList();
        Assert.True(all.Count == 0, string.Join(Environment.NewLine, all));
    }

    /// <summary>Opens the page and waits until its script has wired everything up; returns the page's HTTP response.</summary>
    public async Task<IResponse> LoadAsync(string path = "/")
    {
        var response = await page.GotoAsync(path) ?? throw new InvalidOperationException($"no response for {path}");
        await page.WaitForSelectorAsync("body[data-ready='true']");
        return response;
    }

    /// <summary>Types into a search box and waits for the option of <paramref name="actorId"/> to be listed.</summary>
    public async Task<ILocator> SearchAsync(string inputSelector, string text, string actorId)
    {
        var input = page.Locator(inputSelector);
        await input.FillAsync("");
        await input.PressSequentiallyAsync(text);
        var option = page.Locator($"#{await ListboxIdAsync(input)} [role='option'][data-actor='{actorId}']");
        await option.WaitForAsync();
        return option;
    }

    /// <summary>Moves down the list with the arrow key until <paramref name="actorId"/> is active, then presses Enter.</summary>
    public async Task ChooseWithKeyboardAsync(string inputSelector, string actorId)
    {
        var input = page.Locator(inputSelector);
        var options = page.Locator($"#{await ListboxIdAsync(input)} [role='option']");
        var count = await options.CountAsync();
        for (var i = 0; i < count; i++)
        {
            await input.PressAsync("ArrowDown");
            var active = await input.GetAttributeAsync("aria-activedescendant");
            if (await page.Locator($"#{active}").GetAttributeAsync("data-actor") == actorId)
            {
                await input.PressAsync("Enter");
                return;
            }
        }
        throw new InvalidOperationException($"'{actorId}' was not among the {count} options");
    }

    private static async Task<string> ListboxIdAsync(ILocator input) =>
        await input.GetAttributeAsync("aria-controls") ?? throw new InvalidOperationException("the search box names no listbox");

    /// <summary>The README's question in the route form: from Pôle Eau to any Korean mini cluster (nothing submitted).</summary>
    public async Task AskFromPoleEauToKoreanMiniClustersAsync()
    {
        await page.GetByRole(AriaRole.Tab, new() { Name = "Routes" }).ClickAsync();
        await SearchAsync("#route-from", "Pôle Eau", "pole-eau");
        await ChooseWithKeyboardAsync("#route-from", "pole-eau");
        await page.Locator("#route-kind").SelectOptionAsync("MiniCluster");
        await page.Locator("#route-region").SelectOptionAsync("KR");
    }

    public Task<string[]> NodeIdsAsync() => page.EvaluateAsync<string[]>("() => window.graphApiExplorer.nodeIds()");

    public async Task<Highlight> HighlightedAsync()
    {
        var json = await page.EvaluateAsync<JsonElement>("() => window.graphApiExplorer.highlighted()");
        return json.Deserialize<Highlight>(Web)!;
    }

    public Task WaitUntilAsync(string predicate) => page.WaitForFunctionAsync(predicate);

    public async ValueTask DisposeAsync() => await context.DisposeAsync();
}

public sealed record Highlight(string[] Nodes, HighlightedEdge[] Edges);

public sealed record HighlightedEdge(string Source, string Target, string Type);
