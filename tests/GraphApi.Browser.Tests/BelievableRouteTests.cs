using System.Net.Http.Json;
using System.Text.Json;

namespace GraphApi.Browser.Tests;

/// <summary>Issue 25, the cluster manager: believable routes (flags, the chance in words) and whom to meet, at both sizes.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class BelievableRouteTests(BrowserSession session)
{
    [SkippableTheory]
    [InlineData(1280, 720)]
    [InlineData(1920, 1080)]
    public async Task Each_step_is_marked_when_weak_inferred_or_located_in_and_the_score_is_said_as_a_chance(int width, int height)
    {
        Skip.IfNot(BrowserSession.Available, BrowserSession.MissingReason);
        await using var explorer = await session.OpenAsync(width, height);
        await explorer.LoadAsync();
        var page = explorer.Page;
        await explorer.AskFromPoleEauToKoreanMiniClustersAsync();
        await page.Locator("#route-submit").ClickAsync();
        await page.Locator("#route-list .route").First.WaitForAsync();
        await explorer.WaitUntilAsync("() => window.graphApiExplorer.highlighted().nodes.length > 0");
        await explorer.AssertNoErrorsAsync();

        var answer = await (await session.Api.PostAsJsonAsync("/api/routes/introductions",
            new { from = new[] { "pole-eau" }, to = new { kind = "MiniCluster", region = "KR" }, k = 3, maxHops = 6 })).Content.ReadFromJsonAsync<JsonElement>();
        var best = answer.GetProperty("routes")[0];
        var first = page.Locator("#route-list .route").First;
        var percent = (int)Math.Round(best.GetProperty("score").GetDouble() * 100);
        Assert.Equal($"About {percent} in 100 that this chain carries the ask, by the stated strengths.", await first.Locator(".chance").TextContentAsync());
        // The explanation reads in the direction of travel: from Pôle Eau onwards.
        Assert.StartsWith("Pôle Eau", await first.Locator(".explanation").First.TextContentAsync(), StringComparison.Ordinal);

        await first.Locator("summary").ClickAsync();
        var steps = best.GetProperty("steps").EnumerateArray().ToList();
        var flags = await first.Locator(".steps > li").EvaluateAllAsync<string[]>("items => items.map((li) => li.dataset.flags)");
        Assert.Equal(steps.Count, flags.Length);
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            Assert.Equal(step.GetProperty("strength").GetDouble() < 0.5, flags[i].Split(' ').Contains("weak"));
            Assert.Equal(step.GetProperty("inferred").GetBoolean(), flags[i].Split(' ').Contains("inferred"));
            Assert.Equal(step.GetProperty("type").GetString() == "LOCATED_IN", flags[i].Split(' ').Contains("rare"));
        }
        // A person in the middle of the chain is named in the line on what to weigh.
        var people = new List<string>();
        foreach (var id in best.GetProperty("path").EnumerateArray().Skip(1).SkipLast(1).Select(a => a.GetString()!))
        {
            var actor = await session.Api.GetFromJsonAsync<JsonElement>($"/api/actors/{id}");
            if (actor.GetProperty("kind").GetString() == "Person")
            {
                people.Add(actor.GetProperty("name").GetString()!);
            }
        }
        var caution = await first.Locator(".caution").TextContentAsync() ?? "";
        Assert.All(people, name => Assert.Contains(name, caution, StringComparison.Ordinal));
        Assert.Equal(people.Count > 0, caution.Contains("passes through", StringComparison.Ordinal));

        Assert.True(await LandingTests.InViewAsync(page), "the route is fitted to the canvas");
        var top = await first.BoundingBoxAsync();
        Assert.True(top is not null && top.Y < height, "the first route starts above the fold");
        await LandingTests.AssertNothingCutAsync(page, width);
        await page.ScreenshotAsync(new() { Path = Artifacts.Screenshot($"route-{width}x{height}.png") });
    }

    [SkippableTheory]
    [InlineData(1280, 720)]
    [InlineData(1920, 1080)]
    public async Task Whom_to_meet_leaves_out_the_targets_narrows_the_candidates_and_says_why(int width, int height)
    {
        Skip.IfNot(BrowserSession.Available, BrowserSession.MissingReason);
        await using var explorer = await session.OpenAsync(width, height);
        await explorer.LoadAsync();
        var page = explorer.Page;
        await explorer.AskFromPoleEauToKoreanMiniClustersAsync();
        Assert.True(await page.Locator("#whatif-exclude-targets").IsCheckedAsync(), "targets are left out by default");

        await page.Locator("#whatif-submit").ClickAsync();
        await page.Locator("#whatif-list .route").First.WaitForAsync();
        var listed = await ListedAsync(page);
        Assert.NotEmpty(listed);
        foreach (var id in listed)
        {
            var actor = await session.Api.GetFromJsonAsync<JsonElement>($"/api/actors/{id}");
            Assert.False(actor.GetProperty("kind").GetString() == "MiniCluster" && actor.GetProperty("region").GetString() == "KR", $"{id} is a target");
        }
        Assert.Contains("kicox", listed.Take(3));
        var whys = await page.Locator("#whatif-list .why").AllTextContentsAsync();
        Assert.Equal(listed.Length, whys.Count);
        Assert.All(whys, why => Assert.Matches("^Why: .+ (hops?|is a target).*; .+in 100", why));

        // Only agencies: whom one could plausibly meet.
        await page.Locator("#whatif-kind").SelectOptionAsync("Agency");
        await page.Locator("#whatif-submit").ClickAsync();
        await explorer.WaitUntilAsync("() => document.querySelectorAll('#whatif-list .route').length > 0 && window.graphApiExplorer.whatIf().every((c) => c.actor !== 'tci-network')");
        foreach (var id in await ListedAsync(page))
        {
            Assert.Equal("Agency", (await session.Api.GetFromJsonAsync<JsonElement>($"/api/actors/{id}")).GetProperty("kind").GetString());
        }
        // The assumed tie's name is not cut short.
        Assert.True(await page.EvaluateAsync<bool>("() => { const s = document.getElementById('whatif-type'); return s.scrollWidth <= s.clientWidth + 1; }"));
        Assert.True(await LandingTests.InViewAsync(page), "the opened route is fitted to the canvas");
        await LandingTests.AssertNothingCutAsync(page, width);
        await page.Locator("#whatif-list").ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new() { Path = Artifacts.Screenshot($"what-if-{width}x{height}.png") });
        await explorer.AssertNoErrorsAsync();
    }

    private static async Task<string[]> ListedAsync(Microsoft.Playwright.IPage page) =>
        (await page.EvaluateAsync<JsonElement>("() => window.graphApiExplorer.whatIf()")).EnumerateArray()
            .Select(c => c.GetProperty("actor").GetString()!).ToArray();

}
