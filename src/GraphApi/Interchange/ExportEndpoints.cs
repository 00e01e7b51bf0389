using System.Security.Claims;
using GraphApi.Http.Caching;
using GraphApi.Core.Domain;
using GraphApi.Core.Graph;
using GraphApi.Core.Interchange;
using GraphApi.Core.Introductions;
using GraphApi.Http;
using GraphApi.Introductions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace GraphApi.Interchange;

public static class ExportEndpoints
{
    public static RouteHandlerBuilder MapExportEndpoints(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/api/export", Export).CachedByGraphVersion().WithTags("Import and export").WithName("Export")
            .WithSummary("Export the graph or a subgraph as GraphML, GEXF, Cytoscape JSON, CSV or JSON")
            .WithDescription(
                "`format`: graphml (yEd, NetworkX), gexf (Gephi; `gexfVersion=1.2draft` for older readers), cytoscape " +
                "(Cytoscape.js elements), csv (zip of actors.csv + relationships.csv in the seed format, or one file with " +
                "`part=actors|relationships`), json (the API's shapes; what POST /api/import takes back). Subgraph: `ids=a,b`, " +
                "or `actor=X&depth=1..3` (its neighbourhood), narrowed by `kind`, `country`, `region`, `sector`; relationships " +
                "are exported when both ends are. `analysis=degree,…` adds per-actor columns (declared typed, so Gephi can size " +
                "and colour by them; columns not computed yet for this graph version take an analysis slot and its time budget, so the " +
                "export may answer 503 with Retry-After or advice, as the analyses do). Graph formats are undirected with the stored direction kept as source → target and a " +
                "`directed` edge attribute; edge weight / `strength` is the introduction strength. Contact details are never exported. " +
                "The introduction ledger is left out unless `includeLedger=true` (format=json): then `introductions` lists the asks " +
                "whose every route actor is exported, with their events (the names of the keys that recorded them, `recordedBy`, for editors and admins only). " +
                "Streamed, UTF-8.")
            .Produces(StatusCodes.Status200OK, contentType: "application/graphml+xml", additionalContentTypes:
                ["application/gexf+xml", "application/json", "application/zip", "text/csv"])
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    private static async Task<Results<PushStreamHttpResult, ValidationProblem, ProblemHttpResult>> Export(
        [AsParameters] ExportParameters query, GraphService graph, IEnumerable<IExportColumnSource> sources, IOptions<JsonOptions> json,
        IntroductionLedger ledger, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (ExportQuery.Parse(query, graph.Regions, sources, errors) is not { } plan)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        var snapshot = graph.Snapshot.Compacted();
        if (plan.MissingIds(snapshot) is { Count: > 0 } missing)
        {
            return ApiProblems.NoSuchActors(missing);
        }
        var export = await plan.SelectAsync(snapshot, cancellationToken);
        var introductions = query.IncludeLedger == true ? LedgerExport.Within(export, ledger, caller) : null;
        return TypedResults.Stream(
            body => GraphExporter.WriteAsync(export, plan.Request, body, json.Value.SerializerOptions, cancellationToken, introductions),
            GraphExporter.ContentType(plan.Request), GraphExporter.FileName(plan.Request));
    }
}
