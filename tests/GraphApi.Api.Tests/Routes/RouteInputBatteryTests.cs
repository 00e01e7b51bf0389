using System.Net;
using System.Text.Json.Nodes;

namespace GraphApi.Api.Tests.Routes;

/// <summary>
/// The issue's battery of wrong requests against the route operations: each answers 400 (or 415) with errors by field
/// in plain words and no .NET names, and the same request done right answers 200.
/// </summary>
public sealed class RouteInputBatteryTests : IClassFixture<RouteApiTests.SmallGraphApp>
{
    private const string Introductions = "/api/routes/introductions";
    private const string BestNextTie = "/api/routes/best-next-tie";
    private readonly HttpClient _client;

    public RouteInputBatteryTests(RouteApiTests.SmallGraphApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        _client = app.Client;
    }

    [Theory]
    [InlineData(Introductions, """{"from":["pole-eau"],"to":{"id":"kicox"},"k":"3"}""", "k", "send 3, not \"3\"")]
    [InlineData(Introductions, """{"from":["pole-eau"],"to":"kicox"}""", "to", "must be a JSON object")]
    [InlineData(Introductions, """{"from":{"id":"pole-eau"},"to":{"id":"kicox"}}""", "from", "single value")]
    [InlineData(Introductions, """{"from":["pole-eau"],"to":{"id":"kicox"},"maxhops":3}""", "maxhops", "did you mean 'maxHops'?")]
    [InlineData(Introductions, """{"from":["pole-eau"],"to":{"id":"kicox"},"target":"kicox"}""", "target", "is not a field")]
    [InlineData(Introductions, """{"from":["pole-eau"],"to":{"kind":"spaceship"}}""", "to.kind", "MiniCluster")]
    [InlineData(Introductions, """{"from":["pole-eau"],"to":{"id":"kicox"},"strengths":"guessed"}""", "strengths", "stated, learned")]
    [InlineData(Introductions, """{"from":["pole-eau"],"to":{"id":"kicox"},"relationshipTypes":"friends"}""", "relationshipTypes", "BOARD_MEMBER_OF")]
    [InlineData(Introductions, """{"from":["pole-eau"],"to":{"id":"kicox"},}""", "body", "line 1, column 42")]
    [InlineData(Introductions, "{\"from\":[\"pole-eau\"],\n \"to\":{\"id\":\"kicox\"", "body", "line 2")]
    [InlineData(BestNextTie, """{"from":"pole-eau","to":{"id":"ulsan-mini"},"limit":"3"}""", "limit", "whole number")]
    [InlineData(BestNextTie, """{"from":"pole-eau","to":{"id":"ulsan-mini"},"maxhops":3}""", "maxhops", "did you mean 'maxHops'?")]
    [InlineData(BestNextTie, """{"from":"pole-eau","to":{"id":"ulsan-mini"},"type":"friends"}""", "type", "BOARD_MEMBER_OF")]
    [InlineData(BestNextTie, """{"from":"pole-eau","to":{"id":"ulsan-mini"},"candidates":{"region":"mars"}}""", "candidates.region", "'mars'")]
    [InlineData(BestNextTie, """{"from":7,"to":{"id":"ulsan-mini"}}""", "from", "a single value")]
    public async Task Wrong_bodies_are_400_naming_the_field_in_plain_words(string url, string body, string field, string words)
    {
        var response = await _client.PostRawAsync(url, body);

        var messages = await FieldErrorsAsync(response, field);
        Assert.Contains(messages, m => m.Contains(words, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(Introductions, "{}")]
    [InlineData(BestNextTie, "{}")]
    public async Task A_body_missing_from_and_to_names_both(string url, string body)
    {
        var problem = await (await _client.PostRawAsync(url, body)).ReadJsonAsync();

        Assert.Equal(["from", "to"], problem["errors"]!.AsObject().Select(e => e.Key).Order());
    }

    [Theory]
    [InlineData(Introductions)]
    [InlineData(BestNextTie)]
    public async Task A_body_without_json_content_type_is_415_naming_application_json(string url)
    {
        var plain = await _client.PostRawAsync(url, """{"from":"pole-eau","to":{"id":"kicox"}}""", "text/plain");
        using var bare = new ByteArrayContent("""{"from":"pole-eau","to":{"id":"kicox"}}"""u8.ToArray());
        var none = await _client.PostAsync(url, bare);

        foreach (var response in new[] { plain, none })
        {
            Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("application/json", (string)(await response.ReadJsonAsync())["detail"]!, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/api/routes/shortest?from=pole-eau&to=kicox&maxhops=2", "maxhops")]
    [InlineData("/api/routes/shortest?frm=pole-eau&to=kicox", "frm")]
    [InlineData("/api/routes/shortest?from=Pôle&to=kicox", "from")]
    [InlineData("/api/routes/shortest?from=pole-eau,kicox&to=kicox", "to")]
    [InlineData("/api/routes/shortest?to=kicox", "from")]
    public async Task Wrong_shortest_queries_are_400_by_parameter(string url, string field) =>
        await FieldErrorsAsync(await _client.GetAsync(url), field);

    [Fact]
    public async Task Closed_sets_take_any_case_and_the_answer_is_the_same_as_in_their_own_spelling()
    {
        var exact = await OkAsync(Introductions, """{"from":"pole-eau","to":{"kind":"MiniCluster","country":"KR"},"strengths":"learned","relationshipTypes":["MOU","MANAGES"]}""");
        var cased = await OkAsync(Introductions, """{"from":"pole-eau","to":{"kind":"minicluster","country":"kr"},"strengths":"LEARNED","relationshipTypes":["mou","Manages"]}""");

        Assert.Equal(exact.ToJsonString(), cased.ToJsonString());
        Assert.NotEmpty(exact["routes"]!.AsArray());
        var tie = await OkAsync(BestNextTie, """{"from":"pole-eau","to":{"kind":"minicluster"},"type":"met_at","candidates":{"region":"kr"}}""");
        Assert.Equal("MET_AT", (string)tie["tie"]!["type"]!);
    }

    [Fact]
    public async Task From_is_one_id_or_a_list_and_both_give_the_same_answer()
    {
        foreach (var url in new[] { Introductions, BestNextTie })
        {
            var one = await OkAsync(url, """{"from":"pole-eau","to":{"id":"ulsan-mini"}}""");
            var list = await OkAsync(url, """{"from":["pole-eau"],"to":{"id":"ulsan-mini"}}""");
            Assert.Equal(one.ToJsonString(), list.ToJsonString());
        }
        var shortest = await (await _client.GetAsync("/api/routes/shortest?from=pole-eau&to=ulsan-mini")).ReadJsonAsync();
        Assert.Equal(["pole-eau", "kicox", "ulsan-mini"], shortest["routes"]![0]!["path"]!.AsArray().Select(a => (string)a!));
    }

    [Fact]
    public async Task Shortest_from_several_actors_starts_at_the_nearest_then_the_first_in_id_order()
    {
        var nearest = await (await _client.GetAsync("/api/routes/shortest?from=pole-eau,gumi-mini&to=ulsan-mini")).ReadJsonAsync();
        var tied = await (await _client.GetAsync("/api/routes/shortest?from=ulsan-mini,gumi-mini&to=kicox")).ReadJsonAsync();
        var apart = await (await _client.GetAsync("/api/routes/shortest?from=pole-eau,kicox&to=loner")).ReadJsonAsync();

        Assert.Equal(["gumi-mini", "ulsan-mini"], nearest["routes"]![0]!["path"]!.AsArray().Select(a => (string)a!));
        Assert.Equal(["gumi-mini", "kicox"], tied["routes"]![0]!["path"]!.AsArray().Select(a => (string)a!));
        Assert.Empty(apart["routes"]!.AsArray());
        Assert.Equal("none of 'pole-eau', 'kicox' is connected to 'loner'", (string)apart["reason"]!);
        var unknown = await _client.GetAsync("/api/routes/shortest?from=pole-eau,nobody&to=ghost");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("no actor 'nobody', 'ghost'", (string)(await unknown.ReadJsonAsync())["detail"]!);
    }

    [Fact]
    public async Task Best_next_tie_from_several_actors_counts_today_from_any_and_ties_from_the_first_in_id_order()
    {
        var answer = await OkAsync(BestNextTie, """{"from":["pole-eau","gumi-mini"],"to":{"id":"ulsan-mini"},"includeTied":true}""");

        Assert.Equal(["pole-eau", "gumi-mini"], answer["from"]!.AsArray().Select(a => (string)a!));
        // Gumi's own tie to Ulsan (0.75) is today's best; a direct MOU (0.9), made by the first in id order, beats it.
        Assert.Equal(["gumi-mini", "ulsan-mini"], answer["current"]!["path"]!.AsArray().Select(a => (string)a!));
        var best = answer["candidates"]![0]!;
        Assert.Equal("ulsan-mini", (string)best["actor"]!["id"]!);
        Assert.Equal(["gumi-mini", "ulsan-mini"], best["route"]!["path"]!.AsArray().Select(a => (string)a!));
        Assert.Equal(0.9 - 0.75, (double)best["gain"]!, 12);
    }

    [Fact]
    public async Task Unknown_ids_in_a_from_list_are_404_naming_them()
    {
        var response = await _client.PostRawAsync(BestNextTie, """{"from":["pole-eau","nobody"],"to":{"id":"ulsan-mini"}}""");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("no actor 'nobody'", (string)(await response.ReadJsonAsync())["detail"]!);
    }

    [Fact]
    public async Task Shortest_answers_304_while_the_graph_is_unchanged_and_HEAD_carries_the_same_tag()
    {
        var first = await _client.GetAsync("/api/routes/shortest?from=pole-eau&to=ulsan-mini");
        var tag = first.Headers.ETag!.Tag;
        using var again = new HttpRequestMessage(HttpMethod.Get, "/api/routes/shortest?from=pole-eau&to=ulsan-mini");
        again.Headers.TryAddWithoutValidation("If-None-Match", tag);
        using var head = new HttpRequestMessage(HttpMethod.Head, "/api/routes/shortest?from=pole-eau&to=ulsan-mini");

        Assert.Equal(HttpStatusCode.NotModified, (await _client.SendAsync(again)).StatusCode);
        var headed = await _client.SendAsync(head);
        Assert.Equal(HttpStatusCode.OK, headed.StatusCode);
        Assert.Equal(tag, headed.Headers.ETag!.Tag);
        Assert.Empty(await headed.Content.ReadAsByteArrayAsync());
    }

    private async Task<JsonNode> OkAsync(string url, string body)
    {
        var response = await _client.PostRawAsync(url, body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} {body}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJsonAsync();
    }

    /// <summary>The 400's messages for <paramref name="field"/>; no message names a .NET type, parameter or reader option.</summary>
    internal static async Task<string[]> FieldErrorsAsync(HttpResponseMessage response, string field)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"expected 400, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        foreach (var internals in new[] { "System.", "Nullable", "IReadOnlyList", "Int32", "reader options", "Failed to bind", "JsonException" })
        {
            Assert.DoesNotContain(internals, text, StringComparison.Ordinal);
        }
        var errors = JsonNode.Parse(text)!["errors"]?.AsObject() ?? throw new InvalidOperationException($"no errors: {text}");
        Assert.True(errors.ContainsKey(field), $"errors name {string.Join(", ", errors.Select(e => e.Key))}, not {field}: {text}");
        return [.. errors[field]!.AsArray().Select(m => (string)m!)];
    }
}
