using GraphApi.Core.Domain;
using GraphApi.Core.Storage;
using GraphApi.Neo4j.QueryApi;
using Microsoft.Extensions.Logging;

namespace GraphApi.Neo4j;

/// <summary>
/// The Neo4j store, over the HTTP Query API. Actors are <c>:Actor</c> nodes; relationships are Neo4j relationships
/// whose type is the catalogue type (so analysts can write <c>-[:MOU]-</c>). Every write is one explicit transaction
/// that first bumps the single <c>:GraphVersion</c> node: that serialises writers across replicas (so revision
/// checks cannot race) and moves the change version every replica polls.
/// </summary>
public sealed partial class Neo4jGraphStore : IGraphStore, IDisposable
{
    private const string EquivalentSchemaRule = "Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists";

    private readonly QueryApiClient _client;
    private readonly RelationshipTypeCatalogue _catalogue;
    private readonly int _batchSize;

    public Neo4jGraphStore(QueryApiClient client, RelationshipTypeCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
        _catalogue = catalogue;
        _batchSize = Math.Max(1, client.Options.BatchSize);
    }

    public string Location => $"Neo4j {_client.Options.Uri} database {_client.Options.Database}";

    /// <summary>A store with its own pooled HTTP connections to <see cref="Neo4jOptions.Uri"/>.</summary>
    public static Neo4jGraphStore Create(Neo4jOptions options, RelationshipTypeCatalogue catalogue, ILoggerFactory loggerFactory) =>
        new(new QueryApiClient(options, QueryApiClient.CreateHandler(options), loggerFactory.CreateLogger<QueryApiClient>()), catalogue);

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var statements = CypherQueries.Schema()
            .Concat(_catalogue.All.Select(t => CypherQueries.ForType("relationship-id-constraint", t.Name, _catalogue)));
        foreach (var statement in statements)
        {
            try
            {
                await _client.RunAsync(new Statement(statement), cancellationToken).ConfigureAwait(false);
            }
            catch (Neo4jStatementException ex) when (ex.Error.Code == EquivalentSchemaRule)
            {
                // Another replica created the same index a moment earlier: IF NOT EXISTS can still lose that race.
                continue;
            }
        }
    }

    public Task<GraphData> LoadAsync(CancellationToken cancellationToken) =>
        // One transaction so actors, relationships and version come from the same committed state.
        _client.InTransactionAsync(async (tx, ct) =>
        {
            var actors = await tx.RunAsync(Query("actors-all"), ct).ConfigureAwait(false);
            var relationships = await tx.RunAsync(Query("relationships-all"), ct).ConfigureAwait(false);
            var version = await tx.RunAsync(Query("version-get"), ct).ConfigureAwait(false);
            return new GraphData(
                [.. actors.Records.Select(r => Neo4jMapping.ToActor(r.Get<Neo4jNode>("a")))],
                [.. relationships.Records.Select(r => Neo4jMapping.ToRelationship(
                    r.Get<Neo4jRelationship>("r"), r.Get<string>("source"), r.Get<string>("target")))],
                version.FirstOrNull?.GetInt64("version") ?? 0);
        }, cancellationToken);

    public async Task<long> GetVersionAsync(CancellationToken cancellationToken)
    {
        var result = await _client.RunAsync(Query("version-get"), cancellationToken).ConfigureAwait(false);
        return result.FirstOrNull?.GetInt64("version") ?? 0;
    }

    public Task<IReadOnlyList<AuditEntry>> ReadAuditAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return ReadAuditCoreAsync(query, cancellationToken);
    }

    public Task<long> CountAuditAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return CountAuditCoreAsync(query, cancellationToken);
    }

    public Task<Committed<Actor>> CreateActorAsync(Actor actor, CancellationToken cancellationToken) =>
        WriteAsync(async (tx, version, audit, ct) =>
        {
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

    public Task<Committed<Actor>> UpdateActorAsync(Actor actor, long? expectedRevision, CancellationToken cancellationToken) =>
        WriteAsync(async (tx, version, audit, ct) =>
        {
            var before = Check(await ActorAsync(tx, actor.Id, ct).ConfigureAwait(false), "actor", actor.Id, expectedRevision);
            var stored = actor with { Revision = before.Revision + 1 };
            await tx.RunAsync(Query("actor-update", ("id", actor.Id), ("properties", Neo4jMapping.Properties(stored, stored.Revision))), ct)
                .ConfigureAwait(false);
            audit.Updated(before, stored);
            return new Committed<Actor>(stored, version);
        }, cancellationToken);

    public Task<ActorDeletion> DeleteActorAsync(string id, long? expectedRevision, CancellationToken cancellationToken) =>
        WriteAsync(async (tx, version, audit, ct) =>
        {
            var before = Check(await ActorAsync(tx, id, ct).ConfigureAwait(false), "actor", id, expectedRevision);
            var touching = await tx.RunAsync(Query("relationships-of-actor", ("id", id)), ct).ConfigureAwait(false);
            foreach (var relationship in touching.Records.Select(ToRelationship))
            {
                audit.Deleted(relationship);
            }
            var result = await tx.RunAsync(Query("actor-delete", ("id", id)), ct).ConfigureAwait(false);
            audit.Deleted(before);
            var removed = result.FirstOrNull?.Get<List<object?>>("removed").OfType<string>().Order(StringComparer.Ordinal).ToList() ?? [];
            return new ActorDeletion(id, removed, version);
        }, cancellationToken);

    public Task<Committed<Relationship>> CreateRelationshipAsync(Relationship relationship, CancellationToken cancellationToken) =>
        WriteAsync(async (tx, version, audit, ct) =>
        {
            if (await RelationshipRevisionAsync(tx, relationship.Id, ct).ConfigureAwait(false) is not null)
            {
                throw new StoreConflictException($"a relationship with id '{relationship.Id}' already exists");
            }
            var stored = relationship with { Revision = 1 };
            await CreateRelationshipCoreAsync(tx, stored, ct).ConfigureAwait(false);
            audit.Created(stored);
            return new Committed<Relationship>(stored, version);
        }, cancellationToken);

    public Task<Committed<Relationship>> UpdateRelationshipAsync(Relationship relationship, long? expectedRevision, CancellationToken cancellationToken) =>
        WriteAsync(async (tx, version, audit, ct) =>
        {
            var before = Check(await RelationshipAsync(tx, relationship.Id, ct).ConfigureAwait(false), "relationship", relationship.Id, expectedRevision);
            var stored = relationship with { Revision = before.Revision + 1 };
            await tx.RunAsync(Query("relationship-delete", ("id", relationship.Id)), ct).ConfigureAwait(false);
            await CreateRelationshipCoreAsync(tx, stored, ct).ConfigureAwait(false);
            audit.Updated(before, stored);
            return new Committed<Relationship>(stored, version);
        }, cancellationToken);

    public Task<long> DeleteRelationshipAsync(string id, long? expectedRevision, CancellationToken cancellationToken) =>
        WriteAsync(async (tx, version, audit, ct) =>
        {
            var before = Check(await RelationshipAsync(tx, id, ct).ConfigureAwait(false), "relationship", id, expectedRevision);
            await tx.RunAsync(Query("relationship-delete", ("id", id)), ct).ConfigureAwait(false);
            audit.Deleted(before);
            return version;
        }, cancellationToken);

    public Task<long> UpsertAsync(IReadOnlyList<Actor> actors, IReadOnlyList<Relationship> relationships, CancellationToken cancellationToken) =>
        WriteAsync(async (tx, version, audit, ct) =>
        {
            await UpsertCoreAsync(tx, actors, relationships, audit, ct).ConfigureAwait(false);
            return version;
        }, cancellationToken);

    public Task<bool> SeedOnceAsync(IReadOnlyList<Actor> actors, IReadOnlyList<Relationship> relationships, CancellationToken cancellationToken) =>
        WriteAsync(async (tx, version, audit, ct) =>
        {
            var marker = await tx.RunAsync(Query("seed-marker-get"), ct).ConfigureAwait(false);
            if (marker.FirstOrNull?.Get<bool>("seeded") == true)
            {
                // Seeded before: leave the store (and its change version) exactly as it is.
                await tx.RollbackAsync(ct).ConfigureAwait(false);
                return false;
            }
            await UpsertCoreAsync(tx, actors, relationships, audit, ct).ConfigureAwait(false);
            await tx.RunAsync(Query("seed-marker-set"), ct).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    private async Task<IReadOnlyList<AuditEntry>> ReadAuditCoreAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        var result = await _client.RunAsync(Query("audit-read", [.. AuditFilters(query), ("offset", query.Offset), ("limit", query.Limit)]),
            cancellationToken).ConfigureAwait(false);
        return [.. result.Records.Select(Neo4jAudit.Read)];
    }

    private async Task<long> CountAuditCoreAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        var result = await _client.RunAsync(Query("audit-count", AuditFilters(query)), cancellationToken).ConfigureAwait(false);
        return result.FirstOrNull?.GetInt64("entries") ?? 0;
    }

    private static (string, object?)[] AuditFilters(AuditQuery query) =>
    [
        ("before", query.Before), ("entityId", query.EntityId), ("entity", query.EntityKind), ("who", query.Who), ("operation", query.Operation),
    ];

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

    /// <summary>
    /// Runs a write in one transaction that starts by bumping the change version (see the class comment) and ends by
    /// appending the audit entries the work recorded, so they commit or roll back with it. A retried transaction
    /// starts a fresh trail.
    /// </summary>
    private Task<T> WriteAsync<T>(Func<QueryApiTransaction, long, Neo4jAudit, CancellationToken, Task<T>> work, CancellationToken cancellationToken) =>
        _client.InTransactionAsync(async (tx, ct) =>
        {
            var bumped = await tx.RunAsync(Query("version-bump"), ct).ConfigureAwait(false);
            var version = bumped.FirstOrNull?.GetInt64("version")
                ?? throw new StoreUnavailableException("Neo4j did not return the new change version");
            var audit = new Neo4jAudit();
            var result = await work(tx, version, audit, ct).ConfigureAwait(false);
            if (tx.IsOpen)
            {
                await audit.AppendAsync(tx, _batchSize, ct).ConfigureAwait(false);
            }
            return result;
        }, cancellationToken);

    private static Statement Query(string name, params (string Name, object? Value)[] parameters) =>
        new(CypherQueries.Get(name), Parameters(parameters));

    private static Dictionary<string, object?> Parameters(params (string Name, object? Value)[] parameters) =>
        parameters.ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);

    public void Dispose() => _client.Dispose();
}
