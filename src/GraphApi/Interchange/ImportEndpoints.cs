using GraphApi.Core.Graph;
using GraphApi.Core.Interchange;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace GraphApi.Interchange;

public static class ImportEndpoints
{
    public static RouteHandlerBuilder MapImportEndpoints(this IEndpointRouteBuilder routes) =>
        routes.MapPost("/api/import", Import).WithTags("Import and export").WithName("Import")
            .WithSummary("Import actors and relationships (CSV or JSON), all or nothing")
            .WithDescription(
                "CSV: multipart/form-data with file parts `actors` and/or `relationships` in the seed format (the headers of " +
                "cypher/seed/*.csv; lists '|'-separated; UTF-8). JSON: `{\"actors\":[…],\"relationships\":[…]}` in the API's own " +
                "shapes (an export with format=json). Items are upserted by id in one transaction; relationships may reference " +
                "actors already in the store. If anything is wrong nothing is written and the 400 lists every error with " +
                "file, line, column (CSV) or JSON path, under `importErrors` and in the `errors` map. `dryRun=true` only " +
                "validates and reports what would be created or updated. Bodies over Limits:MaxImportBodyBytes or with more than " +
                "Import:MaxRows items are answered 413. Needs the admin role.")
            .Accepts<ImportBody>("application/json", "multipart/form-data")
            .Produces<ImportSummary>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

    private static async Task<Results<Ok<ImportSummary>, ValidationProblem, ProblemHttpResult>> Import(
        HttpRequest request, GraphService graph, IOptions<ImportOptions> options, IOptions<JsonOptions> json, bool? dryRun,
        CancellationToken cancellationToken)
    {
        // Limits (Import:MaxRows, the body cap while reading) throw; ApiExceptionHandler answers them 413.
        var limits = options.Value;
        var batch = await ReadAsync(request, graph, json.Value, limits, cancellationToken);
        if (batch is null)
        {
            return TypedResults.Problem("Send multipart/form-data (CSV files) or application/json.",
                statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type");
        }
        if (batch.Errors.Count > 0)
        {
            return Rejected(batch.Errors, limits.MaxReportedErrors);
        }
        return TypedResults.Ok(await GraphImport.ApplyAsync(graph, batch.Actors, batch.Relationships, dryRun ?? false, cancellationToken));
    }

    private static async Task<ImportBatch?> ReadAsync(HttpRequest request, GraphService graph, JsonOptions json, ImportOptions limits, CancellationToken cancellationToken)
    {
        if (request.HasFormContentType)
        {
            return await CsvFormImport.ReadAsync(request, graph, limits.MaxRows, cancellationToken);
        }
        if (request.HasJsonContentType())
        {
            var snapshot = graph.Snapshot;
            return await JsonBodyImport.ReadAsync(request, json.SerializerOptions, graph.Catalogue, id => snapshot.FindActor(id) is not null,
                limits.MaxRows, cancellationToken);
        }
        return null;
    }

    private static ValidationProblem Rejected(IReadOnlyList<ImportError> errors, int maxReported)
    {
        var listed = errors.Take(maxReported).ToList();
        var byLocation = listed.GroupBy(e => e.Location).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());
        var shown = errors.Count > maxReported ? $", the first {maxReported} listed" : "";
        return TypedResults.ValidationProblem(byLocation,
            detail: $"{errors.Count} error(s){shown}; nothing was written.",
            title: "The import was rejected",
            extensions: new Dictionary<string, object?> { ["importErrors"] = listed, ["errorCount"] = errors.Count });
    }
}
