namespace GraphApi.Hosting;

/// <summary>
/// The server starts beside the graph's load (<see cref="HostOptions.ServicesStartConcurrently"/>), so that building
/// the request pipeline, binding the port and the first requests' compilation overlap the load instead of following
/// it. Until every hosted service has started (the graph and the ledger loaded) a request waits here, as it would
/// have waited for the port to open; the health endpoints pass, so a probe sees live, and not ready until the load
/// is done. Should the start fail instead, a waiting request's connection is closed unanswered, as the port stayed
/// closed before: no operation's documented answers grow a status that only a failing start could give.
/// </summary>
public sealed class StartGate(RequestDelegate next, IHostApplicationLifetime lifetime)
{
    private readonly Task _started = LifetimeTasks.When(lifetime.ApplicationStarted);
    private readonly Task _stopping = LifetimeTasks.When(lifetime.ApplicationStopping);

    public async Task InvokeAsync(HttpContext context)
    {
        if (!_started.IsCompleted && !context.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase))
        {
            await Task.WhenAny(_started, _stopping).WaitAsync(context.RequestAborted).ConfigureAwait(false);
            if (!_started.IsCompleted)
            {
                context.Abort();
                return;
            }
        }
        await next(context).ConfigureAwait(false);
    }
}
