using GraphApi.Core.Domain;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace GraphApi.Http.OpenApi;

/// <summary>
/// A partial date is written by its own converter as text (YYYY, YYYY-MM or YYYY-MM-DD), which the schema generator
/// cannot see (it leaves the schema empty): this gives its component that form, so clients type it as a string and
/// validators check it.
/// </summary>
internal sealed class OpenApiPartialDates : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        if (document.Components?.Schemas?.TryGetValue(nameof(PartialDate), out var found) == true && found is OpenApiSchema schema)
        {
            schema.Type = JsonSchemaType.String;
            schema.Pattern = "^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$";
            schema.Description = "A date known to a year, a year and month, or a day (YYYY, YYYY-MM or YYYY-MM-DD, years 1000-9999), kept at that precision.";
        }
        return Task.CompletedTask;
    }
}
