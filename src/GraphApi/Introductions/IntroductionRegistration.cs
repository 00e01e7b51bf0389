using GraphApi.Core.Introductions;
using GraphApi.Hosting;
using GraphApi.Neo4j;
using GraphApi.Sqlite;

namespace GraphApi.Introductions;

public static class IntroductionRegistration
{
    /// <summary>The ledger on the same store as the graph (its own tables / nodes), loaded before the server takes requests.</summary>
    public static IServiceCollection AddIntroductionLedger(this IServiceCollection services)
    {
        services.AddSingleton(sp => StoreProvider.Create<IIntroductionStore>(sp,
            neo4j: options => Neo4jIntroductionStore.Create(options, sp.GetRequiredService<ILoggerFactory>()),
            sqlite: path => new SqliteIntroductionStore(path)));
        services.AddSingleton(sp => new IntroductionLedger(sp.GetRequiredService<IIntroductionStore>(), sp.GetRequiredService<TimeProvider>()));
        services.AddHostedService<IntroductionLedgerLoader>();
        services.AddHostedService<IntroductionLedgerRefresher>();
        services.AddIntroductionSets();
        return services;
    }
}

/// <summary>Creates the ledger's schema and reads it into memory at start, before requests are served.</summary>
public sealed class IntroductionLedgerLoader(IntroductionLedger ledger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => ledger.LoadAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
