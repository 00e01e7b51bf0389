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
