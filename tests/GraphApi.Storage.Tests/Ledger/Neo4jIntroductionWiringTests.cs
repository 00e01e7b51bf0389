using System.Text.Json;
using GraphApi.Core.Introductions;
using GraphApi.Core.Storage;
using GraphApi.Neo4j;
using GraphApi.Neo4j.QueryApi;
using GraphApi.Storage.Tests.QueryApi;

namespace GraphApi.Storage.Tests.Ledger;

/// <summary>The Neo4j ledger store without a server: the properties it writes read back to the same ask, and a lost sequence race rolls back.</summary>
public sealed class Neo4jIntroductionWiringTests
{
    private readonly FakeQueryApi _server = new();

    private Neo4jIntroductionStore Store() => new(new QueryApiClient(new Neo4jOptions
    {
        Uri = new Uri("http://neo4j.test:7474"),
        RetryDelay = TimeSpan.Zero,
    }, _server));

    private static readonly Introduction Ask = new("intro-1", "biocat", "kicox", ["biocat", "accio", "kicox"], ["r-1", "r-2"], "a note",
        new DateOnly(2026, 10, 5), "eddie", new DateTimeOffset(2026, 10, 5, 8, 0, 0, 250, TimeSpan.Zero), []);

    private static readonly IntroductionEvent[] Events =
    [
        new(1, IntroductionEventKind.Forwarded, 1, new DateOnly(2026, 10, 6), null, "eddie", new DateTimeOffset(2026, 10, 6, 9, 0, 0, TimeSpan.Zero)),
        new(2, IntroductionEventKind.NoAnswer, 2, new DateOnly(2026, 10, 30), "two reminders", "ada", new DateTimeOffset(2026, 10, 30, 9, 0, 0, TimeSpan.Zero)),
    ];

    /// <summary>Neo4j's typed JSON for the node the store would have written with these properties.</summary>
    private static string Node(string label, Dictionary<string, object?> properties)
    {
        var typed = string.Join(",", properties.Select(p => JsonSerializer.Serialize(p.Key) + ":" + Typed(p.Value)));
        return "{\"$type\":\"Node\",\"_value\":{\"_element_id\":\"4:x:" + label + "\",\"_labels\":[\"" + label + "\"],\"_properties\":{" + typed + "}}}";
    }

    private static string Typed(object? value) => value switch
    {
        string text => $$"""{"$type":"String","_value":{{JsonSerializer.Serialize(text)}}}""",
        long number => Bodies.Integer(number),
        string[] list => $$"""{"$type":"List","_value":[{{string.Join(",", list.Select(Typed))}}]}""",
        _ => throw new ArgumentException($"no typed JSON for {value}", nameof(value)),
    };

    [Fact]
    public async Task What_the_store_writes_reads_back_as_the_same_ask_with_events_in_sequence()
    {
        var events = string.Join(",", Events.Reverse().Select(e => Node("IntroductionEvent", Neo4jIntroductionMapping.Properties(e))));
        _server.Reply(Bodies.Rows("""["i","events"]""", $$"""[[{{Node("Introduction", Neo4jIntroductionMapping.Properties(Ask))}},{"$type":"List","_value":[{{events}}]}]]"""));
        using var store = Store();

        var loaded = (await store.LoadAsync(CancellationToken.None)).Single();

        Assert.Equal(IntroductionJson.Write(Ask), IntroductionJson.Write(loaded));
        Assert.Equal(Events, loaded.Events);
        Assert.Equal(CypherQueries.Get("introductions-all"), JsonDocument.Parse(_server.Requests[0].Body).RootElement.GetProperty("statement").GetString());
    }

    [Fact]
    public async Task A_private_ask_is_written_with_its_workspace_and_reads_back_with_it()
    {
        var owned = Ask with { Workspace = "north" };
        _server.Reply(Bodies.Rows("""["i","events"]""", $$"""[[{{Node("Introduction", Neo4jIntroductionMapping.Properties(owned))}},{"$type":"List","_value":[]}]]"""));
        using var store = Store();

        var loaded = (await store.LoadAsync(CancellationToken.None)).Single();

        Assert.Equal("north", Neo4jIntroductionMapping.Properties(owned)["workspace"]);
        Assert.False(Neo4jIntroductionMapping.Properties(Ask).ContainsKey("workspace"));
        Assert.Equal("north", loaded.Workspace);
        Assert.Equal(IntroductionJson.Write(owned), IntroductionJson.Write(loaded));
    }

