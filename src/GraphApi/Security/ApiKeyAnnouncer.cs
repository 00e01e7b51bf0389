namespace GraphApi.Security;

/// <summary>Loads the key set at start (so a bad one fails fast) and prints a Development run's generated admin key once.</summary>
public sealed partial class ApiKeyAnnouncer(ApiKeyRegistry keys, ILogger<ApiKeyAnnouncer> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (keys.GeneratedAdminKey is { } generated)
        {
            LogGenerated(logger, generated, ApiKeyAuthenticationHandler.HeaderName);
        }
        else
        {
            LogKeys(logger, keys.Count);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Development admin key for this run (no keys configured, GRAPHAPI_ADMIN_KEY unset): {Key} — send it in the {Header} header")]
    private static partial void LogGenerated(ILogger logger, string key, string header);

    [LoggerMessage(Level = LogLevel.Information, Message = "API keys loaded: {Count}")]
    private static partial void LogKeys(ILogger logger, int count);
}
