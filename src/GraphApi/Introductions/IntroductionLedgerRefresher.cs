using GraphApi.Core.Introductions;
using GraphApi.Hosting;
using Microsoft.Extensions.Options;

namespace GraphApi.Introductions;

/// <summary>
/// Re-reads the ledger every <c>GraphStore:RefreshIntervalSeconds</c>, as the snapshot refresher does for the graph,
/// so that asks and events recorded by another replica (or another process on the same SQLite file) reach this one's
/// lists and learned strengths. The ledger is written by people, so reading it whole is cheap.
/// </summary>
public sealed partial class IntroductionLedgerRefresher(IntroductionLedger ledger, IOptions<GraphStoreOptions> options,
    IHostApplicationLifetime lifetime, ILogger<IntroductionLedgerRefresher> logger) : PeriodicRefresher(options, lifetime, logger)
{
    protected override string Subject => "introduction ledger";

    protected override async Task RefreshAsync(CancellationToken cancellationToken)
    {
        if (await ledger.ReloadAsync(cancellationToken).ConfigureAwait(false))
        {
            LogReloaded(logger, ledger.Count);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Introduction ledger reloaded: {Asks} asks")]
    private static partial void LogReloaded(ILogger logger, int asks);
}
