using GraphApi.Core.Introductions;
using GraphApi.Core.Storage;
using GraphApi.Neo4j.QueryApi;
using Microsoft.Extensions.Logging;

namespace GraphApi.Neo4j;

/// <summary>
/// The introduction ledger in Neo4j: <c>(:Introduction)-[:HAS_EVENT]->(:IntroductionEvent)</c>, apart from the
/// graph (no <c>:GraphVersion</c> bump: an ask changes no route's graph). Each write is one transaction; the ask's
/// <c>eventCount</c>, incremented under its write lock, keeps events in sequence across replicas. Each ask and event
/// also gets its <c>:AuditEntry</c> (entity <c>introduction</c>) in the same transaction, as on the embedded store.
/// </summary>
public sealed class Neo4jIntroductionStore(QueryApiClient client) : IIntroductionStore, IDisposable
{
    private readonly int _batchSize = Math.Max(1, client.Options.BatchSize);

    private const string EquivalentSchemaRule = "Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists";

    /// <summary>A ledger store with its own pooled HTTP connections to <see cref="Neo4jOptions.Uri"/> (as <see cref="Neo4jGraphStore.Create"/>).</summary>
    public static Neo4jIntroductionStore Create(Neo4jOptions options, ILoggerFactory loggerFactory) =>
        new(new QueryApiClient(options, QueryApiClient.CreateHandler(options), loggerFactory.CreateLogger<QueryApiClient>()));

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        foreach (var schema in new[] { "introduction-constraint", "introduction-workspace-index" })
        {
            try
            {
                await client.RunAsync(Query(schema), cancellationToken).ConfigureAwait(false);
            }
            catch (Neo4jStatementException ex) when (ex.Error.Code == EquivalentSchemaRule)
            {
                // Another replica created it a moment earlier: IF NOT EXISTS can still lose that race.
            }
        }
    }

    public async Task<IReadOnlyList<Introduction>> LoadAsync(CancellationToken cancellationToken)
    {
        var result = await client.RunAsync(Query("introductions-all"), cancellationToken).ConfigureAwait(false);
        return [.. result.Records.Select(r => Neo4jIntroductionMapping.ToIntroduction(
            r.Get<Neo4jNode>("i"), r.Get<List<object?>>("events").OfType<Neo4jNode>()))];
    }

    public Task CreateAsync(Introduction ask, CancellationToken cancellationToken) =>
        client.InTransactionAsync(async (tx, ct) =>
        {
            ArgumentNullException.ThrowIfNull(ask);
            if ((await tx.RunAsync(Query("introduction-event-count", ("id", ask.Id)), ct).ConfigureAwait(false)).FirstOrNull is not null)
            {
                throw new StoreConflictException($"an introduction with id '{ask.Id}' already exists");
            }
            await tx.RunAsync(Query("introduction-create", ("properties", Neo4jIntroductionMapping.Properties(ask))), ct).ConfigureAwait(false);
            var audit = new Neo4jAudit();
            audit.Introduction(ask.Id, "create", ask.RecordedBy, null, IntroductionJson.Write(ask), ask.Workspace);
            await audit.AppendAsync(tx, _batchSize, ct).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    public Task AppendEventAsync(string introductionId, IntroductionEvent e, CancellationToken cancellationToken) =>
        client.InTransactionAsync(async (tx, ct) =>
        {
            ArgumentNullException.ThrowIfNull(e);
            var ask = (await tx.RunAsync(Query("introduction-event-count", ("id", introductionId)), ct).ConfigureAwait(false)).FirstOrNull
                ?? throw new StoreNotFoundException($"no introduction '{introductionId}'");
            var appended = await tx.RunAsync(Query("introduction-event-append",
                ("id", introductionId), ("sequence", (long)e.Sequence), ("properties", Neo4jIntroductionMapping.Properties(e))), ct).ConfigureAwait(false);
            if (appended.FirstOrNull is null)
            {
                // The increment ran, so roll it back before saying why.
                await tx.RollbackAsync(ct).ConfigureAwait(false);
                throw new StoreConflictException($"introduction '{introductionId}' does not have {e.Sequence - 1} events: it changed meanwhile; read it again");
            }
            var audit = new Neo4jAudit();
            audit.Introduction(introductionId, "event", e.RecordedBy, null, IntroductionJson.Write(e), ask["workspace"] as string);
            await audit.AppendAsync(tx, _batchSize, ct).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    public Task<IReadOnlyList<string>> DeleteWorkspaceAsync(string workspace, CancellationToken cancellationToken) =>
        client.InTransactionAsync<IReadOnlyList<string>>(async (tx, ct) =>
        {
            // Read first (for each ask's audit entry), then deleted by the same match: both filter by workspace in the database.
            var owned = (await tx.RunAsync(Query("introductions-of-workspace", ("workspace", workspace)), ct).ConfigureAwait(false)).Records
                .Select(r => Neo4jIntroductionMapping.ToIntroduction(r.Get<Neo4jNode>("i"), [])).ToList();
            if (owned.Count == 0)
            {
                return [];
            }
            await tx.RunAsync(Query("introductions-delete-workspace", ("workspace", workspace)), ct).ConfigureAwait(false);
            var audit = new Neo4jAudit();
            foreach (var ask in owned)
            {
                audit.Introduction(ask.Id, "delete", null, IntroductionJson.Write(ask), null, workspace);
            }
            await audit.AppendAsync(tx, _batchSize, ct).ConfigureAwait(false);
            return [.. owned.Select(a => a.Id)];
        }, cancellationToken);

    public void Dispose() => client.Dispose();

    private static Statement Query(string name, params (string Name, object? Value)[] parameters) =>
        new(CypherQueries.Get(name), parameters.ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal));
}
