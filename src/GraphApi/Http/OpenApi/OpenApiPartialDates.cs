using GraphApi.Core.Domain;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace GraphApi.Http.OpenApi;

/// <summary>
/// A partial date is written by its own converter as text (YYYY, YYYY-MM or YYYY-MM-DD), which the schema generator
/// cannot see: this gives its schema that form, so clients type it as a string and validators check it.
/// </summary>
internal sealed class OpenApiPartialDates : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonTypeInfo.Type == typeof(PartialDate))
        {
            schema.Type = JsonSchemaType.String;
            schema.Pattern = @"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$";
            schema.Description = "A date known to a year, a year and month, or a day (YYYY, YYYY-MM or YYYY-MM-DD, years 1000-9999), kept at that precision.";
        }
        return Task.CompletedTask;
    }
}
