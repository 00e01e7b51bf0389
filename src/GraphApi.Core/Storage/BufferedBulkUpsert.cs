using GraphApi.Core.Domain;

namespace GraphApi.Core.Storage;

/// <summary>
/// The default for stores with nothing better: holds the rows and writes them as one <see cref="StoreWrite.Upsert"/>
/// on commit (the Neo4j store then writes them in UNWIND batches within one transaction).
/// </summary>
public sealed class BufferedBulkUpsert(IGraphStore store) : IBulkUpsert
{
    private readonly List<Actor> _actors = [];
    private readonly List<Relationship> _relationships = [];

    public void Add(Actor actor) => _actors.Add(actor);

    public void Add(Relationship relationship) => _relationships.Add(relationship);

    public async Task<long> CommitAsync(CancellationToken cancellationToken) =>
        (await store.WriteAsync(new StoreWrite.Upsert(_actors, _relationships), cancellationToken).ConfigureAwait(false)).Version;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
