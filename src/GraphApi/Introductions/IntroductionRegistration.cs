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

/// <summary>
/// Creates the ledger's schema and reads it into memory at start, before requests are served. The services start side
/// by side (Program.cs), so it first waits for the graph's load, which prepares the store (its schema, its directory)
/// and reports its own failure: the ledger is read after it, as when the services started one by one.
/// </summary>
public sealed class IntroductionLedgerLoader(IntroductionLedger ledger, GraphInitializer graph) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var loading = graph.Begin();
        await Task.WhenAny(loading).WaitAsync(cancellationToken).ConfigureAwait(false);
        if (loading.IsCompletedSuccessfully)
        {
            await ledger.LoadAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