    [Fact]
    public async Task An_append_that_finds_the_count_moved_rolls_back_and_is_a_conflict()
    {
        _server.Reply(Bodies.Transaction("t"))
            .Reply(Bodies.Transaction("t", $$"""{"fields":["recorded"],"values":[[{{Bodies.Integer(2)}}]]}"""))
            .Reply(Bodies.Transaction("t", """{"fields":["recorded"],"values":[]}"""))
            .Reply("{}");
        using var store = Store();

        await Assert.ThrowsAsync<StoreConflictException>(() => store.AppendEventAsync("intro-1", Events[1], CancellationToken.None));

        Assert.Equal(HttpMethod.Delete, _server.Requests[^1].Method);
        var parameters = JsonDocument.Parse(_server.Requests[2].Body).RootElement.GetProperty("parameters");
        Assert.Equal(2, parameters.GetProperty("sequence").GetInt64());
        Assert.Equal("no-answer", parameters.GetProperty("properties").GetProperty("kind").GetString());
        Assert.Equal("2026-10-30", parameters.GetProperty("properties").GetProperty("date").GetString());
        Assert.Equal(2, parameters.GetProperty("properties").GetProperty("step").GetInt64());
    }

    [Fact]
    public async Task An_appended_event_is_audited_in_its_own_transaction_under_its_recorder_and_its_asks_workspace()
    {
        _server.Reply(Bodies.Transaction("t"))
            .Reply(Bodies.Transaction("t", $$"""{"fields":["recorded","workspace"],"values":[[{{Bodies.Integer(1)}},{{Typed("north")}}]]}"""))
            .Reply(Bodies.Transaction("t", $$"""{"fields":["recorded"],"values":[[{{Bodies.Integer(2)}}]]}"""))
            .Reply(Bodies.Transaction("t", $$"""{"fields":["appended"],"values":[[{{Bodies.Integer(1)}}]]}"""))
            .Reply("{}");
        using var store = Store();

        await store.AppendEventAsync("intro-1", Events[1], CancellationToken.None);

        Assert.EndsWith("/commit", _server.Requests[^1].Path, StringComparison.Ordinal);
        var audit = JsonDocument.Parse(_server.Requests[3].Body).RootElement;
        Assert.Equal(CypherQueries.Get("audit-append"), audit.GetProperty("statement").GetString());
        var entry = Assert.Single(audit.GetProperty("parameters").GetProperty("entries").EnumerateArray());
        Assert.Equal(("ada", "introduction", "intro-1", "event"),
            (entry.GetProperty("who").GetString(), entry.GetProperty("entity").GetString(), entry.GetProperty("entityId").GetString(), entry.GetProperty("operation").GetString()));
        Assert.Contains("two reminders", entry.GetProperty("after").GetString(), StringComparison.Ordinal);
        Assert.Equal("north", entry.GetProperty("workspace").GetString());
    }

    [Fact]
    public async Task Deleting_a_workspaces_asks_finds_and_deletes_them_by_workspace_in_the_database_and_audits_each()
    {
        var owned = Ask with { Workspace = "north" };
        _server.Reply(Bodies.Transaction("t"))
            .Reply(Bodies.Transaction("t", $$"""{"fields":["i"],"values":[[{{Node("Introduction", Neo4jIntroductionMapping.Properties(owned))}}]]}"""))
            .Reply(Bodies.Transaction("t"))
            .Reply(Bodies.Transaction("t"))
            .Reply("{}");
        using var store = Store();

        var deleted = await store.DeleteWorkspaceAsync("north", CancellationToken.None);

        Assert.Equal(["intro-1"], deleted);
        var statements = _server.Requests.Skip(1).Take(2).Select(r => JsonDocument.Parse(r.Body).RootElement).ToArray();
        Assert.Equal([CypherQueries.Get("introductions-of-workspace"), CypherQueries.Get("introductions-delete-workspace")],
            statements.Select(st => st.GetProperty("statement").GetString()));
        Assert.All(statements, st => Assert.Equal("north", st.GetProperty("parameters").GetProperty("workspace").GetString()));
        var entry = Assert.Single(JsonDocument.Parse(_server.Requests[3].Body).RootElement.GetProperty("parameters").GetProperty("entries").EnumerateArray());
        Assert.Equal(("delete", "north"), (entry.GetProperty("operation").GetString(), entry.GetProperty("workspace").GetString()));
        Assert.EndsWith("/commit", _server.Requests[^1].Path, StringComparison.Ordinal);
    }
}
