using GraphApi.Security;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace GraphApi.Http.OpenApi;

/// <summary>
/// Declares every status an operation can answer, from the same rules that produce them at run time: the request check
/// (400 on every operation, 413/415 where a body is read), the access rules (401 on every operation, since an unknown
/// key is refused even on a public read; 403 where a role is needed), the rate limiter (429), conditional GETs (304 and
/// the ETag), writes and bounded analyses (503 with Retry-After). Operations declare their own 301/404/409/410/412 with
/// <c>ProducesProblem</c>. Every error carries the problem schema; headers are declared where they are sent.
/// </summary>
internal sealed class OpenApiStatuses(AccessRules access) : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var description = context.Description;
        var path = "/" + description.RelativePath?.TrimEnd('/');
        if (!path.StartsWith("/api", StringComparison.Ordinal))
        {
            return Task.CompletedTask;
        }
        var method = description.HttpMethod ?? "GET";
        var document = context.Document;
        var responses = operation.Responses ??= [];
        var hasBody = description.SupportedRequestFormats.Count > 0;
        Add(responses, "400", "The request breaks a rule: `errors` names each field (or query parameter, or `body`) and what it must be.", Problem(document, validation: true));
        Add(responses, "401", "No API key or bearer token where one is needed, or one this service refuses (an unknown key; an expired, foreign or forged token; both at once), even on public reads. The detail says why; WWW-Authenticate names the accepted schemes.", Problem(document));
        if (access.For(method, path).Role is { } role)
        {
            Add(responses, "403", $"The key's or token's role is below {role}, or the deployment is read-only.", Problem(document));
        }
        if (hasBody)
        {
            Add(responses, "413", "The body is larger than this operation accepts.", Problem(document));
            Add(responses, "415", $"The body's Content-Type is missing or not one of {string.Join(", ", description.SupportedRequestFormats.Select(f => f.MediaType).Distinct())}.", Problem(document));
        }
        Add(responses, "429", "Too many requests from this caller: retry after the seconds in Retry-After.", Problem(document), RetryAfter());
        if (HttpMethods.IsGet(method))
        {
            Add(responses, "304", "Not modified: the If-None-Match ETag still names this answer.", null, ("ETag", ETagHeader()));
            if (responses.TryGetValue("200", out var ok) && ok is OpenApiResponse success)
            {
                success.Headers ??= new Dictionary<string, IOpenApiHeader>();
                success.Headers.TryAdd("ETag", ETagHeader());
                if (description.SupportedResponseTypes.Any(r => r.StatusCode == StatusCodes.Status200OK && typeof(IPaged).IsAssignableFrom(r.Type)))
                {
                    success.Headers.TryAdd("Link", new OpenApiHeader
                    {
                        Description = "The next page as `<url>; rel=\"next\"` (RFC 8288): the body's `next`, for clients that follow headers. Absent on the last page.",
                        Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                    });
                }
            }
        }
        foreach (var (status, response) in responses)
        {
            Complete(document, status, response);
        }
        return Task.CompletedTask;
    }

    private static void Add(OpenApiResponses responses, string status, string description, OpenApiSchemaReference? problem, params (string Name, IOpenApiHeader Header)[] headers)
    {
        if (!responses.TryGetValue(status, out var existing) || existing is not OpenApiResponse response)
        {
            response = new OpenApiResponse();
            responses[status] = response;
        }
        response.Description = description;
        if (problem is not null)
        {
            response.Content ??= new Dictionary<string, OpenApiMediaType>();
            response.Content["application/problem+json"] = new OpenApiMediaType { Schema = problem };
        }
        foreach (var (name, header) in headers)
        {
            response.Headers ??= new Dictionary<string, IOpenApiHeader>();
            response.Headers[name] = header;
        }
    }

    /// <summary>Statuses an operation declared itself get the problem schema, words for their description and their headers.</summary>
    private static void Complete(OpenApiDocument? document, string status, IOpenApiResponse response)
    {
        if (response is not OpenApiResponse r)
        {
            return;
        }
        if (status.StartsWith('4') || status.StartsWith('5'))
        {
            r.Content ??= new Dictionary<string, OpenApiMediaType>();
            if (r.Content.Count == 0 || !r.Content.ContainsKey("application/problem+json"))
            {
                r.Content.Clear();
                r.Content["application/problem+json"] = new OpenApiMediaType { Schema = Problem(document, validation: status == "400") };
            }
        }
        r.Headers ??= new Dictionary<string, IOpenApiHeader>();
        switch (status)
        {
            case "201":
                r.Headers.TryAdd("Location", new OpenApiHeader { Description = "The URL of the new record.", Schema = new OpenApiSchema { Type = JsonSchemaType.String } });
                break;
            case "301":
                r.Headers.TryAdd("Location", new OpenApiHeader { Description = "Where the record lives now.", Schema = new OpenApiSchema { Type = JsonSchemaType.String } });
                break;
            case "503":
                r.Headers.TryAdd("Retry-After", RetryAfter().Header);
                break;
        }
        r.Description = r.Description is null or "" or "OK" or "Created" or "Not Found" or "Bad Request" or "Conflict" or "Gone"
            or "Service Unavailable" or "Precondition Failed" or "Moved Permanently" or "No Content"
            ? Words(status)
            : r.Description;
    }

    private static string Words(string status) => status switch
    {
        "200" => "The answer.",
        "201" => "Created: the body holds the record as stored, Location its URL.",
        "204" => "Done; nothing to return.",
        "301" => "The id was merged into another actor: Location names it.",
        "404" => "An id in the path or the request names no record (the problem says which).",
        "409" => "The request conflicts with the current state (an id taken, a state that does not allow it).",
        "410" => "The id was merged into an actor that no longer exists.",
        "412" => "If-Match names a revision the record no longer has: read it again and retry.",
        "503" => "Not now: the store cannot take writes, or analyses are at capacity or out of time. Retry after Retry-After.",
        _ => $"Status {status}.",
    };

    private static (string Name, IOpenApiHeader Header) RetryAfter() => ("Retry-After",
        new OpenApiHeader { Description = "Seconds to wait before retrying.", Schema = new OpenApiSchema { Type = JsonSchemaType.Integer } });

    private static OpenApiHeader ETagHeader() => new()
    {
        Description = "Names this answer: a record's revision, or the graph version and request. Send it back in If-None-Match to get a 304 while it holds (and, for records, in If-Match to update safely).",
        Schema = new OpenApiSchema { Type = JsonSchemaType.String },
    };

    private static OpenApiSchemaReference Problem(OpenApiDocument? document, bool validation = false) =>
        new OpenApiSchemaReference(validation ? "HttpValidationProblemDetails" : "ProblemDetails", document);
}
