using System.Net;
using GraphApi.Api.Tests.Security;
using GraphApi.Core.Analysis;
using Microsoft.Extensions.DependencyInjection;

namespace GraphApi.Api.Tests.Analysis;

/// <summary>
/// The cap on analyses computing at once, with one slot that the test holds itself: no computation needs to be slow
/// and nothing waits on the clock (a wait of 0 refuses at once; a long wait is ended by giving the slot back).
/// </summary>
public sealed class AnalysisSlotsApiTests
{
    private static GraphApiFactory OneSlot(double waitSeconds)
    {
        var factory = new GraphApiFactory(seed: true);
        factory.Settings["Analysis:MaxConcurrent"] = "1";
        factory.Settings["Analysis:SlotWaitSeconds"] = waitSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        factory.Settings["Analysis:RetryAfterSeconds"] = "7";
        return factory;
    }

    [Fact]
    public async Task With_every_slot_busy_a_new_analysis_layout_or_analysis_export_is_a_503_with_Retry_After_and_a_cached_one_still_answers()
    {
        using var factory = OneSlot(waitSeconds: 0);
        var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/analysis/brokerage?limit=1")).StatusCode);
        var slots = factory.Services.GetRequiredService<AnalysisSlots>();

        using (await slots.EnterAsync("the test", CancellationToken.None))
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/analysis/brokerage?limit=2")).StatusCode); // cached: no slot
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/actors/kicox")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync("/api/routes/introductions",
                new { from = new[] { "pole-eau" }, to = new { id = "kicox" } })).StatusCode);
            foreach (var url in new[] { "/api/analysis/centrality?measures=degree", "/api/analysis/communities", "/api/overview", "/api/export?format=json&analysis=betweenness" })
            {
                var refused = await client.GetAsync(url);
                Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
                Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
                Assert.Equal(TimeSpan.FromSeconds(7), refused.Headers.RetryAfter?.Delta);
                var problem = await refused.ReadJsonAsync();
                Assert.Equal("Too many analyses at once", (string?)problem["title"]);
                var detail = (string)problem["detail"]!;
                Assert.Contains("all 1 analysis slots", detail, StringComparison.Ordinal);
                Assert.Contains("Retry after 7 s", detail, StringComparison.Ordinal);
            }
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/analysis/centrality?measures=degree")).StatusCode);
        Assert.Equal(0, slots.Busy);
    }

    [Fact]
    public async Task A_caller_who_goes_away_cancels_the_computation_unless_another_caller_still_waits_for_it()
    {
        using var factory = OneSlot(waitSeconds: 60);
        var analysis = factory.Services.GetRequiredService<AnalysisService>();
        var slots = factory.Services.GetRequiredService<AnalysisSlots>();
        var question = new CentralityOptions(CentralityMeasures.Degree);

        // Two callers of one question, queued for the slot the test holds; one goes away, the other gets the answer.
        var held = await slots.EnterAsync("the test", CancellationToken.None);
        using var leaving = new CancellationTokenSource();
        var gone = analysis.CentralityAsync(question, asOf: null, leaving.Token);
        var staying = analysis.CentralityAsync(question, asOf: null, CancellationToken.None);
        await leaving.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => gone);
        held.Dispose();
        Assert.NotEmpty((await staying).Degree);

        // One caller, who goes away while queued: its computation leaves the queue, so the slot given back stays free.
        held = await slots.EnterAsync("the test", CancellationToken.None);
        using var alone = new CancellationTokenSource();
        var abandoned = analysis.CentralityAsync(question with { Measures = CentralityMeasures.Closeness }, asOf: null, alone.Token);
        await alone.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
        held.Dispose();
        using var free = await slots.EnterAsync("the test again", CancellationToken.None, wait: TimeSpan.Zero);
        Assert.Equal(1, slots.Busy);
    }

    [Fact]
    public async Task Anonymous_callers_run_out_of_analysis_requests_before_a_keyed_caller_does()
    {
        using var factory = new GraphApiFactory(seed: true).WithRoleKeys();
        factory.Settings["RateLimit:PermitLimit"] = "10";
        factory.Settings["RateLimit:AnonymousAnalysisPermitLimit"] = "2";
        factory.Settings["RateLimit:WindowSeconds"] = "3600";
        var anonymous = factory.ClientWithKey(null);
        var reader = factory.ClientWithKey(TestKeys.Reader);

        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/analysis/brokerage?limit=1")).StatusCode);
        }
        var refused = await anonymous.GetAsync("/api/analysis/brokerage?limit=1");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Contains("Without an API key", (string?)(await refused.ReadJsonAsync())["detail"], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await anonymous.GetAsync("/api/overview")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await anonymous.GetAsync("/api/export?format=json&analysis=degree")).StatusCode);

        // Other reads stay within the anonymous caller's general budget; a keyed caller has the larger one for analyses.
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/actors/kicox")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/export?format=json&ids=kicox")).StatusCode);
        for (var i = 0; i < 8; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/api/analysis/brokerage?limit=1")).StatusCode);
        }
    }
}
