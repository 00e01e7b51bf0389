using System.Text.Json.Nodes;
using GraphApi.Http.Input;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace GraphApi.Http.OpenApi;

/// <summary>
/// Lists closed sets as <c>enum</c>s, from the same <see cref="ClosedSets"/> the request check uses: query parameters
/// marked <see cref="OneOfAttribute"/> (a comma-separated list says so in its description) and body fields marked
/// likewise; a field that takes one id or a list (<see cref="OneOrManyAttribute"/>) becomes a <c>oneOf</c> of the two.
/// </summary>
internal sealed class OpenApiClosedSets(ClosedSets sets) : IOpenApiOperationTransformer, IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var description in context.Description.ParameterDescriptions)
        {
            if (EndpointInputs.OneOfOf(description) is not { } oneOf
                || operation.Parameters?.OfType<OpenApiParameter>().FirstOrDefault(p =>
                    string.Equals(p.Name, description.Name, StringComparison.OrdinalIgnoreCase)) is not { } parameter)
            {
                continue;
            }
            var values = sets[oneOf.Set].Values;
            var one = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [.. values.Select(v => (JsonNode)JsonValue.Create(v))] };
            if (oneOf.List)
            {
                // Sent comma-separated (form style, not exploded): measures=degree,betweenness.
                parameter.Schema = new OpenApiSchema { Type = JsonSchemaType.Array, Items = one };
                parameter.Style = ParameterStyle.Form;
                parameter.Explode = false;
            }
            else
            {
                parameter.Schema = one;
            }
        }
        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var member = context.JsonPropertyInfo?.AttributeProvider;
        var oneOf = member?.GetCustomAttributes(typeof(OneOfAttribute), true).FirstOrDefault() as OneOfAttribute;
        if (member?.GetCustomAttributes(typeof(OneOrManyAttribute), true).Length > 0)
        {
            var one = new OpenApiSchema { Type = JsonSchemaType.String };
            var many = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } };
            schema.Type = null;
            schema.Items = null;
            schema.OneOf = [one, many];
            schema.Description ??= "One value, or a list of them.";
            if (oneOf is not null)
            {
                // A closed set given as one value or a list: both branches list the values.
                one.Enum = Values(oneOf);
                ((OpenApiSchema)many.Items).Enum = Values(oneOf);
            }
            return Task.CompletedTask;
        }
        if (oneOf is not null)
        {
            var target = schema.Items is OpenApiSchema items ? items : schema;
            var nullable = target.Type is { } type && type.HasFlag(JsonSchemaType.Null);
            target.Enum = Values(oneOf);
            if (nullable)
            {
                target.Enum.Add(null!);
            }
        }
        return Task.CompletedTask;
    }

    private List<JsonNode> Values(OneOfAttribute oneOf) => [.. sets[oneOf.Set].Values.Select(v => (JsonNode)JsonValue.Create(v))];
}
