using GraphApi.Core.Domain;
using GraphApi.Core.Storage;
using GraphApi.Neo4j.QueryApi;

namespace GraphApi.Neo4j;

/// <summary>Reading records inside a write transaction, and the revision checks of optimistic concurrency.</summary>
public sealed partial class Neo4jGraphStore
{
    private static async Task<long?> ActorRevisionAsync(QueryApiTransaction tx, string id, CancellationToken ct)
    {
        var result = await tx.RunAsync(Query("actor-revision", ("id", id)), ct).ConfigureAwait(false);
        return result.FirstOrNull is { } row ? row.GetInt64("revision") ?? 1 : null;
    }

    private static async Task<Actor?> ActorAsync(QueryApiTransaction tx, string id, CancellationToken ct)
    {
        var result = await tx.RunAsync(Query("actor-get", ("id", id)), ct).ConfigureAwait(false);
        return result.FirstOrNull is { } row ? Neo4jMapping.ToActor(row.Get<Neo4jNode>("a")) : null;
    }

    private static async Task<Relationship?> RelationshipAsync(QueryApiTransaction tx, string id, CancellationToken ct)
    {
        var result = await tx.RunAsync(Query("relationships-get", ("ids", new[] { id })), ct).ConfigureAwait(false);
        return result.FirstOrNull is { } row ? ToRelationship(row) : null;
    }

    private static Relationship ToRelationship(QueryRecord row) =>
        Neo4jMapping.ToRelationship(row.Get<Neo4jRelationship>("r"), row.Get<string>("source"), row.Get<string>("target"));

    private static async Task<long?> RelationshipRevisionAsync(QueryApiTransaction tx, string id, CancellationToken ct)
    {
        var result = await tx.RunAsync(Query("relationship-revision", ("id", id)), ct).ConfigureAwait(false);
        return result.FirstOrNull is { } row ? row.GetInt64("revision") ?? 1 : null;
    }

    private static Actor Check(Actor? stored, string noun, string id, long? expectedRevision)
    {
        CheckRevision(stored?.Revision, noun, id, expectedRevision);
        return stored!;
    }

    private static Relationship Check(Relationship? stored, string noun, string id, long? expectedRevision)
    {
        CheckRevision(stored?.Revision, noun, id, expectedRevision);
        return stored!;
    }

    private static void CheckRevision(long? revision, string noun, string id, long? expectedRevision)
    {
        var current = revision ?? throw new StoreNotFoundException($"no {noun} '{id}' exists");
        if (expectedRevision is { } expected && expected != current)
        {
            throw new StorePreconditionException($"{noun} '{id}' is at revision {current}, not {expected}: it changed since you read it");
        }
    }
}
