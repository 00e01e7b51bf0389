using System.Net;

namespace GraphApi.Api.Tests.Actors;

/// <summary>
/// Issue 24's battery of wrong requests against the actor, relationship, audit, import and export operations: wrong JSON
/// types, missing and unknown fields (with the near match), closed-set values in another case or not in the set,
/// malformed JSON, no or another media type, unknown query parameters. Each is a 400 or 415 problem naming the field
/// in plain words, without a .NET name; <see cref="StrictInputDoneRightTests"/> sends the same requests done right.
/// </summary>
public sealed class StrictInputBatteryTests(SeededApp app) : IClassFixture<SeededApp>
{
    private const string Json = "application/json";

    private readonly HttpClient _client = app.Client;

    /// <summary>method, url, body (null: none), content type (null: none), status, field (400) and a fragment of what is said.</summary>
    public static TheoryData<string, string, string?, string?, int, string?, string> WrongRequests => new()
    {
        // Actor bodies: wrong types, missing and unknown fields, closed sets, malformed JSON, media types.
        { "POST", "/api/actors", """{"name":"X","kind":"Cluster","country":"KR","aliases":"BMC"}""", Json, 400, "aliases", "must be a list" },
        { "POST", "/api/actors", """{"name":5,"kind":"Cluster","country":"KR"}""", Json, 400, "name", "must be text" },
        { "POST", "/api/actors", """{"kind":"Cluster","country":"KR"}""", Json, 400, "name", "is required" },
        { "POST", "/api/actors", """{"name":"X","kind":"Cluster","country":"KR","sector":["water"]}""", Json, 400, "sector", "did you mean 'sectors'" },
        { "POST", "/api/actors", """{"name":"X","kind":"mini-cluster","country":"KR"}""", Json, 400, "kind", "use one of Cluster, ClusterNetwork" },
        { "POST", "/api/actors", """{"name":"X","kind":"Cluster","country":"xx"}""", Json, 400, "country", "'xx' is not an ISO 3166-1 alpha-2 code" },
        { "POST", "/api/actors", """{"name":"X",}""", Json, 400, "body", "line 1, column" },
        { "POST", "/api/actors", """{"name":"X","kind":"Cluster","country":"KR"}""", null, 415, null, "send it as application/json" },
        { "POST", "/api/actors", """{"name":"X","kind":"Cluster","country":"KR"}""", "text/plain", 415, null, "'text/plain'" },
        { "PUT", "/api/actors/kicox", """{"name":"KICOX","kind":"Agency","country":"KR","regoin":"KR"}""", Json, 400, "regoin", "did you mean 'region'" },
        { "PUT", "/api/actors/kicox", """{"name":"KICOX","kind":"Agency","country":"KR","contact":{"mail":"a@b.c"}}""", Json, 400, "contact.mail", "did you mean 'email'" },
        { "GET", "/api/actors?kinds=Cluster", null, null, 400, "kinds", "did you mean 'kind'" },
        { "GET", "/api/actors?limit=abc", null, null, 400, "limit", "must be a whole number" },
        { "GET", "/api/actors?kind=Galaxy", null, null, 400, "kind", "use one of Cluster" },
        { "GET", "/api/actors/kicox?depth=1", null, null, 400, "depth", "is not a parameter of this operation, which takes none" },
        // Merge and neighbourhood.
        { "POST", "/api/actors/kicox/merge", """{"into":"pole-eau","duplicateTies":"merge"}""", Json, 400, "duplicateTies", "use one of keep, collapse" },
        { "POST", "/api/actors/kicox/merge", """{"ito":"pole-eau"}""", Json, 400, "ito", "did you mean 'into'" },
        { "POST", "/api/actors/kicox/merge", """{"into":"pole-eau","dryRun":"yes"}""", Json, 400, "dryRun", "must be true or false" },
        { "POST", "/api/actors/kicox/merge", """{"dryRun":true}""", Json, 400, "into", "is required" },
        { "GET", "/api/actors/kicox/neighbourhood?dept=2", null, null, 400, "dept", "did you mean 'depth'" },
        { "GET", "/api/actors/kicox/neighbourhood?depth=4", null, null, 400, "depth", "between 1 and 3" },
        { "GET", "/api/actors/kicox/neighbourhood?asOf=2015-13-01", null, null, 400, "asOf", "YYYY-MM-DD" },
        // Relationships.
        { "POST", "/api/relationships", """{"source":"pole-eau","target":"kicox","type":"knows"}""", Json, 400, "type", "use one of MOU, BOARD_MEMBER_OF" },
        { "POST", "/api/relationships", """{"source":"pole-eau","target":"kicox","type":"MOU","strength":"0.5"}""", Json, 400, "strength", "send 0.5, not \"0.5\"" },
        { "POST", "/api/relationships", """{"source":"pole-eau","target":"kicox","type":"MOU","since":"2016-13"}""", Json, 400, "since", "YYYY, YYYY-MM or YYYY-MM-DD" },
        { "POST", "/api/relationships", """{"source":"pole-eau","target":"kicox","type":"MOU","evidence":{"documnet":"x"}}""", Json, 400, "evidence.documnet", "did you mean 'document'" },
        { "POST", "/api/relationships", """{"source":"pole-eau","target":"kicox","type":"MOU","inferred":"no"}""", Json, 400, "inferred", "must be true or false" },
        { "POST", "/api/relationships", """{"source":"pole-eau","type":"MOU"}""", Json, 400, "target", "must be an actor id" },
        { "GET", "/api/relationships?typ=MOU", null, null, 400, "typ", "did you mean 'type'" },
        { "GET", "/api/relationships?type=knows", null, null, 400, "type", "use one of MOU, BOARD_MEMBER_OF" },
        { "GET", "/api/relationship-types?name=MOU", null, null, 400, "name", "which takes none" },
        // Export: every documented parameter honoured or refused.
        { "GET", "/api/export", null, null, 400, "format", "is required" },
        { "GET", "/api/export?format=xml", null, null, 400, "format", "use one of graphml, gexf, cytoscape, csv, json" },
        { "GET", "/api/export?format=json&partiton=kind", null, null, 400, "partiton", "did you mean 'partition'" },
        { "GET", "/api/export?format=json&asOf=garbage", null, null, 400, "asOf", "'garbage' is not a date of the form YYYY-MM-DD" },
        { "GET", "/api/export?format=json&partition=kind", null, null, 400, "partition", "analysis=brokerage" },
        { "GET", "/api/export?format=json&analysis=degree&directed=true", null, null, 400, "directed", "analysis=brokerage" },
        { "GET", "/api/export?format=json&analysis=brokerage&partition=colour", null, null, 400, "partition", "use one of region, country, kind, sector" },
        { "GET", "/api/export?format=json&analysis=degree,pagerank", null, null, 400, "analysis", "'pagerank' is not a known analysis column set" },
        { "GET", "/api/export?format=json&directed=maybe", null, null, 400, "directed", "must be true or false" },
        { "GET", "/api/export?format=json&gexfVersion=1.2draft", null, null, 400, "gexfVersion", "format=gexf only" },
        // Import.
        { "POST", "/api/import", """{"actors":[{"id":"aa","name":"A","kind":"Cluster","country":"FR","sectrs":["x"]}]}""", Json, 400, "actors[0].sectrs", "did you mean 'sectors'" },
        { "POST", "/api/import", """{"actors":{"id":"aa"}}""", Json, 400, "actors", "must be a list" },
        { "POST", "/api/import", """{"actors":[{"id":"aa","name":"A","kind":"Blob","country":"FR"}]}""", Json, 400, "actors[0].kind", "use one of Cluster" },
        { "POST", "/api/import", """{"actors":[{"id":"aa","name":"A","kind":"cluster","country":"FR"}],"relationships":[{"source":"aa","target":"zz","type":"knows"}]}""", Json, 400, null, "relationships[0].type" },
        { "POST", "/api/import?dry_run=true", """{"actors":[]}""", Json, 400, "dry_run", "did you mean 'dryRun'" },
        { "POST", "/api/import", "id,name\n", "text/csv", 415, null, "application/json or multipart/form-data" },
    };

    [Theory]
    [MemberData(nameof(WrongRequests))]
    public async Task A_wrong_request_is_refused_naming_the_field_in_plain_words(
        string method, string url, string? body, string? contentType, int status, string? field, string fragment)
    {
        var response = await _client.SendAsync(RawRequests.Request(method, url, body, contentType));

        Assert.Equal((HttpStatusCode)status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        RawRequests.NoDotNetNames(text);
        if (field is null)
        {
            Assert.Contains(fragment, text, StringComparison.Ordinal);
            return;
        }
        var messages = TestJson.OnlyErrorsOf(await response.ReadJsonAsync(), field);
        Assert.Contains(messages, m => m.Contains(fragment, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_write_with_a_malformed_if_match_is_refused_and_changes_nothing()
    {
        var request = RawRequests.Request("DELETE", "/api/actors/kicox", null, null);
        request.Headers.TryAddWithoutValidation("If-Match", "revision one");

        var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        TestJson.OnlyErrorsOf(await response.ReadJsonAsync(), "If-Match");
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/api/actors/kicox")).StatusCode);
    }
}
