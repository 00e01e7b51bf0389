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
public sealed partial class Neo4jGraphStore : IGraphStore, IStoreWriter, IDisposable
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

    /// <summary>Each write in a transaction of its own (see the class comment): durable when it answers.</summary>
    public Task<StoreBatch> CommitBatchAsync(Func<IStoreBatch, Task> writes, CancellationToken cancellationToken) =>
        OneTransactionEach.CommitAsync(this, writes);

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
        ("workspace", query.Workspace),
    ];

    /// <summary>
    /// Runs a write in one transaction that starts by bumping the change version (see the class comment) and ends by
    /// appending the audit entries and the change set the work recorded (Neo4jGraphStore.ChangeLog.cs), so they commit
    /// or roll back with it. A retried transaction starts a fresh trail and a fresh change set.
    /// </summary>
    private Task<T> WriteAsync<T>(Func<QueryApiTransaction, long, Neo4jAudit, CancellationToken, Task<T>> work, CancellationToken cancellationToken) =>
        _client.InTransactionAsync(async (tx, ct) =>
        {
            var bumped = await tx.RunAsync(Query("version-bump"), ct).ConfigureAwait(false);
            var version = bumped.FirstOrNull?.GetInt64("version")
                ?? throw new StoreUnavailableException("Neo4j did not return the new change version");
            var changes = new Neo4jChangeSet();
            var audit = new Neo4jAudit(changes);
            var result = await work(tx, version, audit, ct).ConfigureAwait(false);
            if (tx.IsOpen)
            {
                await audit.AppendAsync(tx, _batchSize, ct).ConfigureAwait(false);
                await LogChangesAsync(tx, version, changes, ct).ConfigureAwait(false);
            }
            return result;
        }, cancellationToken);

    private static Statement Query(string name, params (string Name, object? Value)[] parameters) =>
        new(CypherQueries.Get(name), Parameters(parameters));

    private static Dictionary<string, object?> Parameters(params (string Name, object? Value)[] parameters) =>
        parameters.ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);

    public void Dispose() => _client.Dispose();
}
