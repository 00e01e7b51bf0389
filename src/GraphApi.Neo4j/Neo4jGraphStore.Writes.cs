using GraphApi.Core.Domain;
using GraphApi.Core.Storage;
using GraphApi.Neo4j.QueryApi;

namespace GraphApi.Neo4j;

/// <summary>
/// Each kind of write (<see cref="IStoreWriter"/>) in a transaction of its own (<see cref="WriteAsync"/>), which
/// also appends the audit entries recorded here. Implemented explicitly: callers go through <see cref="StoreWrite"/>.
/// </summary>
public sealed partial class Neo4jGraphStore
{
    Task<Committed<Actor>> IStoreWriter.CreateActorAsync(StoreWrite.CreateActor write, CancellationToken cancellationToken) =>
        WriteAsync(async (tx, version, audit, ct) =>
        {
            var actor = write.Actor;
            // The actor_id constraint is the real guard; checking first gives the caller a plain message.
            if (await ActorRevisionAsync(tx, actor.Id, ct).ConfigureAwait(false) is not null)
            {
                throw new StoreConflictException($"an actor with id '{actor.Id}' already exists");
            }
            var stored = actor with { Revision = 1 };
            await tx.RunAsync(Query("actor-create", ("properties", Neo4jMapping.Properties(stored, 1))), ct).ConfigureAwait(false);
            audit.Created(stored);
            return new Committed<Actor>(stored, version);
        }, cancellationToken);

    Task<Committed<Actor>> IStoreWriter.UpdateActorAsync(StoreWrite.UpdateActor write, CancellationToken cancellationToken) =>
        WriteAsync(async (tx, version, audit, ct) =>
        {
            var actor = write.Actor;
            var before = Check(await ActorAsync(tx, actor.Id, ct).ConfigureAwait(false), "actor", actor.Id, write.ExpectedRevision);
            var stored = actor with { Revision = before.Revision + 1 };
            await tx.RunAsync(Query("actor-update", ("id", actor.Id), ("properties", Neo4jMapping.Properties(stored, stored.Revision))), ct)
                .ConfigureAwait(false);
            audit.Updated(before, stored);
            return new Committed<Actor>(stored, version);
        }, cancellationToken);

    Task<Committed<ActorDeletion>> IStoreWriter.DeleteActorAsync(StoreWrite.DeleteActor write, CancellationToken cancellationToken) =>
        WriteAsync(async (tx, version, audit, ct) =>
        {
            var id = write.Id;
            var before = Check(await ActorAsync(tx, id, ct).ConfigureAwait(false), "actor", id, write.ExpectedRevision);
            var touching = await tx.RunAsync(Query("relationships-of-actor", ("id", id)), ct).ConfigureAwait(false);
            foreach (var relationship in touching.Records.Select(ToRelationship))
            {
                audit.Deleted(relationship);
            }
            var result = await tx.RunAsync(Query("actor-delete", ("id", id)), ct).ConfigureAwait(false);
            audit.Deleted(before);
            var removed = result.FirstOrNull?.Get<List<object?>>("removed").OfType<string>().Order(StringComparer.Ordinal).ToList() ?? [];
            return new Committed<ActorDeletion>(new ActorDeletion(id, removed, version), version);
        }, cancellationToken);

    Task<Committed<Relationship>> IStoreWriter.CreateRelationshipAsync(StoreWrite.CreateRelationship write, CancellationToken cancellationToken) =>
        WriteAsync(async (tx, version, audit, ct) =>
        {
            var relationship = write.Relationship;
            if (await RelationshipRevisionAsync(tx, relationship.Id, ct).ConfigureAwait(false) is not null)
            {
                throw new StoreConflictException($"a relationship with id '{relationship.Id}' already exists");
            }
            var stored = relationship with { Revision = 1 };
            await CreateRelationshipCoreAsync(tx, stored, ct).ConfigureAwait(false);
            audit.Created(stored);
            return new Committed<Relationship>(stored, version);
        }, cancellationToken);

    Task<Committed<Relationship>> IStoreWriter.UpdateRelationshipAsync(StoreWrite.UpdateRelationship write, CancellationToken cancellationToken) =>
        WriteAsync(async (tx, version, audit, ct) =>
        {
            var relationship = write.Relationship;
            var before = Check(await RelationshipAsync(tx, relationship.Id, ct).ConfigureAwait(false), "relationship", relationship.Id, write.ExpectedRevision);
            var stored = relationship with { Revision = before.Revision + 1 };
            await tx.RunAsync(Query("relationship-delete", ("id", relationship.Id)), ct).ConfigureAwait(false);
            await CreateRelationshipCoreAsync(tx, stored, ct).ConfigureAwait(false);
            audit.Updated(before, stored);
            return new Committed<Relationship>(stored, version);
        }, cancellationToken);

