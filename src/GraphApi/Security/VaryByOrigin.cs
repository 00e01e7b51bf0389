using Microsoft.Extensions.Options;

namespace GraphApi.Security;

/// <summary>
/// When browsers from other origins may call the API, every answer says it varies by <c>Origin</c> (and by the key or token,
/// since answers differ by role), so no cache hands one origin's CORS headers or one role's answer to another. The CORS
/// middleware adds <c>Vary: Origin</c> only in some cases; caches need it on all.
/// </summary>
public sealed class VaryByOrigin(RequestDelegate next, IOptions<CorsOptions> cors)
{
    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var crossOrigin = cors.Value.AllowedOrigins.Count > 0;
        context.Response.OnStarting(() =>
        {
            var vary = context.Response.Headers.Vary;
            foreach (var header in crossOrigin ? new[] { "Origin", ApiKeyAuthenticationHandler.HeaderName, "Authorization" } : [ApiKeyAuthenticationHandler.HeaderName, "Authorization"])
            {
                if (!vary.Any(v => v!.Split(',').Any(h => string.Equals(h.Trim(), header, StringComparison.OrdinalIgnoreCase))))
                {
                    vary = Microsoft.Extensions.Primitives.StringValues.Concat(vary, header);
                }
            }
            context.Response.Headers.Vary = vary;
            return Task.CompletedTask;
        });
        return next(context);
    }
}
