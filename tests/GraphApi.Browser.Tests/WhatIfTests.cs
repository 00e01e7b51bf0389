using System.Net.Http.Json;
using System.Text.Json;

namespace GraphApi.Browser.Tests;

/// <summary>The what-if panel of the Routes tab: best next ties for Pôle Eau towards Korean mini clusters, on the dataset.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class WhatIfTests(BrowserSession session)
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [SkippableFact]
    public async Task The_best_next_ties_are_listed_as_the_API_ranks_them_and_the_first_opened_route_is_drawn()
    {
        Skip.IfNot(BrowserSession.Available, BrowserSession.MissingReason);
        await using var explorer = await session.OpenAsync();
        await explorer.LoadAsync();
        var page = explorer.Page;
        await explorer.AskFromPoleEauToKoreanMiniClustersAsync();

        await page.Locator("#whatif-submit").ClickAsync();

        await page.Locator("#whatif-list .route, #whatif-error:visible").First.WaitForAsync();
        var error = page.Locator("#whatif-error");
        Assert.True(await error.IsHiddenAsync(), await error.TextContentAsync());
        await explorer.WaitUntilAsync("() => window.graphApiExplorer.highlighted().nodes.length > 0");
        var answer = await (await session.Api.PostAsJsonAsync("/api/routes/best-next-tie",
            new { from = "pole-eau", to = new { kind = "MiniCluster", region = "KR" }, type = "MOU", maxHops = 6, limit = 100 })).Content.ReadFromJsonAsync<JsonElement>();
        // The targets themselves are left out by default (meeting a target is no introduction): the next ten in the API's order.
        var expected = answer.GetProperty("candidates").EnumerateArray()
            .Where(c => !(c.GetProperty("route").GetProperty("steps").GetArrayLength() == 0 && c.GetProperty("route").GetProperty("target").GetString() == c.GetProperty("actor").GetProperty("id").GetString()))
            .Select(c => c.GetProperty("actor").GetProperty("id").GetString()).Take(10).ToArray();
        var listed = (await page.EvaluateAsync<JsonElement>("() => window.graphApiExplorer.whatIf()")).Deserialize<ListedTie[]>(Web)!;
        Assert.NotEmpty(listed);
        Assert.Equal(expected, listed.Select(t => t.Actor));
        Assert.Equal(expected.Length, await page.Locator("#whatif-list .route").CountAsync());

        var first = listed[0];
        Assert.Equal(["pole-eau", first.Actor], first.Actors.Take(2));
        var drawn = await explorer.HighlightedAsync();
        Assert.Equal(first.Actors.Order(), drawn.Nodes.Order());
        Assert.Equal(first.Actors.Length - 1, drawn.Edges.Length);
        Assert.Contains(drawn.Edges, e => e.Type == "MOU" && new[] { e.Source, e.Target }.Order().SequenceEqual(new[] { "pole-eau", first.Actor }.Order()));
        Assert.Equal("true", await page.Locator("#whatif-list .route").First.Locator(".show-route").GetAttributeAsync("aria-pressed"));
        await page.Locator("#whatif-list").ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new() { Path = Artifacts.Screenshot("what-if.png") });
        await explorer.AssertNoErrorsAsync();
    }

    private sealed record ListedTie(string Actor, double Gain, string[] Actors);
}
