using GraphApi.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace GraphApi.Security;

/// <summary>
/// Caps each request body by path: a declared Content-Length over the cap is refused with 413 before anything is read;
/// otherwise the server's own limit is narrowed (Kestrel then fails the read with 413), and where the server has no
/// such limit (the in-memory test server) the body is wrapped in a counting stream that does the same.
/// </summary>
public sealed class RequestBodyLimit(RequestDelegate next, IOptions<BodyLimitOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var limits = options.Value;
        var cap = limits.LargeBodyPrefixes.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase))
            ? limits.MaxImportBodyBytes
            : limits.MaxRequestBodyBytes;
        if (context.Request.ContentLength > cap)
        {
            await SecurityProblems.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, ApiProblems.TooLargeTitle,
                $"This endpoint accepts at most {cap} bytes; the request declares {context.Request.ContentLength}.").ConfigureAwait(false);
            return;
        }
        var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false })
        {
            feature.MaxRequestBodySize = cap;
        }
        else
        {
            context.Request.Body = new CappedReadStream(context.Request.Body, cap);
        }
        await next(context).ConfigureAwait(false);
    }
}
