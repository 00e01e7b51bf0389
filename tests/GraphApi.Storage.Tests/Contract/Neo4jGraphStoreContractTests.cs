using GraphApi.Core.Domain;
using GraphApi.Core.Storage;
using GraphApi.Neo4j;
using GraphApi.Neo4j.QueryApi;

namespace GraphApi.Storage.Tests.Contract;

/// <summary>
/// The contract on a real Neo4j, reached through the Query API at NEO4J_URI (e.g. http://localhost:7474, with
/// NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE). Each test EMPTIES that database first, so point it at a
/// disposable one. Without NEO4J_URI every test is reported as skipped with the reason.
/// </summary>
public sealed class Neo4jGraphStoreContractTests : GraphStoreContract
{
    private const string SkipReason = "NEO4J_URI is not set: no Neo4j server to run the contract suite against";

    private bool _reset;

    protected override async Task<IGraphStore> OpenAsync()
    {
        var uri = Environment.GetEnvironmentVariable("NEO4J_URI");
        Skip.If(string.IsNullOrWhiteSpace(uri), SkipReason);
        var options = new Neo4jOptions
        {
            Uri = new Uri(uri!),
            User = Environment.GetEnvironmentVariable("NEO4J_USER") ?? "neo4j",
            Password = Environment.GetEnvironmentVariable("NEO4J_PASSWORD") ?? "",
            Database = Environment.GetEnvironmentVariable("NEO4J_DATABASE") ?? "neo4j",
            // Small batches, so the bulk tests cross several UNWIND statements inside one transaction.
            BatchSize = 2,
        };
        var client = new QueryApiClient(options, QueryApiClient.CreateHandler(options));
        if (!_reset)
        {
            await client.RunAsync(new Statement(ResetStatement()), CancellationToken.None);
            _reset = true;
        }
        return new Neo4jGraphStore(client, RelationshipTypeCatalogue.Default);
    }

    protected override Task PruneChangeLogAsync(IGraphStore store, long floor) => ((Neo4jGraphStore)store).PruneChangeLogAsync(floor, None);

    private static string ResetStatement()
    {
        using var stream = typeof(Neo4jGraphStoreContractTests).Assembly.GetManifestResourceStream("reset-database.cypher")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
