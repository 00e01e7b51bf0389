using System.Net;
using System.Text.Json.Nodes;

namespace GraphApi.Api.Tests.Introductions;

public sealed class LearnedRouteApiTests
{
    private static async Task<JsonNode> RouteToUlsanAsync(LedgerApp app, string? strengths)
    {
        var response = await app.Client.PostJsonAsync("/api/routes/introductions",
            new { from = new[] { "pole-eau" }, to = new { id = "ulsan-mini" }, k = 1, strengths });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.ReadJsonAsync())["routes"]![0]!;
    }

    private static string Path(JsonNode route) => string.Join('>', route["path"]!.AsArray().Select(a => (string)a!));

    /// <summary>
    /// One ask along the direct route ends in an agreement; three along the Gumi route are declined at Gumi → Ulsan.
    /// By hand (w = 10): MOU (9 + 4) / 14, KICOX → Ulsan (5 + 1) / 11, KICOX → Gumi (8.5 + 3) / 13, Gumi → Ulsan 7.5 / 13.
    /// Via Gumi: 13/14 × 11.5/13 × 7.5/13 ≈ 0.474; direct: 13/14 × 6/11 ≈ 0.506. Stated, via Gumi (0.574) still beats direct (0.45).
    /// </summary>
    [Fact]
    public async Task Learned_strengths_change_the_next_route_and_every_step_shows_its_trials()
    {
        using var app = new LedgerApp();
        var direct = await app.AskAsync(LedgerApp.Direct, LedgerApp.DirectTies);
        foreach (var (type, step) in new (string, int?)[] { ("forwarded", 1), ("forwarded", 2), ("met", null), ("agreement", null) })
        {
            await app.EventAsync(direct, type, step);
        }
        for (var i = 0; i < 3; i++)
        {
            var viaGumi = await app.AskAsync(LedgerApp.ViaGumi, LedgerApp.ViaGumiTies);
            await app.EventAsync(viaGumi, "forwarded", 1);
            await app.EventAsync(viaGumi, "forwarded", 2);
            await app.EventAsync(viaGumi, "declined", 3);
        }

        var stated = await RouteToUlsanAsync(app, null);
        var learned = await RouteToUlsanAsync(app, "learned");

        Assert.Equal("pole-eau>kicox>gumi-mini>ulsan-mini", Path(stated));
        Assert.Equal(0.9 * 0.85 * 0.75, (double)stated["score"]!, 12);
        Assert.Equal(7.5 / 13, (double)stated["steps"]![2]!["learned"]!["strength"]!, 12);
        Assert.Equal(3, (int)stated["steps"]![2]!["learned"]!["failures"]!);
        Assert.Equal("pole-eau>kicox>ulsan-mini", Path(learned));
        Assert.Equal(13.0 / 14 * 6 / 11, (double)learned["score"]!, 12);
        var first = learned["steps"]![0]!;
        Assert.Equal(13.0 / 14, (double)first["strength"]!, 12);
        Assert.Equal(0.9, (double)first["baseStrength"]!, 12);
        Assert.Equal(4, (int)first["learned"]!["successes"]!);
        Assert.Equal(4, (int)first["learned"]!["trials"]!);
    }

    [Fact]
    public async Task Strengths_other_than_stated_or_learned_are_a_400()
    {
        using var app = new LedgerApp();

        var response = await app.Client.PostJsonAsync("/api/routes/introductions",
            new { from = new[] { "pole-eau" }, to = new { id = "ulsan-mini" }, strengths = "guessed" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadJsonAsync())["errors"]!.AsObject().ContainsKey("strengths"));
    }

    [Fact]
    public async Task An_agreement_becomes_a_relationship_once_with_the_ledger_entry_as_evidence()
    {
        using var app = new LedgerApp();
        var open = await app.AskAsync(LedgerApp.Direct, LedgerApp.DirectTies);
        var agreed = await app.AskAsync(LedgerApp.Direct, LedgerApp.DirectTies);
        foreach (var (type, step) in new (string, int?)[] { ("forwarded", 1), ("forwarded", 2), ("met", null) })
        {
            await app.EventAsync(agreed, type, step);
        }
        await app.EventAsync(agreed, "agreement", date: "2024-04-20", evidence: "MoU of 20 April");

        var tooEarly = await app.Client.PostJsonAsync($"/api/introductions/{open}/relationship", new { });
        var created = await app.Client.PostJsonAsync($"/api/introductions/{agreed}/relationship", new { });
        var again = await app.Client.PostJsonAsync($"/api/introductions/{agreed}/relationship", new { });

        Assert.Equal(HttpStatusCode.Conflict, tooEarly.StatusCode);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var relationship = await created.ReadJsonAsync();
        Assert.Equal(("pole-eau", "ulsan-mini", "MOU", "2024-04-20"),
            ((string)relationship["source"]!, (string)relationship["target"]!, (string)relationship["type"]!, (string)relationship["since"]!));
        Assert.Equal($"/api/introductions/{agreed}", (string)relationship["evidence"]!["section"]!);
        Assert.Equal("MoU of 20 April", (string)relationship["evidence"]!["quote"]!);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("pole-eau>ulsan-mini", Path(await RouteToUlsanAsync(app, null)));
    }

    [Fact]
    public async Task Exports_leave_the_ledger_out_unless_asked()
    {
        using var app = new LedgerApp();
        var id = await app.AskAsync(LedgerApp.Direct, LedgerApp.DirectTies);
        await app.EventAsync(id, "no-answer", 1);

        var plain = await app.GetAsync("/api/export?format=json");
        var withLedger = await app.GetAsync("/api/export?format=json&includeLedger=true");
        var outside = await app.GetAsync("/api/export?format=json&includeLedger=true&ids=pole-eau,kicox");
        var graphml = await app.Client.GetAsync("/api/export?format=graphml&includeLedger=true");

        Assert.False(plain.AsObject().ContainsKey("introductions"));
        var ask = withLedger["introductions"]!.AsArray().Single()!;
        Assert.Equal(id, (string)ask["id"]!);
        Assert.Equal("no-answer", (string)ask["events"]![0]!["kind"]!);
        Assert.Empty(outside["introductions"]!.AsArray());
        Assert.Equal(HttpStatusCode.BadRequest, graphml.StatusCode);
    }
}
