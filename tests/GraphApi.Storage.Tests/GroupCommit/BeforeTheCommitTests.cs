using GraphApi.Core.Domain;
using GraphApi.Core.Graph;
using GraphApi.Core.Storage;
using GraphApi.Sqlite;

namespace GraphApi.Storage.Tests.GroupCommit;

/// <summary>
/// What the snapshot derives from a write's records is worked out before the commit. Writes go in here the way the
/// store sees them (<see cref="GraphService.CommitAsync"/>, past every record rule, so whatever the text rule misses):
/// a record the store or the snapshot cannot hold as sent (an unpaired surrogate, a date with no day number) is refused
/// with nothing stored and nothing audited; anything else, U+FFFE included, is stored, shown and searchable, and the
/// service keeps writing.
/// </summary>
public sealed class BeforeTheCommitTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "graphapi-before-commit", Guid.NewGuid().ToString("N"));
    private GraphService _graph = null!;

    private static Actor Actor(string id, string name) => new() { Id = id, Name = name, Kind = "Cluster", Country = "FR" };

    // Async, so a refusal before the queue lands in the task like any other outcome.
    private async Task CreateAsync(Actor actor) => await _graph.CommitAsync(new StoreWrite.CreateActor(actor), CancellationToken.None);

    public async Task InitializeAsync()
    {
        _graph = new GraphService(new SqliteGraphStore(Path.Combine(_folder, "graph.db")), RelationshipTypeCatalogue.Default, Regions.Default);
        await _graph.Store.InitializeAsync(CancellationToken.None);
        await _graph.ReloadAsync(CancellationToken.None);
        await _graph.UpsertAsync([Actor("hub", "Hub")], [], CancellationToken.None);
    }

    public Task DisposeAsync()
    {
        _graph.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_lone_surrogate_is_refused_before_the_commit_with_nothing_stored_or_audited()
    {
        var versionBefore = await _graph.Store.GetVersionAsync(CancellationToken.None);
        var auditBefore = await _graph.Store.ReadAuditAsync(new AuditQuery(100), CancellationToken.None);

        var refused = await Assert.ThrowsAsync<DomainValidationException>(() => _graph.CommitAsync(
            new StoreWrite.Upsert([Actor("fine", "Fine"), Actor("broken", "Broken \uD800 name") with { Aliases = ["ok", "\uDC00"] }], []), CancellationToken.None));

        var errors = refused.Errors.ToDictionary();
        Assert.Equal(["actors[1].aliases[1]", "actors[1].name"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("U+D800", errors["actors[1].name"][0], StringComparison.Ordinal);
        Assert.Equal(versionBefore, await _graph.Store.GetVersionAsync(CancellationToken.None));
        Assert.Equal(auditBefore.Count, (await _graph.Store.ReadAuditAsync(new AuditQuery(100), CancellationToken.None)).Count);
        Assert.Equal(["hub"], (await _graph.Store.LoadAsync(CancellationToken.None)).Actors.Select(a => a.Id));
        Assert.Null(_graph.Snapshot.FindActor("fine"));

        var single = await Assert.ThrowsAsync<DomainValidationException>(() => _graph.CommitAsync(
            new StoreWrite.CreateActor(Actor("lone", "Lone \uDBFF")), CancellationToken.None));
        Assert.Equal(["name"], single.Errors.ToDictionary().Keys);
        Assert.Equal(versionBefore, await _graph.Store.GetVersionAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_relationship_the_snapshot_cannot_index_is_refused_before_the_commit()
    {
        var versionBefore = await _graph.Store.GetVersionAsync(CancellationToken.None);
        // A date no caller can send (year 0): the snapshot cannot turn it into a day number.
        var undated = new Relationship { Id = "hub-self", Source = "hub", Target = "hub", Type = "MOU", Since = default(PartialDate) };

        var refused = await Assert.ThrowsAsync<DomainValidationException>(() => _graph.CommitAsync(new StoreWrite.Upsert([], [undated]), CancellationToken.None));
        var single = await Assert.ThrowsAsync<DomainValidationException>(() => _graph.CommitAsync(new StoreWrite.CreateRelationship(undated), CancellationToken.None));

        Assert.Equal(["relationships[0]"], refused.Errors.ToDictionary().Keys);
        Assert.Equal(["body"], single.Errors.ToDictionary().Keys);
        Assert.Equal(versionBefore, await _graph.Store.GetVersionAsync(CancellationToken.None));
        Assert.Empty((await _graph.Store.LoadAsync(CancellationToken.None)).Relationships);
    }

    [Fact]
    public async Task A_noncharacter_the_normaliser_refuses_is_stored_shown_and_searchable_and_writes_go_on()
    {
        // U+FFFE made the snapshot's search folding throw after the commit: 500, then every later write failed.
        var created = await _graph.CommitAsync(new StoreWrite.CreateActor(Actor("odd", "Odd\uFFFEname")), CancellationToken.None);

        Assert.Equal(created.Version, _graph.Snapshot.Version);
        Assert.Equal("Odd\uFFFEname", _graph.Snapshot.FindActor("odd")?.Name);
        Assert.Equal("Odd\uFFFEname", (await _graph.Store.LoadAsync(CancellationToken.None)).Actors.Single(a => a.Id == "odd").Name);
        Assert.True(_graph.Snapshot.Matches(_graph.Snapshot.IndexOf("odd"), TextSearch.Fold("ODD\uFFFE")));

        var next = await _graph.CreateActorAsync(Actor("after", "After"), CancellationToken.None);
        Assert.Equal(1, next.Revision);
        Assert.NotNull(_graph.Snapshot.FindActor("after"));
        Assert.Equal(await _graph.Store.GetVersionAsync(CancellationToken.None), _graph.Snapshot.Version);
    }

    [Fact]
    public async Task A_refused_write_fails_alone_and_its_batch_mates_commit()
    {
        var writes = Enumerable.Range(0, 20).Select(i => i == 7
            ? CreateAsync(Actor("bad", "\uDBFF"))
            : CreateAsync(Actor($"good-{i:D2}", $"Good {i}"))).ToList();

        await Assert.ThrowsAsync<DomainValidationException>(() => writes[7]);
        await Task.WhenAll(writes.Where((_, i) => i != 7));
        var stored = await _graph.Store.LoadAsync(CancellationToken.None);
        Assert.Equal(20, stored.Actors.Count); // the hub and nineteen good ones
        Assert.Equal(stored.Version, _graph.Snapshot.Version);
        Assert.Equal(stored.Actors.Select(a => (a.Id, a.Revision)), _graph.Snapshot.Actors.Select(a => (a.Id, a.Revision)));
    }
}
