using GraphApi.Core.Introductions;
using GraphApi.Core.Storage;
using GraphApi.Sqlite;
using Microsoft.Data.Sqlite;

namespace GraphApi.Storage.Tests.Ledger;

/// <summary>The ledger contract on the embedded store, plus its audit rows.</summary>
public sealed class SqliteIntroductionStoreTests : IntroductionStoreContract
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "graphapi-ledger-tests", Guid.NewGuid().ToString("N"));

    private string DatabasePath => Path.Combine(_folder, "graph.db");

    protected override Task<IIntroductionStore> OpenAsync()
    {
        Directory.CreateDirectory(_folder);
        return Task.FromResult<IIntroductionStore>(new SqliteIntroductionStore(DatabasePath));
    }

    [Fact]
    public async Task Every_ledger_write_is_in_the_audit_log_under_its_author_and_the_graph_version_does_not_move()
    {
        var graph = new SqliteGraphStore(DatabasePath);
        await graph.InitializeAsync(None);
        var store = await OpenAsync();
        await store.InitializeAsync(None);
        var ask = new Introduction("intro-1", "a", "b", ["a", "b"], ["r"], null, new DateOnly(2026, 1, 2), "editor-key", DateTimeOffset.UnixEpoch, []);
        await store.CreateAsync(ask, None);
        await store.AppendEventAsync("intro-1", new IntroductionEvent(1, IntroductionEventKind.Declined, 1, new DateOnly(2026, 1, 3), null, "other-key", DateTimeOffset.UnixEpoch), None);

        var entries = await graph.ReadAuditAsync(new AuditQuery(10, EntityId: "intro-1"), None);

        Assert.Equal([("other-key", "event"), ("editor-key", "create")], entries.Select(e => (e.Who, e.Operation)));
        Assert.All(entries, e => Assert.Equal("introduction", e.EntityKind));
        Assert.Contains("\"declined\"", entries[0].After, StringComparison.Ordinal);
        Assert.Equal(0, await graph.GetVersionAsync(None));
    }

    [Fact]
    public async Task A_file_from_before_workspaces_gains_the_workspace_column_and_its_asks_read_as_public()
    {
        Directory.CreateDirectory(_folder);
        var old = new Introduction("intro-old", "a", "b", ["a", "b"], ["r"], null, new DateOnly(2026, 1, 2), "editor-key", DateTimeOffset.UnixEpoch, []);
        await using (var connection = new SqliteConnection($"Data Source={DatabasePath}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            // The ledger's table as it was before issue 28, with one ask in it.
            command.CommandText = """
                CREATE TABLE introductions (id TEXT PRIMARY KEY, requester TEXT NOT NULL, target TEXT NOT NULL, body TEXT NOT NULL);
                INSERT INTO introductions (id, requester, target, body) VALUES ('intro-old', 'a', 'b', $body);
                """;
            command.Parameters.AddWithValue("$body", IntroductionJson.Write(old));
            await command.ExecuteNonQueryAsync();
        }
        var store = await OpenAsync();
        await store.InitializeAsync(None);
        await store.CreateAsync(old with { Id = "intro-new", Workspace = "north" }, None);

        var loaded = await store.LoadAsync(None);

        Assert.Equal([("intro-new", "north"), ("intro-old", null)], loaded.Select(a => (a.Id, a.Workspace)));
        Assert.Equal(["intro-new"], await OwnedByAsync("north"));
    }

    /// <summary>The asks the database itself finds by the workspace column (not by reading bodies here).</summary>
    private async Task<List<string>> OwnedByAsync(string workspace)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id FROM introductions WHERE workspace = $workspace ORDER BY id";
        command.Parameters.AddWithValue("$workspace", workspace);
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetString(0));
        }
        return ids;
    }

    public override Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
        return Task.CompletedTask;
    }
}
