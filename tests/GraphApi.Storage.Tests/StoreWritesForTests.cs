using GraphApi.Core.Domain;
using GraphApi.Core.Storage;

namespace GraphApi.Storage.Tests;

/// <summary>
/// The stores' single writes as the tests read best: each is one <see cref="StoreWrite"/> in a batch of its own
/// (<see cref="StoreWriting.WriteAsync{TOutcome}"/>), exactly what the graph's writer sends, one at a time.
/// </summary>
internal static class StoreWritesForTests
{
    public static Task<Committed<Actor>> CreateActorAsync(this IGraphStore store, Actor actor, CancellationToken cancellationToken) =>
        store.WriteAsync(new StoreWrite.CreateActor(actor), cancellationToken);

    public static Task<Committed<Actor>> UpdateActorAsync(this IGraphStore store, Actor actor, long? expectedRevision, CancellationToken cancellationToken) =>
        store.WriteAsync(new StoreWrite.UpdateActor(actor, expectedRevision), cancellationToken);

    public static async Task<ActorDeletion> DeleteActorAsync(this IGraphStore store, string id, long? expectedRevision, CancellationToken cancellationToken) =>
        (await store.WriteAsync(new StoreWrite.DeleteActor(id, expectedRevision), cancellationToken)).Value;

    public static Task<Committed<Relationship>> CreateRelationshipAsync(this IGraphStore store, Relationship relationship, CancellationToken cancellationToken) =>
        store.WriteAsync(new StoreWrite.CreateRelationship(relationship), cancellationToken);

    public static Task<Committed<Relationship>> UpdateRelationshipAsync(this IGraphStore store, Relationship relationship, long? expectedRevision,
        CancellationToken cancellationToken) =>
        store.WriteAsync(new StoreWrite.UpdateRelationship(relationship, expectedRevision), cancellationToken);

    /// <returns>The store's new version.</returns>
    public static async Task<long> DeleteRelationshipAsync(this IGraphStore store, string id, long? expectedRevision, CancellationToken cancellationToken) =>
        (await store.WriteAsync(new StoreWrite.DeleteRelationship(id, expectedRevision), cancellationToken)).Version;

    /// <returns>The store's new version.</returns>
    public static async Task<long> UpsertAsync(this IGraphStore store, IReadOnlyList<Actor> actors, IReadOnlyList<Relationship> relationships,
        CancellationToken cancellationToken) =>
        (await store.WriteAsync(new StoreWrite.Upsert(actors, relationships), cancellationToken)).Version;

    public static async Task<ActorMerge> MergeActorAsync(this IGraphStore store, StoreWrite.MergeActors merge, CancellationToken cancellationToken) =>
        (await store.WriteAsync(merge, cancellationToken)).Value;
}
