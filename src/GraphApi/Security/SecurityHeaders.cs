using Microsoft.Extensions.Options;

namespace GraphApi.Security;

/// <summary>
/// Adds the browser-hardening headers to every response. Set when the response starts, not when the request arrives,
/// because the exception handler clears headers before writing an error and errors must carry them too.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next, IOptions<SecurityHeaderOptions> options)
{
    public Task InvokeAsync(HttpContext context)
    {
        var policy = options.Value.ContentSecurityPolicy;
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers.ContentSecurityPolicy = policy;
            return Task.CompletedTask;
        });
        return next(context);
    }
}
