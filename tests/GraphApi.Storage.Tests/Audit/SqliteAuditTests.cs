using GraphApi.Core.Domain;
using GraphApi.Sqlite;
using Microsoft.Data.Sqlite;

namespace GraphApi.Storage.Tests.Audit;

/// <summary>
/// The embedded store's own audit machinery (triggers switched off for bulk inserts, upgraded triggers). What every
/// store promises about the trail is checked for both stores by the contract suite (GraphStoreContract.Audit).
/// </summary>
public sealed class SqliteAuditTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "graphapi-audit-tests", Guid.NewGuid().ToString("N"));
    private readonly SqliteGraphStore _store;

    public SqliteAuditTests() => _store = new SqliteGraphStore(Path.Combine(_folder, "graph.db"));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task A_large_streamed_upsert_audits_every_row_once_and_keeps_the_end_indexes_and_triggers()
    {
        await _store.InitializeAsync(default);
        const int Ties = 25_000; // past the point where the end indexes are dropped and rebuilt
        await using (var upsert = await _store.BeginBulkUpsertAsync(default))
        {
            upsert.Add(Actor("hub"));
            for (var i = 0; i < Ties; i++)
            {
                upsert.Add(Actor($"a{i}"));
            }
            for (var i = 0; i < Ties; i++)
            {
                upsert.Add(new Relationship { Id = $"t{i}", Source = $"a{i}", Target = "hub", Type = "MOU" });
            }
            await upsert.CommitAsync(default);
        }

        Assert.Equal((2L * Ties) + 1, await ScalarAsync("SELECT COUNT(DISTINCT entity_id) FROM audit WHERE operation = 'create'"));
        Assert.Equal((2L * Ties) + 1, await ScalarAsync("SELECT COUNT(*) FROM audit"));
        Assert.Equal(2L, await ScalarAsync("SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name IN ('ix_relationships_source', 'ix_relationships_target')"));
        // The insert triggers it dropped for the bulk are back: the next single write is audited by them.
        await _store.CreateActorAsync(Actor("late"), default);
        Assert.Equal(1L, await ScalarAsync("SELECT COUNT(*) FROM audit WHERE entity_id = 'late'"));
        // The index is there and used: deleting the hub removes its 25,000 ties through it.
        var deletion = await _store.DeleteActorAsync("hub", null, default);
        Assert.Equal(Ties, deletion.RemovedRelationshipIds.Count);
    }

    [Fact]
    public async Task A_store_made_with_the_older_insert_triggers_gets_the_new_ones_and_audits_once()
    {
        await _store.InitializeAsync(default);
        await ExecuteAsync("""
            DROP TRIGGER audit_actors_insert;
            CREATE TRIGGER audit_actors_insert AFTER INSERT ON actors BEGIN
                INSERT INTO audit (at, who, entity, entity_id, operation, before, after)
                VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), graphapi_change_author(), 'actor', NEW.id, 'create', NULL, NEW.body);
            END;
            """);
        SqliteConnection.ClearAllPools();

        await _store.InitializeAsync(default);
        await _store.UpsertAsync([Actor("aa"), Actor("bb")], [], default);
        await _store.CreateActorAsync(Actor("cc"), default);

        Assert.Equal(3L, await ScalarAsync("SELECT COUNT(*) FROM audit WHERE operation = 'create'"));
        Assert.Equal(1L, await ScalarAsync("SELECT COUNT(*) FROM sqlite_master WHERE name = 'audit_actors_insert' AND sql LIKE '%graphapi_row_audit%'"));
    }

    [Fact]
    public async Task The_store_runs_in_WAL_mode()
    {
        await _store.InitializeAsync(default);
        await using var connection = new SqliteConnection($"Data Source={_store.Path}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={_store.Path}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={_store.Path}");
        await connection.OpenAsync();
        connection.CreateFunction("graphapi_change_author", () => "test");
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static Actor Actor(string id) => new() { Id = id, Name = "Actor " + id, Kind = "Company", Country = "FR" };
}
