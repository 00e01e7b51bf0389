using GraphApi.Core.Domain;
using GraphApi.Core.Storage;
using GraphApi.Sqlite;
using Microsoft.Data.Sqlite;

namespace GraphApi.Storage.Tests.Audit;

/// <summary>The audit trail is written by the store in the transaction of each change: all of it or none of it.</summary>
public sealed class SqliteAuditTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "graphapi-audit-tests", Guid.NewGuid().ToString("N"));
    private readonly SqliteGraphStore _store;
    private readonly SqliteAuditLog _log;

    public SqliteAuditTests()
    {
        var path = Path.Combine(_folder, "graph.db");
        _store = new SqliteGraphStore(path);
        _log = new SqliteAuditLog(path);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task A_committed_change_has_its_entry_with_the_author()
    {
        await _store.InitializeAsync(default);
        ChangeAuthor.Set("tester");
        await _store.CreateActorAsync(Actor("aa"), default);
        var entry = Assert.Single(await _log.ReadAsync(new AuditQuery(10), default));
        Assert.Equal(("tester", "actor", "aa", "create"), (entry.Who, entry.EntityKind, entry.EntityId, entry.Operation));
        Assert.Null(entry.Before);
        Assert.Contains("\"name\":\"Actor aa\"", entry.After, StringComparison.Ordinal);
        Assert.InRange(entry.At, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(5));
    }

    [Fact]
    public async Task A_batch_that_fails_half_way_leaves_neither_data_nor_audit_entries()
    {
        await _store.InitializeAsync(default);
        var dangling = new Relationship { Id = "aa-zz", Source = "aa", Target = "zz", Type = "MOU" };
        await Assert.ThrowsAnyAsync<Exception>(() => _store.UpsertAsync([Actor("aa"), Actor("bb")], [dangling], default));
        Assert.Empty((await _store.LoadAsync(default)).Actors);
        Assert.Empty(await _log.ReadAsync(new AuditQuery(10), default));
    }

    [Fact]
    public async Task Without_an_author_changes_are_recorded_as_system()
    {
        await _store.InitializeAsync(default);
        ChangeAuthor.Set(null);
        await _store.SeedOnceAsync([Actor("aa"), Actor("bb")], [], default);
        var entries = await _log.ReadAsync(new AuditQuery(10), default);
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.Equal(ChangeAuthor.System, e.Who));
    }

    [Fact]
    public async Task A_bulk_upsert_audits_each_created_and_updated_row_with_its_author_and_bodies()
    {
        await _store.InitializeAsync(default);
        ChangeAuthor.Set("first");
        await _store.CreateActorAsync(Actor("aa"), default);
        ChangeAuthor.Set("importer");
        var tie = new Relationship { Id = "aa-bb", Source = "aa", Target = "bb", Type = "MOU" };
        await _store.UpsertAsync([Actor("aa") with { City = "Lyon" }, Actor("bb")], [tie], default);

        var entries = (await _log.ReadAsync(new AuditQuery(10), default)).Reverse().ToList();
        Assert.Equal(
            [("first", "aa", "create"), ("importer", "aa", "update"), ("importer", "bb", "create"), ("importer", "aa-bb", "create")],
            entries.Select(e => (e.Who, e.EntityId, e.Operation)));
        var update = entries[1];
        Assert.DoesNotContain("Lyon", update.Before, StringComparison.Ordinal);
        Assert.Contains("\"city\":\"Lyon\"", update.After, StringComparison.Ordinal);
        Assert.Null(entries[2].Before);
        Assert.Contains("\"name\":\"Actor bb\"", entries[2].After, StringComparison.Ordinal);
        Assert.Equal(("relationship", "{\"id\":\"aa-bb\""), (entries[3].EntityKind, entries[3].After![..13]));
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
