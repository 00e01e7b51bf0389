using System.Text.Json;
using GraphApi.Core.Domain;
using GraphApi.Core.Storage;
using GraphApi.Neo4j;
using GraphApi.Neo4j.QueryApi;
using GraphApi.Storage.Tests.Contract;
using GraphApi.Storage.Tests.QueryApi;

namespace GraphApi.Storage.Tests.Neo4j;

/// <summary>
/// What the Neo4j store sends, checked without a server (the contract suite checks what it does, on a real one):
/// every write is one transaction that starts with the version bump, statements come from cypher/queries, and
/// types are spliced in only from the catalogue.
/// </summary>
public sealed partial class Neo4jGraphStoreWiringTests
{
    private readonly FakeQueryApi _server = new();

    private Neo4jGraphStore Store() => new(new QueryApiClient(new Neo4jOptions
    {
        Uri = new Uri("http://neo4j.test:7474"),
        RetryDelay = TimeSpan.Zero,
    }, _server), RelationshipTypeCatalogue.Default);

    private static string Version(long version) =>
        Bodies.Transaction("t", $$"""{"fields":["version"],"values":[[{{Bodies.Integer(version)}}]]}""");

    private static string NoRows => Bodies.Transaction("t", """{"fields":["revision"],"values":[]}""");

    private static string Revision(long revision) =>
        Bodies.Transaction("t", $$"""{"fields":["revision"],"values":[[{{Bodies.Integer(revision)}}]]}""");

    private static string Appended => Bodies.Transaction("t", $$"""{"fields":["appended"],"values":[[{{Bodies.Integer(1)}}]]}""");

    /// <summary>The answer to change-set-append (Neo4jChangeLogWiringTests.cs), which the store does not read.</summary>
    private static string Logged => Bodies.Transaction("t", """{"fields":["version"],"values":[]}""");

    /// <summary>One row holding the actor node <paramref name="id"/> at <paramref name="revision"/>, as actor-get answers.</summary>
    private static string ActorNode(string id, long revision) => Bodies.Transaction("t", Quoted(
        "{'fields':['a'],'values':[[{'$type':'Node','_value':{'_element_id':'4:ff:0','_labels':['Actor'],'_properties':{" +
        $"'id':{Text(id)},'name':{Text("Hub")},'kind':{Text("Cluster")},'country':{Text("FR")},'revision':{Bodies.Integer(revision)}" + "}}}]]}"));

    /// <summary>Rows of (r, source, target) for MOU relationships <paramref name="ids"/> from hub to x.</summary>
    private static string RelationshipRows(params string[] ids) => Bodies.Transaction("t",
        Quoted("{'fields':['r','source','target'],'values':[" + string.Join(",", ids.Select(RelationshipRow)) + "]}"));

    private static string RelationshipRow(string id) =>
        $"[{{'$type':'Relationship','_value':{{'_element_id':'5:ff:{id}','_start_node_element_id':'4:ff:0','_end_node_element_id':'4:ff:1'," +
        $"'_type':'MOU','_properties':{{'id':{Text(id)},'revision':{Bodies.Integer(1)}}}}}}},{Text("hub")},{Text("x")}]";

    private static string Text(string value) => $"{{'$type':'String','_value':'{value}'}}";

    /// <summary>The JSON above is written with single quotes for legibility.</summary>
    private static string Quoted(string json) => json.Replace('\'', '"');

    private static IEnumerable<(string Who, string Entity, string Id, string Operation)> AuditEntries(SeenRequest request)
    {
        var (statement, parameters) = Sent(request);
        Assert.Equal(CypherQueries.Get("audit-append"), statement);
        return parameters.GetProperty("entries").EnumerateArray().Select(e => (
            e.GetProperty("who").GetString()!, e.GetProperty("entity").GetString()!, e.GetProperty("entityId").GetString()!,
            e.GetProperty("operation").GetString()!));
    }

    private static (string Statement, JsonElement Parameters) Sent(SeenRequest request)
    {
        var root = JsonDocument.Parse(request.Body).RootElement;
        return (root.GetProperty("statement").GetString()!, root.GetProperty("parameters"));
    }

