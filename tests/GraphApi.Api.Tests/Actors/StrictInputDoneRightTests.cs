using System.Net;
using System.Text.Json.Nodes;
using GraphApi.Api.Tests.Interchange;

namespace GraphApi.Api.Tests.Actors;

/// <summary>
/// The battery's requests done right answer 200 or 201, closed-set values in any case included: the request check puts
/// them in their set's spelling, so what is stored, answered and audited is the catalogue's spelling. One seeded app for
/// the class: the writes here do not depend on each other.
/// </summary>
public sealed class StrictInputDoneRightTests(SeededApp app) : IClassFixture<SeededApp>
{
    private const string Json = "application/json";

    private readonly GraphApiFactory _factory = app.Factory;
    private readonly HttpClient _client = app.Client;

    public static TheoryData<string, string, string?, int> RightRequests => new()
    {
        { "POST", "/api/actors", """{"id":"busan-x","name":"X","kind":"cluster","country":"kr","aliases":["BMC"],"sectors":["water"]}""", 201 },
        { "PUT", "/api/actors/kicox", """{"name":"KICOX","kind":"AGENCY","country":"Kr","region":"KR","contact":{"email":"a@b.c"}}""", 200 },
        { "GET", "/api/actors?kind=minicluster&region=kr&limit=5", null, 200 },
        { "GET", "/api/actors/kicox/neighbourhood?depth=2&asOf=2015-01-01", null, 200 },
        { "POST", "/api/actors/kicox/merge", """{"into":"pole-eau","dryRun":true,"duplicateTies":"COLLAPSE"}""", 200 },
        { "POST", "/api/relationships", """{"source":"pole-eau","target":"kicox","type":"mou","strength":0.5,"since":"2016-12","evidence":{"document":"x"},"inferred":false}""", 201 },
        { "GET", "/api/relationships?type=board_member_of", null, 200 },
        { "GET", "/api/relationship-types", null, 200 },
        { "GET", "/api/export?format=JSON&analysis=Brokerage&partition=KIND&directed=true&asOf=2015-01-01", null, 200 },
        { "GET", "/api/export?format=gexf&gexfVersion=1.2DRAFT", null, 200 },
        { "POST", "/api/import?dryRun=true", """{"actors":[{"id":"aa","name":"A","kind":"cluster","country":"fr","sectors":["x"]}]}""", 200 },
        { "GET", "/api/audit?entityType=Actor&operation=CREATE&limit=1", null, 200 },
    };

    [Theory]
    [MemberData(nameof(RightRequests))]
    public async Task The_same_request_done_right_is_answered(string method, string url, string? body, int status)
    {
        var response = await _client.SendAsync(RawRequests.Request(method, url, body, body is null ? null : Json));

        Assert.Equal((HttpStatusCode)status, response.StatusCode);
    }

    [Fact]
    public async Task Closed_set_values_in_any_case_reach_the_rules_and_the_store_in_their_spelling()
    {
        var actor = await (await _client.SendAsync(RawRequests.Request("POST", "/api/actors",
            """{"id":"busan-marine","name":"Busan Marine","kind":"minicluster","country":"kr"}""", Json))).ReadJsonAsync();
        var tie = await (await _client.SendAsync(RawRequests.Request("POST", "/api/relationships",
            """{"source":"busan-marine","target":"kicox","type":"board_member_of"}""", Json))).ReadJsonAsync();
        await _client.SendAsync(RawRequests.Request("POST", "/api/import",
            """{"actors":[{"id":"imported-one","name":"Imported","kind":"university","country":"de"}]}""", Json));

        Assert.Equal(("MiniCluster", "KR", "KR"), ((string)actor["kind"]!, (string)actor["country"]!, (string)actor["region"]!));
        Assert.Equal(("busan-marine-board-member-of-kicox", "BOARD_MEMBER_OF"), ((string)tie["id"]!, (string)tie["type"]!));
        Assert.Equal(("MiniCluster", "KR"), (_factory.Snapshot().FindActor("busan-marine")!.Kind, _factory.Snapshot().FindActor("busan-marine")!.Country));
        Assert.Equal(("University", "DE"), (_factory.Snapshot().FindActor("imported-one")!.Kind, _factory.Snapshot().FindActor("imported-one")!.Country));
        var audited = await (await _client.GetAsync("/api/audit?entityId=busan-marine")).ReadJsonAsync();
        Assert.Equal("MiniCluster", (string)audited["items"]![0]!["after"]!["kind"]!);
    }

    [Fact]
    public async Task A_put_replaces_the_whole_actor_and_an_actor_as_read_can_be_sent_back()
    {
        var read = await _client.GetAsync("/api/actors/pole-eau");
        var body = (await read.ReadJsonAsync()).AsObject();
        body["city"] = "Montpellier";
        body["sectors"] = new JsonArray("water", "environment");
        var put = RawRequests.Request("PUT", "/api/actors/pole-eau", body.ToJsonString(), Json);
        put.Headers.IfMatch.Add(read.Headers.ETag!);

        var replaced = await _client.SendAsync(put);
        var without = RawRequests.Request("PUT", "/api/actors/pole-eau", """{"name":"Pôle Eau","kind":"Cluster","country":"FR"}""", Json);
        var cleared = await (await _client.SendAsync(without)).ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Equal(["water", "environment"], (await replaced.ReadJsonAsync())["sectors"]!.AsArray().Select(s => (string)s!));
        Assert.Empty(cleared["sectors"]!.AsArray());
        Assert.Null(cleared["city"]);
    }

    [Fact]
    public async Task Unknown_ids_in_writes_are_404_and_taken_ids_409()
    {
        var update = await _client.SendAsync(RawRequests.Request("PUT", "/api/actors/nobody-here", """{"name":"N","kind":"Cluster","country":"FR"}""", Json));
        var delete = await _client.DeleteAsync("/api/actors/nobody-here");
        var deleteTie = await _client.DeleteAsync("/api/relationships/no-such-tie");
        var taken = await _client.SendAsync(RawRequests.Request("POST", "/api/actors", """{"id":"kicox","name":"K","kind":"Agency","country":"KR"}""", Json));
        var mergeUnknown = await _client.SendAsync(RawRequests.Request("POST", "/api/actors/kicox/merge", """{"into":"nobody-here"}""", Json));

        Assert.Equal(
            [HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.Conflict, HttpStatusCode.NotFound],
            new[] { update, delete, deleteTie, taken, mergeUnknown }.Select(r => r.StatusCode));
        Assert.Contains("nobody-here", (string)(await delete.ReadJsonAsync())["detail"]!, StringComparison.Ordinal);
    }
}
