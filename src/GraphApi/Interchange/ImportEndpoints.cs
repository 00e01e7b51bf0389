using System.ComponentModel;
using GraphApi.Core.Graph;
using GraphApi.Core.Interchange;
using GraphApi.Http.Input;
using GraphApi.Workspaces;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace GraphApi.Interchange;

/// <summary>POST /api/import: CSV files or a JSON body, all or nothing (admin).</summary>
public static class ImportEndpoints
{
    public static RouteHandlerBuilder MapImportEndpoints(this IEndpointRouteBuilder routes) =>
        routes.MapPost("/api/import", Import).WithTags("Import and export").WithName("Import")
            .WithSummary("Import actors and relationships (CSV or JSON), all or nothing").WithDescription(InterchangeDocs.Import)
            .Accepts<ImportBody>("application/json", "multipart/form-data").ChecksBodyClosedSetsItself()
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                DescribeCsvForm(operation);
                return Task.CompletedTask;
            });

    private static async Task<Ok<ImportSummaryView>> Import(
        HttpRequest request, GraphService graph, CallerGraph caller, IOptions<ImportOptions> options, IOptions<JsonOptions> json,
        [Description("true: check everything and answer what would be created and updated, writing nothing. Default false.")] bool? dryRun,
        [Description("The id of the workspace the rows become private to (an admin bound to a workspace: their own). Left out: the public graph.")] string? workspace,
        CancellationToken cancellationToken)
    {
        if (workspace is not null && caller.Workspace is not null && workspace != caller.Workspace)
        {
            throw new Core.Storage.StoreNotFoundException($"no workspace '{workspace}' exists");
        }
        // Limits (Import:MaxRows, the body cap while reading) throw; ApiExceptionHandler answers them 413.
        var limits = options.Value;
        var batch = await ReadAsync(request, graph.Snapshot.ForWorkspace(workspace), graph, json.Value, limits, cancellationToken);
        if (batch.Errors.Count > 0)
        {
            throw new ImportRejectedException(batch.Errors, limits.MaxReportedErrors);
        }
        var summary = await GraphImport.ApplyAsync(graph, batch.Actors, batch.Relationships, dryRun ?? false, workspace, cancellationToken);
        return TypedResults.Ok(new ImportSummaryView(summary.DryRun, summary.ActorsCreated, summary.ActorsUpdated, summary.RelationshipsCreated,
            summary.RelationshipsUpdated, summary.Version));
    }

    /// <summary>The request check has refused every media type but these two (415 naming both).</summary>
    /// <param name="snapshot">The graph the rows go into: a relationship's ends may be in the rows or in it.</param>
    private static async Task<ImportBatch> ReadAsync(HttpRequest request, GraphSnapshot snapshot, GraphService graph, JsonOptions json, ImportOptions limits,
        CancellationToken cancellationToken)
    {
        if (request.HasFormContentType)
        {
            return await CsvFormImport.ReadAsync(request, snapshot, graph, limits.MaxRows, cancellationToken);
        }
        return await JsonBodyImport.ReadAsync(request, json.SerializerOptions, graph.Catalogue, id => snapshot.FindActor(id) is not null,
            limits.MaxRows, cancellationToken);
    }

    /// <summary>The multipart body is two optional CSV file parts, not the JSON body's shape.</summary>
    private static void DescribeCsvForm(OpenApiOperation operation)
    {
        if (operation.RequestBody?.Content?.TryGetValue("multipart/form-data", out var form) != true || form is null)
        {
            return;
        }
        OpenApiSchema File(string description) => new() { Type = JsonSchemaType.String, Format = "binary", Description = description };
        form.Schema = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "CSV files in the seed format (the headers of cypher/seed/*.csv; lists '|'-separated; UTF-8); either may be left out.",
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                [CsvFormImport.ActorsPart] = File("actors.csv: one actor per row."),
                [CsvFormImport.RelationshipsPart] = File("relationships.csv: one relationship per row; its ends may be in actors.csv or already in the store."),
            },
        };
    }
}
