using System.Text.Json;
using GraphApi.Core.Domain;
using GraphApi.Core.Storage;
using GraphApi.Neo4j;
using GraphApi.Neo4j.QueryApi;
using GraphApi.Storage.Tests.Contract;
using GraphApi.Storage.Tests.QueryApi;

namespace GraphApi.Storage.Tests.Neo4j;

/// <summary>
/// What the Neo4j store sends for workspaces, checked without a server: the owning workspace travels as a property of
/// each record, and a workspace's deletion finds and removes its records by that property in the database.
/// </summary>
public sealed class Neo4jWorkspaceWiringTests
{
    private readonly FakeQueryApi _server = new();

    private Neo4jGraphStore Store() => new(new QueryApiClient(new Neo4jOptions
    {
        Uri = new Uri("http://neo4j.test:7474"),
        RetryDelay = TimeSpan.Zero,
    }, _server), RelationshipTypeCatalogue.Default);

    private static string Row(string field, string value) => Bodies.Transaction("t", $$"""{"fields":["{{field}}"],"values":[[{{value}}]]}""");

    private static string NoRows => Bodies.Transaction("t", """{"fields":["revision"],"values":[]}""");

    /// <summary>The answer to change-set-append (the change log, Neo4jChangeLogWiringTests), which the store does not read.</summary>
    private static string Logged => Bodies.Transaction("t", """{"fields":["version"],"values":[]}""");

    private static string Text(string value) => $$"""{"$type":"String","_value":"{{value}}"}""";

    private static string ActorNode(string id) =>
        "{\"$type\":\"Node\",\"_value\":{\"_element_id\":\"4:ff:9\",\"_labels\":[\"Actor\"],\"_properties\":{" +
        $"\"id\":{Text(id)},\"name\":{Text("Ours")},\"kind\":{Text("Company")},\"country\":{Text("FR")},\"workspace\":{Text("north")},\"revision\":{Bodies.Integer(1)}" + "}}}";

    private static string TieRow(string id) =>
        "[{\"$type\":\"Relationship\",\"_value\":{\"_element_id\":\"5:ff:1\",\"_start_node_element_id\":\"4:ff:0\",\"_end_node_element_id\":\"4:ff:9\",\"_type\":\"MOU\",\"_properties\":{" +
        $"\"id\":{Text(id)},\"workspace\":{Text("north")},\"revision\":{Bodies.Integer(1)}" + "}}}," + $"{Text("hub")},{Text("ours")}]";

    private static (string Statement, JsonElement Parameters) Sent(SeenRequest request)
    {
        var root = JsonDocument.Parse(request.Body).RootElement;
        return (root.GetProperty("statement").GetString()!, root.GetProperty("parameters"));
    }

    [Fact]
    public async Task A_private_actor_is_written_with_its_workspace_property()
    {
        _server.Reply(Bodies.Transaction("t")).Reply(Row("version", Bodies.Integer(4))).Reply(NoRows).Reply(Row("revision", Bodies.Integer(1)))
            .Reply(Row("appended", Bodies.Integer(1))).Reply(Logged).Reply("{}");
        using var store = Store();

        await store.CreateActorAsync(Samples.Actor("ours") with { Workspace = "north" }, CancellationToken.None);

        var (statement, parameters) = Sent(_server.Requests[3]);
        Assert.Equal(CypherQueries.Get("actor-create"), statement);
        Assert.Equal("north", parameters.GetProperty("properties").GetProperty("workspace").GetString());
    }

    [Fact]
    public async Task Deleting_a_workspace_reads_its_records_by_workspace_then_deletes_them_in_the_database_in_one_transaction()
    {
        _server.Reply(Bodies.Transaction("t")).Reply(Row("version", Bodies.Integer(8))).Reply(Row("revision", Bodies.Integer(2)))
            .Reply(Bodies.Transaction("t", $$"""{"fields":["r","source","target"],"values":[{{TieRow("we-know")}}]}"""))
            .Reply(Bodies.Transaction("t", $$"""{"fields":["a"],"values":[[{{ActorNode("ours")}}]]}"""))
            .Reply(Bodies.Transaction("t", $$"""{"fields":["relationships","actors"],"values":[[{{Bodies.Integer(1)}},{{Bodies.Integer(1)}}]]}"""))
            .Reply(Row("appended", Bodies.Integer(2))).Reply(Logged).Reply("{}");
        using var store = Store();

        var deletion = (await store.WriteAsync(new StoreWrite.DeleteWorkspace("north", ExpectedRevision: 2), CancellationToken.None)).Value;

        Assert.Equal(["ours"], deletion.RemovedActorIds);
        Assert.Equal(["we-know"], deletion.RemovedRelationshipIds);
        Assert.Equal(["/tx", "/tx/t", "/tx/t", "/tx/t", "/tx/t", "/tx/t", "/tx/t", "/tx/t", "/tx/t/commit"], _server.Requests.Select(r => r.Path["/db/neo4j/query/v2".Length..]));
        Assert.Equal(CypherQueries.Get("version-bump"), Sent(_server.Requests[1]).Statement);
        Assert.Equal([CypherQueries.Get("workspace-revision"), CypherQueries.Get("workspace-relationships"), CypherQueries.Get("workspace-actors"), CypherQueries.Get("workspace-delete")],
            _server.Requests.Skip(2).Take(4).Select(r => Sent(r).Statement));
        Assert.All(_server.Requests.Skip(3).Take(3), r => Assert.Equal("north", Sent(r).Parameters.GetProperty("workspace").GetString()));
        Assert.All(["workspace-actors", "workspace-relationships", "workspace-delete"], name => Assert.Contains("workspace = $workspace", CypherQueries.Get(name), StringComparison.Ordinal));
        Assert.Equal(CypherQueries.Get("audit-append"), Sent(_server.Requests[6]).Statement);
        // The change log carries the removals, so a replica drops the workspace's records without a reload.
        var (logStatement, logParameters) = Sent(_server.Requests[7]);
        Assert.Equal(CypherQueries.Get("change-set-append"), logStatement);
        Assert.Equal(["ours"], logParameters.GetProperty("removedActors").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["we-know"], logParameters.GetProperty("removedRelationships").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task A_workspace_is_created_after_a_check_for_its_id_in_one_transaction()
    {
        _server.Reply(Bodies.Transaction("t")).Reply(NoRows).Reply(Row("revision", Bodies.Integer(1))).Reply("{}");
        using var store = Store();

        var created = await store.CreateWorkspaceAsync(new Workspace("north", "North"), CancellationToken.None);

        Assert.Equal(1, created.Revision);
        Assert.Equal([CypherQueries.Get("workspace-revision"), CypherQueries.Get("workspace-create")], _server.Requests.Skip(1).Take(2).Select(r => Sent(r).Statement));
        Assert.Equal("North", Sent(_server.Requests[2]).Parameters.GetProperty("name").GetString());
    }
}
