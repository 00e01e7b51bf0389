using Microsoft.OpenApi;

namespace GraphApi.Http.OpenApi;

/// <summary>Declares a header an operation sends with one of its answers, beside the ones <see cref="OpenApiStatuses"/> declares by rule.</summary>
public static class ResponseHeaders
{
    /// <summary>The record's revision in <c>ETag</c>, as a write answers it (send it back in If-Match for the next write).</summary>
    public static TBuilder DeclaresRevisionETag<TBuilder>(this TBuilder builder, int status) where TBuilder : IEndpointConventionBuilder =>
        builder.DeclaresHeader(status, "ETag", "The record's new revision: send it in If-Match to change it again safely.");

    public static TBuilder DeclaresHeader<TBuilder>(this TBuilder builder, int status, string name, string description)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            if (operation.Responses?.TryGetValue(status.ToString(System.Globalization.CultureInfo.InvariantCulture), out var found) == true
                && found is OpenApiResponse response)
            {
                response.Headers ??= new Dictionary<string, IOpenApiHeader>();
                response.Headers[name] = new OpenApiHeader { Description = description, Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
            }
            return Task.CompletedTask;
        });
}
