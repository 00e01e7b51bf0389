using System.Text.Json;
using GraphApi.Core.Domain;
using GraphApi.Core.Storage;
using GraphApi.Neo4j;
using GraphApi.Storage.Tests.Contract;
using GraphApi.Storage.Tests.QueryApi;

namespace GraphApi.Storage.Tests.Neo4j;

/// <summary>
/// The change log's statements, checked without a server: each write appends its change set after its audit entries
/// (and every thousandth version prunes), and a replica's read folds the change sets or answers "reload".
/// </summary>
public sealed partial class Neo4jGraphStoreWiringTests
{
    private static string TypedText(string value) => $$"""{"$type":"String","_value":{{JsonSerializer.Serialize(value)}}}""";

    private static string TypedList(IEnumerable<string> typedItems) => $$"""{"$type":"List","_value":[{{string.Join(",", typedItems)}}]}""";

    /// <summary>One change set as change-log-read projects it; null lists are properties the writer left out.</summary>
    private static string ChangeSet(long version, bool reset = false, Actor[]? actors = null, string[]? removedActors = null,
        Relationship[]? relationships = null, string[]? removedRelationships = null)
    {
        static string ListOrNull(IEnumerable<string>? texts) => texts is null ? """{"$type":"Null","_value":null}""" : TypedList(texts.Select(TypedText));
        var fields = new[]
        {
            $"\"version\":{Bodies.Integer(version)}",
            $"\"reset\":{{\"$type\":\"Boolean\",\"_value\":{(reset ? "true" : "false")}}}",
            $"\"actors\":{ListOrNull(actors?.Select(Neo4jChangeJson.Write))}",
            $"\"removedActors\":{ListOrNull(removedActors)}",
            $"\"relationships\":{ListOrNull(relationships?.Select(Neo4jChangeJson.Write))}",
            $"\"removedRelationships\":{ListOrNull(removedRelationships)}",
        };
        return "{\"$type\":\"Map\",\"_value\":{" + string.Join(",", fields) + "}}";
    }

    private static string LogRead(long version, long floor, params string[] changeSets) => Bodies.Rows("""["version","floor","changes"]""",
        $"[[{Bodies.Integer(version)},{Bodies.Integer(floor)},{TypedList(changeSets)}]]");

    private static string[]? Texts(JsonElement parameters, string name) => parameters.GetProperty(name).ValueKind == JsonValueKind.Null
        ? null
        : [.. parameters.GetProperty(name).EnumerateArray().Select(e => e.GetString()!)];

