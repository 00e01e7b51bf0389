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
    public async Task The_store_runs_in_WAL_mode()
    {
        await _store.InitializeAsync(default);
        await using var connection = new SqliteConnection($"Data Source={_store.Path}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }

    private static Actor Actor(string id) => new() { Id = id, Name = "Actor " + id, Kind = "Company", Country = "FR" };
}
