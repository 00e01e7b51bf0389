using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace GraphApi.Http.OpenApi;

/// <summary>
/// Puts every schema property's description where readers look for it. The generator writes a nullable reference
/// property as <c>oneOf: [null, {$ref, description}]</c>, with the record's XML description inside the branch; tools
/// (and the stricter lint) read it on the property. The problem schemas, which come from the framework, get the words of
/// RFC 9457 and of our <c>errors</c> member.
/// </summary>
internal sealed class OpenApiDescriptionsOnTop : IOpenApiDocumentTransformer
{
    private static readonly Dictionary<string, string> ProblemMembers = new(StringComparer.Ordinal)
    {
        ["type"] = "A URI naming the kind of problem (RFC 9457); for plain HTTP statuses, the RFC 9110 section of the status.",
        ["title"] = "A short summary of the kind of problem, the same for every occurrence of it.",
        ["status"] = "The HTTP status code of this answer.",
        ["detail"] = "What went wrong this time, and what to do about it, in plain words.",
        ["instance"] = "A URI naming this occurrence, when there is one.",
        ["errors"] = "Each broken field (a body path such as `to.kind` or `relationshipTypes[1]`, a query parameter, or `body` for the body as a whole) and what it must be.",
    };

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var (name, schema) in document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>())
        {
            if (schema is not OpenApiSchema { Properties: { } properties })
            {
                continue;
            }
            var isProblem = name is "ProblemDetails" or "HttpValidationProblemDetails";
            foreach (var (member, property) in properties)
            {
                if (property is not OpenApiSchema plain || !string.IsNullOrEmpty(plain.Description))
                {
                    continue;
                }
                plain.Description = isProblem && ProblemMembers.TryGetValue(member, out var words)
                    ? words
                    : plain.OneOf?.Select(Description).FirstOrDefault(d => !string.IsNullOrEmpty(d));
            }
        }
        return Task.CompletedTask;
    }

    private static string? Description(IOpenApiSchema branch) => branch switch
    {
        OpenApiSchemaReference reference => reference.Description,
        OpenApiSchema schema => schema.Description,
        _ => null,
    };
}
