using GraphApi.Core.Domain;

namespace GraphApi.Core.Storage;

/// <summary>
/// An upsert fed one row at a time, for imports too large to hold in memory: all or nothing, like
/// <see cref="StoreWrite.Upsert"/>. Add every actor before the relationships that refer to them. Disposing it
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