    [Fact]
    public async Task Creating_an_actor_bumps_the_version_first_and_writes_its_properties_in_one_transaction()
    {
        _server.Reply(Bodies.Transaction("t")).Reply(Version(42)).Reply(NoRows).Reply(Revision(1)).Reply(Appended).Reply(Logged).Reply("{}");
        using var store = Store();

        ChangeAuthor.Set("editor-key");
        var committed = await store.CreateActorAsync(Samples.FullActor("kicox"), CancellationToken.None);
        ChangeAuthor.Set(null);

        Assert.Equal((42L, 1L), (committed.Version, committed.Value.Revision));
        Assert.Equal(["/tx", "/tx/t", "/tx/t", "/tx/t", "/tx/t", "/tx/t", "/tx/t/commit"], _server.Requests.Select(r => r.Path["/db/neo4j/query/v2".Length..]));
        Assert.Equal(CypherQueries.Get("change-set-append"), Sent(_server.Requests[5]).Statement);
        Assert.Equal([("editor-key", "actor", "kicox", "create")], AuditEntries(_server.Requests[4]));
        var after = Sent(_server.Requests[4]).Parameters.GetProperty("entries")[0].GetProperty("after").GetString()!;
        Assert.Equal(Samples.FullActor("kicox").Contact, RecordJson.ReadActor(after).Contact);
        Assert.Equal(CypherQueries.Get("version-bump"), Sent(_server.Requests[1]).Statement);
        Assert.Equal(CypherQueries.Get("actor-revision"), Sent(_server.Requests[2]).Statement);
        var (statement, parameters) = Sent(_server.Requests[3]);
        Assert.Equal(CypherQueries.Get("actor-create"), statement);
        var properties = parameters.GetProperty("properties");
        Assert.Equal(["KICOX", "한국산업단지공단"], properties.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal("desk@example.org", properties.GetProperty("contactEmail").GetString());
        Assert.Equal(1, properties.GetProperty("revision").GetInt64());
        Assert.DoesNotContain(properties.EnumerateObject(), p => p.Value.ValueKind == JsonValueKind.Null);
    }

    [Fact]
    public async Task A_new_relationship_is_stored_under_its_catalogue_type_with_partial_dates_as_text()
    {
        _server.Reply(Bodies.Transaction("t")).Reply(Version(7)).Reply(NoRows).Reply(Revision(1)).Reply(Revision(1)).Reply(Revision(1))
            .Reply(Appended).Reply(Logged).Reply("{}");
        using var store = Store();

        await store.CreateRelationshipAsync(Samples.FullRelationship("met-1", "pole-eau", "kicox"), CancellationToken.None);

        var (statement, parameters) = Sent(_server.Requests[5]);
        Assert.Equal(CypherQueries.ForType("relationship-create", "MET_AT", RelationshipTypeCatalogue.Default), statement);
        var properties = parameters.GetProperty("properties");
        Assert.Equal(("2015-05", "2019", "2015-10-21"),
            (properties.GetProperty("since").GetString(), properties.GetProperty("until").GetString(), properties.GetProperty("eventDate").GetString()));
        Assert.Equal(0.35, properties.GetProperty("strength").GetDouble());
        Assert.True(properties.GetProperty("inferred").GetBoolean());
        Assert.Equal([(ChangeAuthor.System, "relationship", "met-1", "create")], AuditEntries(_server.Requests[6]));
    }

    [Fact]
    public async Task Deleting_an_actor_reports_the_removed_relationship_ids_in_order()
    {
        _server.Reply(Bodies.Transaction("t")).Reply(Version(3)).Reply(ActorNode("hub", 2)).Reply(RelationshipRows("a", "z"))
            .Reply(Bodies.Transaction("t", """{"fields":["removed"],"values":[[{"$type":"List","_value":[{"$type":"String","_value":"z"},{"$type":"String","_value":"a"}]}]]}"""))
            .Reply(Appended).Reply(Logged).Reply("{}");
        using var store = Store();

        var deletion = await store.DeleteActorAsync("hub", expectedRevision: 2, CancellationToken.None);

        Assert.Equal(["a", "z"], deletion.RemovedRelationshipIds);
        Assert.Equal(3, deletion.Version);
        Assert.Equal(CypherQueries.Get("actor-get"), Sent(_server.Requests[2]).Statement);
        Assert.Equal(
            [(ChangeAuthor.System, "relationship", "a", "delete"), (ChangeAuthor.System, "relationship", "z", "delete"), (ChangeAuthor.System, "actor", "hub", "delete")],
            AuditEntries(_server.Requests[5]));
    }

    [Fact]
    public async Task Seeding_a_store_seeded_before_rolls_back_so_the_version_does_not_move()
    {
        _server.Reply(Bodies.Transaction("t")).Reply(Version(9))
            .Reply(Bodies.Transaction("t", """{"fields":["seeded"],"values":[[{"$type":"Boolean","_value":true}]]}"""))
            .Reply("{}");
        using var store = Store();

        var seeded = await store.SeedOnceAsync([Samples.Actor("a1")], [], CancellationToken.None);

        Assert.False(seeded);
        Assert.Equal(HttpMethod.Delete, _server.Requests[^1].Method);
        Assert.DoesNotContain(_server.Requests, r => r.Path.EndsWith("/commit", StringComparison.Ordinal));
    }
}
