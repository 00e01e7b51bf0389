using GraphApi.Core.Introductions;
using GraphApi.Hosting;
using Microsoft.Extensions.Options;

namespace GraphApi.Introductions;

/// <summary>
/// Re-reads the ledger every <c>GraphStore:RefreshIntervalSeconds</c>, as the snapshot refresher does for the graph,
/// so that asks and events recorded by another replica (or another process on the same SQLite file) reach this one's
/// lists and learned strengths. The ledger is written by people, so reading it whole is cheap.
/// </summary>
public sealed partial class IntroductionLedgerRefresher(IntroductionLedger ledger, IOptions<GraphStoreOptions> options, ILogger<IntroductionLedgerRefresher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.RefreshIntervalSeconds;
        if (interval <= 0)
        {
            return;
        }
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(interval));
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                if (await ledger.ReloadAsync(stoppingToken).ConfigureAwait(false))
                {
                    LogReloaded(logger, ledger.All.Count);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A store outage must not end the loop: the ledger in memory stays as it was and the next tick tries again.
                LogFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Introduction ledger reloaded: {Asks} asks")]
    private static partial void LogReloaded(ILogger logger, int asks);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Introduction ledger refresh failed; serving the ledger as it was")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
