using GraphApi.Core.Introductions;
using GraphApi.Hosting;
using GraphApi.Neo4j;
using GraphApi.Neo4j.QueryApi;
using GraphApi.Sqlite;
using Microsoft.Extensions.Options;

namespace GraphApi.Introductions;

public static class IntroductionRegistration
{
    /// <summary>The ledger on the same store as the graph (its own tables / nodes), loaded before the server takes requests.</summary>
    public static IServiceCollection AddIntroductionLedger(this IServiceCollection services)
    {
        services.AddSingleton<IIntroductionStore>(sp => sp.GetRequiredService<IOptions<GraphStoreOptions>>().Value.Provider switch
        {
            "Neo4j" => CreateNeo4jStore(sp),
            _ => new SqliteIntroductionStore(SqlitePath(sp)),
        });
        services.AddSingleton(sp => new IntroductionLedger(sp.GetRequiredService<IIntroductionStore>(), sp.GetRequiredService<TimeProvider>()));
        services.AddHostedService<IntroductionLedgerLoader>();
        services.AddHostedService<IntroductionLedgerRefresher>();
        services.AddIntroductionSets();
        return services;
    }

    private static Neo4jIntroductionStore CreateNeo4jStore(IServiceProvider sp)
    {
        var options = sp.GetRequiredService<IOptions<Neo4jOptions>>().Value;
        var client = new QueryApiClient(options, QueryApiClient.CreateHandler(options), sp.GetRequiredService<ILoggerFactory>().CreateLogger<QueryApiClient>());
        return new Neo4jIntroductionStore(client);
    }

    private static string SqlitePath(IServiceProvider sp)
    {
        var path = sp.GetRequiredService<IOptions<SqliteOptions>>().Value.Path;
        var root = sp.GetRequiredService<IHostEnvironment>().ContentRootPath;
        return Path.IsPathRooted(path) ? path : Path.Combine(root, path);
    }
}

/// <summary>Creates the ledger's schema and reads it into memory at start, before requests are served.</summary>
public sealed class IntroductionLedgerLoader(IntroductionLedger ledger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => ledger.LoadAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