    [Fact]
    public async Task A_write_appends_its_change_set_under_the_bumped_version_after_its_audit_entries()
    {
        _server.Reply(Bodies.Transaction("t")).Reply(Version(3)).Reply(ActorNode("hub", 2)).Reply(RelationshipRows("a", "z"))
            .Reply(Bodies.Transaction("t", """{"fields":["removed"],"values":[[{"$type":"List","_value":[{"$type":"String","_value":"z"},{"$type":"String","_value":"a"}]}]]}"""))
            .Reply(Appended).Reply(Logged).Reply("{}");
        using var store = Store();

        await store.DeleteActorAsync("hub", expectedRevision: 2, CancellationToken.None);

        Assert.Equal(CypherQueries.Get("audit-append"), Sent(_server.Requests[5]).Statement);
        var (statement, parameters) = Sent(_server.Requests[6]);
        Assert.Equal(CypherQueries.Get("change-set-append"), statement);
        Assert.Equal((3, false), (parameters.GetProperty("version").GetInt64(), parameters.GetProperty("reset").GetBoolean()));
        Assert.Equal(["hub"], Texts(parameters, "removedActors")!);
        Assert.Equal(["a", "z"], Texts(parameters, "removedRelationships")!);
        Assert.Null(Texts(parameters, "actors"));
        Assert.Null(Texts(parameters, "relationships"));
        Assert.EndsWith("/commit", _server.Requests[7].Path, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_update_logs_exactly_the_properties_it_stored()
    {
        _server.Reply(Bodies.Transaction("t")).Reply(Version(8)).Reply(ActorNode("hub", 2)).Reply(Bodies.Transaction("t"))
            .Reply(Appended).Reply(Logged).Reply("{}");
        using var store = Store();

        await store.UpdateActorAsync(Samples.FullActor("hub"), expectedRevision: 2, CancellationToken.None);

        var stored = Sent(_server.Requests[3]);
        Assert.Equal(CypherQueries.Get("actor-update"), stored.Statement);
        var logged = Sent(_server.Requests[5]).Parameters;
        var actor = Assert.Single(Texts(logged, "actors")!);
        Assert.True(JsonElement.DeepEquals(stored.Parameters.GetProperty("properties"), JsonDocument.Parse(actor).RootElement));
        Assert.Equal(RecordJson.Write(Samples.FullActor("hub") with { Revision = 3 }), RecordJson.Write(Neo4jChangeJson.ReadActor(actor)));
    }

    [Fact]
    public async Task Every_thousandth_version_past_the_retained_window_prunes_the_log_in_its_own_transaction()
    {
        _server.Reply(Bodies.Transaction("t")).Reply(Version(11_000)).Reply(RelationshipRows("r1")).Reply(Bodies.Transaction("t"))
            .Reply(Appended).Reply(Logged).Reply(Bodies.Transaction("t")).Reply("{}");
        using var store = Store();

        await store.DeleteRelationshipAsync("r1", null, CancellationToken.None);

        Assert.Equal(CypherQueries.Get("change-set-append"), Sent(_server.Requests[5]).Statement);
        var (statement, parameters) = Sent(_server.Requests[6]);
        Assert.Equal(CypherQueries.Get("change-log-prune"), statement);
        Assert.Equal(11_000 - Neo4jGraphStore.RetainedVersions, parameters.GetProperty("floor").GetInt64());
        Assert.EndsWith("/commit", _server.Requests[7].Path, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_replica_reads_the_change_sets_after_its_version_folded_last_state_first()
    {
        var x = Samples.FullActor("x") with { Revision = 1 };
        var tie = Samples.FullRelationship("r", "x", "y") with { Revision = 1 };
        _server.Reply(LogRead(5, 0,
            ChangeSet(4, actors: [x], relationships: [tie]),
            ChangeSet(5, actors: [x with { Name = "X renamed", Revision = 2 }], removedActors: ["y"], removedRelationships: ["r"])));
        using var store = Store();

        var changes = await store.ChangesSinceAsync(3, CancellationToken.None);

        var (statement, parameters) = Sent(Assert.Single(_server.Requests));
        Assert.Equal(CypherQueries.Get("change-log-read"), statement);
        Assert.Equal(3, parameters.GetProperty("since").GetInt64());
        Assert.NotNull(changes);
        Assert.Equal(5, changes.Version);
        Assert.Equal([RecordJson.Write(x with { Name = "X renamed", Revision = 2 })], changes.Actors.Select(RecordJson.Write));
        Assert.Equal(["y"], changes.RemovedActorIds);
        Assert.Equal(["r"], changes.RemovedRelationshipIds);
        Assert.Empty(changes.Relationships);
    }

    [Theory]
    [InlineData(3, 5, 0, "4", "a version without a change set")]
    [InlineData(3, 5, 0, "4,5!", "a reset")]
    [InlineData(3, 5, 4, "", "the floor above the replica")]
    [InlineData(3, 2, 0, "", "a store behind the replica")]
    public async Task The_log_does_not_reach_back_past(long since, long version, long floor, string sets, string because)
    {
        _server.Reply(LogRead(version, floor, [.. sets.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(s => ChangeSet(long.Parse(s.TrimEnd('!')), reset: s.EndsWith('!')))]));
        using var store = Store();

        Assert.True(await store.ChangesSinceAsync(since, CancellationToken.None) is null, because);
    }

    [Fact]
    public void The_change_log_statements_keep_what_exactness_rests_on()
    {
        var read = CypherQueries.Get("change-log-read");
        var append = CypherQueries.Get("change-set-append");

        // The store's version is read before the change sets, and none past it is taken: they are the store at that version.
        Assert.True(read.IndexOf("v.version AS version", StringComparison.Ordinal) < read.IndexOf("OPTIONAL MATCH (c:ChangeSet)", StringComparison.Ordinal));
        Assert.Contains("WHERE $since >= floor AND c.version > $since AND c.version <= version", read, StringComparison.Ordinal);
        Assert.Contains("CREATE (c:ChangeSet {version: $version, reset: $reset})", append, StringComparison.Ordinal);
        Assert.Contains("SET v.logFloor = CASE WHEN coalesce(v.logFloor, 0) < $floor THEN $floor ELSE v.logFloor END",
            CypherQueries.Get("change-log-prune"), StringComparison.Ordinal);
        // One change set per version: a second for the same version would be a bug, and the constraint refuses it.
        Assert.Contains(CypherQueries.Schema(), s => s.Contains("FOR (c:ChangeSet) REQUIRE c.version IS UNIQUE", StringComparison.Ordinal));
        Assert.Contains(CypherQueries.Schema(), s => s.Contains("WHERE v.logFloor IS NULL", StringComparison.Ordinal));
    }

    [Fact]
    public void A_logged_record_reads_back_as_a_load_reads_the_stored_one()
    {
        var full = Samples.FullRelationship("met-1", "a", "b") with { Strength = 1.0, Revision = 4 };
        var sparse = Samples.Actor("a") with { City = "", Revision = 2 };

        Assert.Equal(full, Neo4jChangeJson.ReadRelationship(Neo4jChangeJson.Write(full)));
        // Neo4j keeps no empty text, so a load reads the city as absent; the log says the same.
        Assert.Equal(RecordJson.Write(sparse with { City = null }), RecordJson.Write(Neo4jChangeJson.ReadActor(Neo4jChangeJson.Write(sparse))));
    }

    [Fact]
    public void A_change_set_keeps_the_last_state_of_each_id_and_resets_when_it_cannot_say_what_was_stored()
    {
        var merged = new Neo4jChangeSet();
        merged.RemoveRelationship("r");
        merged.Put(Samples.Relationship("r", "a", "b"));
        var twice = new Neo4jChangeSet();
        twice.Put(Samples.Actor("a"));
        twice.Put(Samples.Actor("a"));
        var large = new Neo4jChangeSet();
        for (var i = 0; i <= Neo4jChangeSet.MaxLoggedRows; i++)
        {
            large.RemoveActor($"a{i}");
        }

        Assert.Equal((1, false), (merged.Rows, merged.Reset));
        Assert.True(twice.Reset);
        Assert.True(large.Reset);
    }
}
