using GraphApi.Core.Domain;
using Microsoft.Net.Http.Headers;

namespace GraphApi.Http.Input;

/// <summary>
/// Checks every request's query and body against what its operation declares, before binding, so a mistake is a 400
/// naming the field in plain words (or a 415 naming the media type to send) and never reaches the binder, whose
/// messages name .NET types. Runs after the security checks, so an unauthorised caller learns nothing of the shapes.
/// Closed-set values, in the query and in a JSON body, are rewritten to their canonical spelling here, once, for handlers,
/// caches and the domain rules alike.
/// </summary>
public sealed class StrictInputMiddleware(RequestDelegate next, EndpointInputs inputs, ClosedSets sets, JsonBodyCheck bodies)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.GetEndpoint() is not { } endpoint || inputs.For(endpoint, context.Request.Method) is not { } input)
        {
            await next(context).ConfigureAwait(false);
            return;
        }
        var errors = new ValidationErrors();
        if (QueryCheck.Check(context.Request.Query, input.Query, sets, errors) is { } canonical)
        {
            context.Request.QueryString = canonical;
        }
        if (input.BodyMediaTypes.Count > 0)
        {
            if (UnsupportedMediaType(context.Request, input) is { } detail)
            {
                await ApiProblems.WriteAsync(context, StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", detail).ConfigureAwait(false);
                return;
            }
            if (await CheckBodyAsync(context.Request, input, errors).ConfigureAwait(false) is { } respelt && errors.IsEmpty)
            {
                context.Request.Body = new MemoryStream(respelt, writable: false);
                context.Request.ContentLength = respelt.Length;
            }
        }
        if (!errors.IsEmpty)
        {
            await ApiProblems.WriteValidationAsync(context, errors).ConfigureAwait(false);
            return;
        }
        await next(context).ConfigureAwait(false);
    }

    private static bool HasBody(HttpRequest request) =>
        request.ContentLength > 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count > 0);

    private static string? UnsupportedMediaType(HttpRequest request, EndpointInput input)
    {
        if (!HasBody(request))
        {
            return null; // a missing body is a 400 on the body, not a media-type question
        }
        var accepted = string.Join(" or ", input.BodyMediaTypes);
        if (string.IsNullOrWhiteSpace(request.ContentType))
        {
            return $"The request has a body but no Content-Type header; send it as {accepted} (e.g. -H 'Content-Type: {input.BodyMediaTypes[0]}').";
        }
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var given)
            || !input.BodyMediaTypes.Any(m => string.Equals(m, given.MediaType.Value, StringComparison.OrdinalIgnoreCase)))
        {
            return $"The body was sent as '{request.ContentType}'; this operation reads {accepted}.";
        }
        return null;
    }

    /// <returns>The body with closed-set values respelt, or null when it is to be read as sent.</returns>
    private async Task<byte[]?> CheckBodyAsync(HttpRequest request, EndpointInput input, ValidationErrors errors)
    {
        if (!HasBody(request))
        {
            if (!input.BodyOptional && input.JsonBody is not null)
            {
                errors.Add(JsonBodyCheck.BodyField, "is required: send a JSON object with Content-Type: application/json");
            }
            return null;
        }
        if (input.JsonBody is null || !MediaTypeHeaderValue.TryParse(request.ContentType, out var given) || !IsJson(given))
        {
            return null; // bodies the operation reads itself (a multipart import) are checked by it
        }
        request.EnableBuffering();
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted).ConfigureAwait(false);
        request.Body.Position = 0;
        var body = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        var refuseOutsideSets = request.HttpContext.GetEndpoint()?.Metadata.GetMetadata<ClosedSetsCheckedByOperation>() is null;
        var respell = bodies.Check(body, input.JsonBody, errors, refuseOutsideSets);
        return respell.Count > 0 ? JsonBodyRewrite.Apply(body.Span, respell) : null;
    }

    private static bool IsJson(MediaTypeHeaderValue media) =>
        string.Equals(media.MediaType.Value, "application/json", StringComparison.OrdinalIgnoreCase);
}
