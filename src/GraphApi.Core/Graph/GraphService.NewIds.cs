using GraphApi.Core.Domain;
using GraphApi.Core.Storage;

namespace GraphApi.Core.Graph;

public sealed partial class GraphService
{
    private const int NewIdAttempts = 5;

    // Ids handed to creates that have not committed yet: concurrent creates of the same name land in one batch, before
    // any of them is in the snapshot, so the snapshot alone would give them all the same id.
    private readonly HashSet<string> _reservedIds = new(StringComparer.Ordinal);

    /// <summary>Creates an actor sent without an id, under one made from its name (see <see cref="IdMaker"/>).</summary>
    public Task<Actor> CreateActorWithNewIdAsync(Actor actor, CancellationToken cancellationToken) =>
        CreateWithNewIdAsync(
            () => actor with { Id = Reserve(taken => IdMaker.ForActor(actor, id => taken(id) || Snapshot.IsActorIdTaken(id))) },
            a => a.Id, CreateActorAsync, cancellationToken);

    /// <summary>Creates a relationship sent without an id, under one made from source, type and target.</summary>
    public Task<Relationship> CreateRelationshipWithNewIdAsync(Relationship relationship, CancellationToken cancellationToken) =>
        CreateWithNewIdAsync(
            () => relationship with { Id = Reserve(taken => IdMaker.ForRelationship(relationship, id => taken(id) || Snapshot.IsRelationshipIdTaken(id))) },
            r => r.Id, CreateRelationshipAsync, cancellationToken);

    private string Reserve(Func<Func<string, bool>, string> make)
    {
        lock (_reservedIds)
        {
            var id = make(_reservedIds.Contains);
            _reservedIds.Add(id);
            return id;
        }
    }

    private void Release(string id)
    {
        lock (_reservedIds)
        {
            _reservedIds.Remove(id);
        }
    }

    private async Task<T> CreateWithNewIdAsync<T>(Func<T> withNewId, Func<T, string> idOf, Func<T, CancellationToken, Task<T>> create,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var record = withNewId();
            try
            {
                // Released only after the write is published (or refused), so no other create can pick it meanwhile.
                return await create(record, cancellationToken).ConfigureAwait(false);
            }
            catch (StoreConflictException) when (attempt < NewIdAttempts)
            {
                // Another service on the same store took the id after we looked: catch up with the store, so the
                // next look sees it and picks the next free id.
                await RefreshIfStaleAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                Release(idOf(record));
            }
        }
    }
}
