using Microsoft.AspNetCore.Mvc;

namespace GraphApi.Hosting;

/// <summary>
/// The server starts beside the graph's load (<see cref="HostOptions.ServicesStartConcurrently"/>), so that building
/// the request pipeline, binding the port and the first requests' compilation overlap the load instead of following
/// it. Until every hosted service has started (the graph and the ledger loaded) a request waits here, as it would
/// have waited for the port to open; the health endpoints pass, so a probe sees live, and not ready until the load
/// is done. Should the start fail instead, a waiting request gets 503 while the host stops.
/// </summary>
public sealed class StartGate(RequestDelegate next, IHostApplicationLifetime lifetime, IProblemDetailsService problems)
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
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = StatusCodes.Status503ServiceUnavailable,
                        Title = "The service is stopping",
                        Detail = "the service stopped before it finished starting (its log says why); nothing was done",
                    },
                }).ConfigureAwait(false);
                return;
            }
        }
        await next(context).ConfigureAwait(false);
    }
}
