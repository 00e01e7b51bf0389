using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace GraphApi.Http.Csv;

/// <summary>Declares the <c>text/csv</c> answer of every operation marked <see cref="CsvTables.ProducesCsv"/> beside its JSON one.</summary>
internal sealed class OpenApiCsvTables : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        var table = context.Description.ActionDescriptor.EndpointMetadata.OfType<CsvTableMetadata>().FirstOrDefault();
        if (table is null || operation.Responses?.TryGetValue("200", out var found) != true || found is not OpenApiResponse ok)
        {
            return Task.CompletedTask;
        }
        ok.Content ??= new Dictionary<string, OpenApiMediaType>();
        ok.Content[CsvTables.MediaType] = new OpenApiMediaType
        {
            Schema = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Description =
                    $"The same answer as a table, sent when `Accept` prefers text/csv: one row per element of `{string.Join('.', table.Rows)}`, " +
                    "its fields as columns (nested ones dotted, e.g. `roles.gatekeeper`), UTF-8, RFC 4180; text cells starting with " +
                    "= + - @ (or a tab or line break) are prefixed with an apostrophe so spreadsheets show them as text.",
            },
        };
        return Task.CompletedTask;
    }
}