    Task<Committed<RelationshipDeletion>> IStoreWriter.DeleteRelationshipAsync(StoreWrite.DeleteRelationship write, CancellationToken cancellationToken) =>
        WriteAsync(async (tx, version, audit, ct) =>
        {
            var before = Check(await RelationshipAsync(tx, write.Id, ct).ConfigureAwait(false), "relationship", write.Id, write.ExpectedRevision);
            await tx.RunAsync(Query("relationship-delete", ("id", write.Id)), ct).ConfigureAwait(false);
            audit.Deleted(before);
            return new Committed<RelationshipDeletion>(new RelationshipDeletion(write.Id), version);
        }, cancellationToken);

    Task<Committed<Upserted>> IStoreWriter.UpsertAsync(StoreWrite.Upsert write, CancellationToken cancellationToken) =>
        WriteAsync(async (tx, version, audit, ct) =>
        {
            await UpsertCoreAsync(tx, write.Actors, write.Relationships, audit, ct).ConfigureAwait(false);
            return new Committed<Upserted>(new Upserted(write.Actors.Count, write.Relationships.Count), version);
        }, cancellationToken);

    private async Task UpsertCoreAsync(
        QueryApiTransaction tx, IReadOnlyList<Actor> actors, IReadOnlyList<Relationship> relationships, Neo4jAudit audit, CancellationToken ct)
    {
        foreach (var batch in actors.Chunk(_batchSize))
        {
            var existing = await tx.RunAsync(Query("actors-get", ("ids", batch.Select(a => a.Id).ToArray())), ct).ConfigureAwait(false);
            var before = existing.Records.Select(r => Neo4jMapping.ToActor(r.Get<Neo4jNode>("a"))).ToDictionary(a => a.Id, StringComparer.Ordinal);
            // Revision 0 is replaced in Cypher by the stored revision + 1.
            var rows = batch.Select(a => Neo4jMapping.Properties(a, 0)).ToList();
            foreach (var row in rows)
            {
                row.Remove("revision");
            }
            await tx.RunAsync(Query("actors-upsert", ("rows", rows)), ct).ConfigureAwait(false);
            foreach (var actor in batch)
            {
                var previous = before.GetValueOrDefault(actor.Id);
                audit.Upserted(previous, actor with { Revision = (previous?.Revision ?? 0) + 1 });
            }
        }
        var replaced = new Dictionary<string, Relationship>(StringComparer.Ordinal);
        foreach (var batch in relationships.Chunk(_batchSize))
        {
            var existing = await tx.RunAsync(Query("relationships-get", ("ids", batch.Select(r => r.Id).ToArray())), ct).ConfigureAwait(false);
            foreach (var relationship in existing.Records.Select(ToRelationship))
            {
                replaced[relationship.Id] = relationship;
            }
            await tx.RunAsync(Query("relationships-detach", ("ids", batch.Select(r => r.Id).ToArray())), ct).ConfigureAwait(false);
        }
        foreach (var group in relationships.GroupBy(r => r.Type, StringComparer.Ordinal))
        {
            foreach (var batch in group.Chunk(_batchSize))
            {
                var rows = batch.Select(r => new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["source"] = r.Source,
                    ["target"] = r.Target,
                    ["properties"] = Neo4jMapping.Properties(r, (replaced.GetValueOrDefault(r.Id)?.Revision ?? 0) + 1),
                }).ToList();
                var result = await tx.RunAsync(
                    new Statement(CypherQueries.ForType("relationships-create", group.Key, _catalogue), Parameters(("rows", rows))), ct)
                    .ConfigureAwait(false);
                if (result.FirstOrNull?.GetInt64("created") != batch.Length)
                {
                    throw new StoreReferenceException(await DescribeMissingEndsAsync(tx, batch, ct).ConfigureAwait(false));
                }
            }
        }
        foreach (var relationship in relationships)
        {
            var previous = replaced.GetValueOrDefault(relationship.Id);
            audit.Upserted(previous, relationship with { Revision = (previous?.Revision ?? 0) + 1 });
        }
    }

    private async Task CreateRelationshipCoreAsync(QueryApiTransaction tx, Relationship relationship, CancellationToken ct)
    {
        foreach (var end in new[] { relationship.Source, relationship.Target })
        {
            if (await ActorRevisionAsync(tx, end, ct).ConfigureAwait(false) is null)
            {
                throw new StoreReferenceException($"no actor '{end}' exists");
            }
        }
        var statement = CypherQueries.ForType("relationship-create", relationship.Type, _catalogue);
        await tx.RunAsync(new Statement(statement, Parameters(
            ("source", relationship.Source), ("target", relationship.Target),
            ("properties", Neo4jMapping.Properties(relationship, relationship.Revision)))), ct).ConfigureAwait(false);
    }

    private static async Task<string> DescribeMissingEndsAsync(QueryApiTransaction tx, IEnumerable<Relationship> batch, CancellationToken ct)
    {
        var missing = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var end in batch.SelectMany(r => new[] { r.Source, r.Target }).Distinct(StringComparer.Ordinal))
        {
            if (await ActorRevisionAsync(tx, end, ct).ConfigureAwait(false) is null)
            {
                missing.Add(end);
            }
        }
        return $"no actor exists for relationship end(s): {string.Join(", ", missing)}";
    }
}
