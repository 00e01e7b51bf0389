using Microsoft.Extensions.Options;

namespace GraphApi.Hosting;

/// <summary>
/// Re-reads something the store holds every <c>GraphStore:RefreshIntervalSeconds</c> (0 turns it off), so that what
/// another replica or process wrote reaches this one. A failed read never ends the loop: what is in memory keeps
/// being served, the failure is logged, and the next tick tries again (readiness reports a store outage).
/// </summary>
public abstract partial class PeriodicRefresher(IOptions<GraphStoreOptions> options, IHostApplicationLifetime lifetime, ILogger logger) : BackgroundService
{
    /// <summary>What is refreshed, for the log ("snapshot", "introduction ledger").</summary>
    protected abstract string Subject { get; }

    protected abstract Task RefreshAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.RefreshIntervalSeconds;
        if (interval <= 0)
        {
            return;
        }
        // The services start side by side (Program.cs): the first tick waits until the loads have finished, and a
        // start that fails (or a stop before it ends) ends the loop quietly; the host says why it stopped.
        var started = LifetimeTasks.When(lifetime.ApplicationStarted);
        await Task.WhenAny(started, LifetimeTasks.When(stoppingToken)).ConfigureAwait(false);
        if (!started.IsCompleted)
        {
            return;
        }
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(interval));
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await RefreshAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, Subject, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The {Subject} refresh failed; serving it as it was")]
    private static partial void LogFailed(ILogger logger, string subject, Exception exception);
}
