using Microsoft.AspNetCore.Diagnostics;

namespace GraphApi.Http;

/// <summary>
/// Gives the statuses the framework answers on its own, before any handler runs (no such path, a method the path does
/// not answer, a body type routing refused), the same problem+json shape with a detail that says what to do instead.
/// </summary>
internal static class BareStatusProblems
{
    public static Task WriteAsync(StatusCodeContext status)
    {
        var context = status.HttpContext;
        var request = context.Request;
        var (title, detail) = context.Response.StatusCode switch
        {
            StatusCodes.Status404NotFound => ("Not found", $"Nothing answers {request.Method} {request.Path}; the API's operations are listed in /openapi/v1.json."),
            StatusCodes.Status405MethodNotAllowed => ("Method not allowed",
                $"{request.Path} does not answer {request.Method}; it answers {AllowedMethods(context)}."),
            StatusCodes.Status415UnsupportedMediaType => ("Unsupported media type",
                $"The body was sent as '{request.ContentType}'; send it as application/json (-H 'Content-Type: application/json')."),
            var other => (ReasonPhrase(other), $"The request was answered {other} before reaching an operation."),
        };
        return ApiProblems.WriteAsync(context, context.Response.StatusCode, title, detail);
    }

    private static string AllowedMethods(HttpContext context) =>
        context.Response.Headers.Allow.ToString() is { Length: > 0 } allow ? allow : "other methods";

    private static string ReasonPhrase(int status) =>
        Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase ? phrase : "Error";
}
