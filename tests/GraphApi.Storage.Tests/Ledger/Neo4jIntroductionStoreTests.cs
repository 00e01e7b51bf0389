using GraphApi.Core.Introductions;
using GraphApi.Neo4j;
using GraphApi.Neo4j.QueryApi;

namespace GraphApi.Storage.Tests.Ledger;

/// <summary>
/// The ledger contract on a real Neo4j at NEO4J_URI (NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE). Each test EMPTIES
/// that database first, so point it at a disposable one. Without NEO4J_URI every test is reported skipped with the reason.
/// </summary>
public sealed class Neo4jIntroductionStoreTests : IntroductionStoreContract
{
    private const string SkipReason = "NEO4J_URI is not set: no Neo4j server to run the ledger store contract against";

    private readonly List<Neo4jIntroductionStore> _opened = [];
    private bool _reset;

    protected override async Task<IIntroductionStore> OpenAsync()
    {
        var uri = Environment.GetEnvironmentVariable("NEO4J_URI");
        Skip.If(string.IsNullOrWhiteSpace(uri), SkipReason);
        var options = new Neo4jOptions
        {
            Uri = new Uri(uri!),
            User = Environment.GetEnvironmentVariable("NEO4J_USER") ?? "neo4j",
            Password = Environment.GetEnvironmentVariable("NEO4J_PASSWORD") ?? "",
            Database = Environment.GetEnvironmentVariable("NEO4J_DATABASE") ?? "neo4j",
        };
        var client = new QueryApiClient(options, QueryApiClient.CreateHandler(options));
        if (!_reset)
        {
            await client.RunAsync(new Statement(ResetStatement()), CancellationToken.None);
            _reset = true;
        }
        var store = new Neo4jIntroductionStore(client);
        _opened.Add(store);
        return store;
    }

    public override Task DisposeAsync()
    {
        _opened.ForEach(s => s.Dispose());
        return Task.CompletedTask;
    }

    private static string ResetStatement()
    {
        using var stream = typeof(Neo4jIntroductionStoreTests).Assembly.GetManifestResourceStream("reset-database.cypher")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
