using GraphApi.Core.Domain;

namespace GraphApi.Core.Storage;

/// <summary>
/// An upsert fed one row at a time, for imports too large to hold in memory: all or nothing, like
/// <see cref="IGraphStore.UpsertAsync"/>. Add every actor before the relationships that refer to them. Disposing it
/// without <see cref="CommitAsync"/> writes nothing.
/// </summary>
public interface IBulkUpsert : IAsyncDisposable
{
    /// <exception cref="StoreException">The store refused the row (and will write nothing of this upsert).</exception>
    void Add(Actor actor);

    /// <exception cref="StoreReferenceException">An end is not an actor of the store or of this upsert.</exception>
    void Add(Relationship relationship);

    /// <summary>Commits every row added, as one change version.</summary>
    /// <returns>The store's new version.</returns>
    Task<long> CommitAsync(CancellationToken cancellationToken);
}

/// <summary>
/// The default for stores with nothing better: holds the rows and hands them to <see cref="IGraphStore.UpsertAsync"/>
/// on commit (the Neo4j store then writes them in UNWIND batches within one transaction).
/// </summary>
public sealed class BufferedBulkUpsert(IGraphStore store) : IBulkUpsert
{
    private readonly List<Actor> _actors = [];
    private readonly List<Relationship> _relationships = [];

    public void Add(Actor actor) => _actors.Add(actor);

    public void Add(Relationship relationship) => _relationships.Add(relationship);

    public Task<long> CommitAsync(CancellationToken cancellationToken) => store.UpsertAsync(_actors, _relationships, cancellationToken);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
