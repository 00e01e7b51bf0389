using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing.Template;

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
            StatusCodes.Status415UnsupportedMediaType => ("Unsupported media type", UnsupportedMediaType(context)),
            var other => (ReasonPhrase(other), $"The request was answered {other} before reaching an operation."),
        };
        return ApiProblems.WriteAsync(context, context.Response.StatusCode, title, detail);
    }

    /// <summary>
    /// Routing refuses a body whose type no operation at the path reads before any operation is chosen, so the types
    /// the operations there accept are looked up by the path and method, to name them.
    /// </summary>
    private static string UnsupportedMediaType(HttpContext context)
    {
        var request = context.Request;
        var accepted = context.RequestServices.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains(request.Method, StringComparer.OrdinalIgnoreCase) == true
                && new TemplateMatcher(new RouteTemplate(e.RoutePattern), []).TryMatch(request.Path, []))
            .SelectMany(e => e.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes ?? [])
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .DefaultIfEmpty("application/json")
            .ToList();
        var sent = string.IsNullOrWhiteSpace(request.ContentType) ? "The request has a body but no Content-Type header" : $"The body was sent as '{request.ContentType}'";
        return $"{sent}; send it as {string.Join(" or ", accepted)} (e.g. -H 'Content-Type: {accepted[0]}').";
    }

    private static string AllowedMethods(HttpContext context) =>
        context.Response.Headers.Allow.ToString() is { Length: > 0 } allow ? allow : "other methods";

    private static string ReasonPhrase(int status) =>
        Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase ? phrase : "Error";
}
