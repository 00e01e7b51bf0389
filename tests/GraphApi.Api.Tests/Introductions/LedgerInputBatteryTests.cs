using System.Net;
using GraphApi.Api.Tests.Routes;

namespace GraphApi.Api.Tests.Introductions;

/// <summary>
/// The battery against the ledger: wrong bodies and queries are 400s by field, closed sets take any case, the
/// ledger's reads revalidate with 304 until something is recorded (the graph's version does not move on ledger writes),
/// its list pages with <c>next</c>, and unknown ids are 404s naming them.
/// </summary>
public sealed class LedgerInputBatteryTests
{
    [Theory]
    [InlineData("""{"requester":"pole-eau","target":"ulsan-mini","route":{"path":"pole-eau","relationships":["x"]}}""", "route.path", "list")]
    [InlineData("""{"requester":"pole-eau","target":"ulsan-mini","rout":{}}""", "rout", "did you mean 'route'?")]
    [InlineData("""{"requester":"pole-eau","target":"ulsan-mini","route":{"path":["pole-eau","kicox","ulsan-mini"],"relationships":["kicox-mou-pole-eau","kicox-manages-ulsan"]},"date":"01/04/2024"}""", "date", "YYYY-MM-DD")]
    [InlineData("""{"requester":"pole-eau","target":"ulsan-mini"}""", "route", "is required")]
    [InlineData("""{"requester":"pole-eau","target":"ulsan-mini",""", "body", "line 1")]
    public async Task Wrong_asks_are_400_by_field(string body, string field, string words)
    {
        using var app = new LedgerApp();

        var messages = await RouteInputBatteryTests.FieldErrorsAsync(await app.Client.PostRawAsync("/api/introductions", body), field);

        Assert.Contains(messages, m => m.Contains(words, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{"type":"ghosted","step":1}""", "type", "forwarded, declined, no-answer, met, agreement")]
    [InlineData("""{"type":"forwarded","step":"1"}""", "step", "send 1, not \"1\"")]
    [InlineData("""{"type":"forwarded","step":1,"evidense":"x"}""", "evidense", "did you mean 'evidence'?")]
    [InlineData("""{"step":1}""", "type", "is required")]
    public async Task Wrong_events_are_400_by_field(string body, string field, string words)
    {
        using var app = new LedgerApp();
        var id = await app.AskAsync(LedgerApp.Direct, LedgerApp.DirectTies);

        var messages = await RouteInputBatteryTests.FieldErrorsAsync(await app.Client.PostRawAsync($"/api/introductions/{id}/events", body), field);

        Assert.Contains(messages, m => m.Contains(words, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Event_types_and_statuses_take_any_case()
    {
        using var app = new LedgerApp();
        var id = await app.AskAsync(LedgerApp.Direct, LedgerApp.DirectTies);

        Assert.Equal(HttpStatusCode.Created, (await app.Client.PostRawAsync($"/api/introductions/{id}/events", """{"type":"No-Answer","step":1}""")).StatusCode);
        var list = await app.GetAsync("/api/introductions?status=NO-ANSWER");

        Assert.Equal([id], list["items"]!.AsArray().Select(a => (string)a!["id"]!));
        Assert.Equal("no-answer", (string)list["items"]![0]!["status"]!);
        var wrong = await RouteInputBatteryTests.FieldErrorsAsync(await app.Client.GetAsync("/api/introductions?status=lost"), "status");
        Assert.Contains("open, reached, declined, no-answer, met, agreement", wrong[0], StringComparison.Ordinal);
        await RouteInputBatteryTests.FieldErrorsAsync(await app.Client.GetAsync("/api/introductions?stauts=open"), "stauts");
        await RouteInputBatteryTests.FieldErrorsAsync(await app.Client.GetAsync("/api/introductions?limit=abc"), "limit");
    }

    [Fact]
    public async Task Unknown_ids_are_404_naming_them_and_a_filter_on_a_deleted_actor_still_lists_its_asks()
    {
        using var app = new LedgerApp();
        var id = await app.AskAsync(LedgerApp.Direct, LedgerApp.DirectTies);

        var nobody = await app.Client.GetAsync("/api/introductions?requester=nobody&target=ulsan-mini");
        var noAsk = await app.Client.PostRawAsync("/api/introductions/intro-none/events", """{"type":"met"}""");
        var noActor = await app.Client.PostRawAsync("/api/introductions",
            """{"requester":"ghost","target":"ulsan-mini","route":{"path":["ghost","ulsan-mini"],"relationships":["x"]}}""");

        Assert.Equal("no actor 'nobody'", (string)(await nobody.ReadJsonAsync())["detail"]!);
        Assert.Equal("no introduction 'intro-none'", (string)(await noAsk.ReadJsonAsync())["detail"]!);
        Assert.Equal("no actor 'ghost'", (string)(await noActor.ReadJsonAsync())["detail"]!);
        Assert.All(new[] { nobody, noAsk, noActor }, r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        Assert.Equal(HttpStatusCode.OK, (await app.Client.DeleteAsync("/api/actors/pole-eau")).StatusCode);
        var history = await app.GetAsync("/api/introductions?requester=pole-eau");
        Assert.Equal([id], history["items"]!.AsArray().Select(a => (string)a!["id"]!));
    }

    [Fact]
    public async Task The_ledger_revalidates_with_304_until_something_is_recorded()
    {
        using var app = new LedgerApp();
        var id = await app.AskAsync(LedgerApp.Direct, LedgerApp.DirectTies);
        var list = await app.Client.GetAsync("/api/introductions");
        var one = await app.Client.GetAsync($"/api/introductions/{id}");

        Assert.Equal(HttpStatusCode.NotModified, (await Conditional(app.Client, "/api/introductions", list)).StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, (await Conditional(app.Client, $"/api/introductions/{id}", one)).StatusCode);
        using var head = new HttpRequestMessage(HttpMethod.Head, $"/api/introductions/{id}");
        Assert.Equal(one.Headers.ETag, (await app.Client.SendAsync(head)).Headers.ETag);
        // A reader sees the asks without key names: another answer, another tag.
        using var reader = app.ClientWithKey(null);
        Assert.Equal(HttpStatusCode.OK, (await Conditional(reader, $"/api/introductions/{id}", one)).StatusCode);

        Assert.Equal(HttpStatusCode.Created, (await app.EventAsync(id, "forwarded", 1)).StatusCode);

        var listAfter = await Conditional(app.Client, "/api/introductions", list);
        var oneAfter = await Conditional(app.Client, $"/api/introductions/{id}", one);
        Assert.Equal(HttpStatusCode.OK, listAfter.StatusCode);
        Assert.Equal(HttpStatusCode.OK, oneAfter.StatusCode);
        Assert.NotEqual(list.Headers.ETag, listAfter.Headers.ETag);
        Assert.Equal("open", (string)(await oneAfter.ReadJsonAsync())["status"]!);
    }

    [Fact]
    public async Task The_list_pages_with_a_next_link()
    {
        using var app = new LedgerApp();
        for (var i = 0; i < 3; i++)
        {
            await app.AskAsync(LedgerApp.Direct, LedgerApp.DirectTies, $"2024-04-0{i + 1}");
        }

        var first = await app.Client.GetAsync("/api/introductions?limit=2");
        var page = await first.ReadJsonAsync();
        var next = (string)page["next"]!;
        var second = await app.GetAsync(next);

        Assert.Equal("/api/introductions?limit=2&offset=2", next);
        Assert.Equal($"<{next}>; rel=\"next\"", first.Headers.GetValues("Link").Single());
        Assert.Equal(3, (int)page["total"]!);
        Assert.Single(second["items"]!.AsArray());
        Assert.Null(second["next"]);
        Assert.Equal("2024-04-01", (string)second["items"]![0]!["askedOn"]!);
    }

    private static async Task<HttpResponseMessage> Conditional(HttpClient client, string url, HttpResponseMessage earlier)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("If-None-Match", earlier.Headers.ETag!.Tag);
        return await client.SendAsync(request);
    }
}
