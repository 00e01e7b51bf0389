using System.Security.Claims;
using GraphApi.Core.Domain;
using GraphApi.Core.Graph;
using GraphApi.Core.Interchange;
using GraphApi.Core.Introductions;
using GraphApi.Http;
using GraphApi.Http.Caching;
using GraphApi.Introductions;
using GraphApi.Workspaces;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace GraphApi.Interchange;

/// <summary>GET /api/export: the graph or a part of it, for Gephi, yEd, NetworkX, Cytoscape or a spreadsheet.</summary>
public static class ExportEndpoints
{
    public static RouteHandlerBuilder MapExportEndpoints(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/api/export", Export).CachedByGraphVersion().WithTags("Import and export").WithName("Export")
            .WithSummary("Export the graph or a subgraph as GraphML, GEXF, Cytoscape JSON, CSV or JSON").WithDescription(InterchangeDocs.Export)
            .Produces(StatusCodes.Status200OK, contentType: "application/graphml+xml", additionalContentTypes:
                ["application/gexf+xml", "application/json", "application/zip", "text/csv"])
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                // format has no default: the check refuses an export without it, so the document says it is required.
                if (operation.Parameters?.FirstOrDefault(p => string.Equals(p.Name, "format", StringComparison.OrdinalIgnoreCase)) is Microsoft.OpenApi.OpenApiParameter format)
                {
                    format.Required = true;
                }
                return Task.CompletedTask;
            });

    private static async Task<PushStreamHttpResult> Export(
        [AsParameters] ExportQueryParameters query, [AsParameters] ActorFilterQuery filter, [AsParameters] AsOfQuery asOf,
        GraphService graph, CallerGraph view, IEnumerable<IExportColumnSource> sources, IOptions<JsonOptions> json, IntroductionLedger ledger, ClaimsPrincipal caller,
        HttpContext http, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var plan = ExportQuery.Parse(query.With(filter, asOf), graph.Regions, sources, errors);
        errors.ThrowIfAny();
        var snapshot = plan!.GraphOf(view.Snapshot);
        if (plan.MissingIds(snapshot) is { Count: > 0 } missing)
        {
            throw NotFoundException.NoSuchActors(missing);
        }
        var export = await plan.SelectAsync(snapshot, cancellationToken);
        IReadOnlyList<Introduction>? introductions = null;
        if (query.IncludeLedger == true)
        {
            var asks = ledger.ViewFor(view.Workspace);
            // The ledger moves no graph version: an answer that carries it is tagged by both, so a recorded ask is never a 304.
            http.Response.Headers.ETag = ConditionalGets.ForState(http, $"g{view.Snapshot.Version}-l{asks.Revision}");
            introductions = LedgerExport.Within(export, asks, caller);
        }
        return TypedResults.Stream(
            body => GraphExporter.WriteAsync(export, plan.Request, body, json.Value.SerializerOptions, cancellationToken, introductions),
            GraphExporter.ContentType(plan.Request), GraphExporter.FileName(plan.Request));
    }
}
