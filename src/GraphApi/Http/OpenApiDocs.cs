using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace GraphApi.Http;

internal sealed class OpenApiDocumentInfo : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "GraphApi";
        document.Info.Description =
            "Introduction routes and brokerage analysis over the network of organisations that cooperate between Europe and South Korea. " +
            "Errors are RFC 9457 problem+json; 400s list every broken field under `errors`.\n\n" + TextRuleDocs.Markdown;
        return Task.CompletedTask;
    }
}

/// <summary>Request examples for the operations people try first in Swagger UI.</summary>
internal sealed class OpenApiExamples : IOpenApiOperationTransformer
{
    private static readonly Dictionary<string, string> Examples = new(StringComparer.Ordinal)
    {
        ["CreateActor"] = """
            {"id":"busan-marine-cluster","name":"Busan Marine Cluster","aliases":["BMC"],"kind":"Cluster","country":"KR",
             "sectors":["maritime"],"city":"Busan","sources":["example"]}
            """,
        ["CreateRelationship"] = """
            {"id":"pole-eau-mou-example","source":"pole-eau","target":"kicox","type":"MOU","since":"2016-05",
             "evidence":{"document":"Signed MoU","section":"p. 2","quote":"Both parties agree to cooperate"}}
            """,
        ["FindIntroductionRoutes"] = """
            {"from":["pole-eau"],"to":{"kind":"MiniCluster","country":"KR"},"k":3,"maxHops":6,
             "avoid":[],"distinctTargets":false,"disjoint":false}
            """,
        ["FindBestNextTie"] = """
            {"from":"pole-eau","to":{"kind":"MiniCluster","country":"KR"},"candidates":{"region":"EU"},"includeTied":false,
             "type":"MOU","maxHops":6,"limit":10}
            """,
        ["MergeActor"] = """
            {"into":"kicox","dryRun":true,"duplicateTies":"keep"}
            """,
    };

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var name = context.Description.ActionDescriptor.EndpointMetadata.OfType<IEndpointNameMetadata>().FirstOrDefault()?.EndpointName;
        if (name is not null && Examples.TryGetValue(name, out var json)
            && operation.RequestBody?.Content?.TryGetValue("application/json", out var media) == true && media is OpenApiMediaType mediaType)
        {
            mediaType.Example = JsonNode.Parse(json);
        }
        return Task.CompletedTask;
    }
}
