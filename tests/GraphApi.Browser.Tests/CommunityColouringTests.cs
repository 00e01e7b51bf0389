using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace GraphApi.Browser.Tests;

/// <summary>Colour by community: the graph view paints each drawn actor with its community's colour from the API.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class CommunityColouringTests(BrowserSession session)
{
    [SkippableFact]
    public async Task Colouring_by_community_gives_actors_of_one_community_one_colour_and_the_largest_communities_distinct_ones()
    {
        Skip.IfNot(BrowserSession.Available, BrowserSession.MissingReason);
        await using var explorer = await session.OpenAsync();
        await explorer.LoadAsync();
        var page = explorer.Page;
        await page.Locator("#explore-depth").SelectOptionAsync("2");
        await explorer.SearchAsync("#explore-actor", "KICOX", "kicox");
        await explorer.ChooseWithKeyboardAsync("#explore-actor", "kicox");
        await page.Locator("#details section[data-actor='kicox']").WaitForAsync();

        await page.Locator("#colour-by").SelectOptionAsync("community");
        await page.Locator("#legend", new() { HasTextString = "Community" }).WaitForAsync();
        await explorer.WaitUntilAsync("() => Object.values(window.graphApiExplorer.nodeColours()).every((c) => c !== '#b0b0b0')");
        await explorer.AssertNoErrorsAsync();

        var colours = await page.EvaluateAsync<Dictionary<string, string>>("() => window.graphApiExplorer.nodeColours()");
        await AssertColouredByCommunityAsync(colours);
    }

    [SkippableFact]
    public async Task The_overview_colours_every_actor_by_its_community_too()
    {
        Skip.IfNot(BrowserSession.Available, BrowserSession.MissingReason);
        await using var explorer = await session.OpenAsync();
        await explorer.LoadAsync();
        var page = explorer.Page;
        await page.GetByRole(AriaRole.Tab, new() { Name = "Overview" }).ClickAsync();
        await explorer.WaitUntilAsync("() => window.graphApiExplorer.overview() !== null || !document.getElementById('overview-error').hidden");

        await page.Locator("#colour-by").SelectOptionAsync("community");
        await page.Locator("#legend", new() { HasTextString = "Community" }).WaitForAsync();
        await explorer.WaitUntilAsync("() => window.graphApiExplorer.overviewNodeColour('kicox') !== '#b0b0b0'");
        await explorer.AssertNoErrorsAsync();

        var all = await session.Api.GetFromJsonAsync<JsonElement>("/api/analysis/communities?limit=500");
        var ids = all.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("actor").GetString()!).ToList();
        var colours = new Dictionary<string, string>();
        foreach (var id in ids)
        {
            colours[id] = await page.EvaluateAsync<string>($"() => window.graphApiExplorer.overviewNodeColour('{id}')");
        }
        await AssertColouredByCommunityAsync(colours);
    }

    /// <summary>Actors of one community share one colour, and the twelve largest communities each have a colour of their own.</summary>
    private async Task AssertColouredByCommunityAsync(Dictionary<string, string> colours)
    {
        var ids = string.Join(',', colours.Keys);
        var answer = await session.Api.GetFromJsonAsync<JsonElement>($"/api/analysis/communities?limit=500&actors={ids}");
        var community = answer.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("actor").GetString()!, i => i.GetProperty("community").GetInt32());
        Assert.Equal(colours.Keys.Order(), community.Keys.Order());
        var byCommunity = colours.GroupBy(c => community[c.Key]).ToDictionary(g => g.Key, g => g.Select(c => c.Value).Distinct().ToList());
        Assert.True(byCommunity.Count >= 2, "the drawn actors span at least two communities");
        Assert.All(byCommunity.Values, c => Assert.Single(c));
        var large = byCommunity.Where(c => c.Key < 12).Select(c => c.Value[0]).ToList();
        Assert.Equal(large.Count, large.Distinct().Count());
    }
}
