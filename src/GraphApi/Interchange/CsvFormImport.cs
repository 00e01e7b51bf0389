using System.Text;
using GraphApi.Core.Graph;
using GraphApi.Core.Interchange;

namespace GraphApi.Interchange;

/// <summary>
/// Reads a multipart/form-data import: a file part named <c>actors</c> and/or one named <c>relationships</c>, in the
/// seed CSV format. Either may be left out (e.g. relationships between actors already in the store).
/// </summary>
public static class CsvFormImport
{
    public const string ActorsPart = "actors";
    public const string RelationshipsPart = "relationships";

    private static readonly string EmptyRelationships = string.Join(',', GraphCsv.RelationshipColumns);
    private static readonly string EmptyActors = string.Join(',', GraphCsv.ActorColumns);

    /// <exception cref="ImportLimitException">A file has more rows than allowed.</exception>
    /// <param name="snapshot">The graph the rows go into (the public one, or a workspace's view): ends may be in it.</param>
    public static async Task<ImportBatch> ReadAsync(HttpRequest request, GraphSnapshot snapshot, GraphService graph, int maxRows, CancellationToken cancellationToken)
    {
        var form = await request.ReadFormAsync(cancellationToken);
        var unexpected = form.Files.Select(f => f.Name).Where(n => n is not ActorsPart and not RelationshipsPart).ToList();
        var actors = form.Files.GetFile(ActorsPart);
        var relationships = form.Files.GetFile(RelationshipsPart);
        if (unexpected.Count > 0 || (actors is null && relationships is null))
        {
            var message = unexpected.Count > 0
                ? $"unexpected file part(s) {string.Join(", ", unexpected.Select(n => $"'{n}'"))}: send files named '{ActorsPart}' and/or '{RelationshipsPart}'"
                : $"no file: send CSV files as form parts named '{ActorsPart}' and/or '{RelationshipsPart}'";
            return ImportBatch.Rejected(new ImportError("form", null, null, null, message));
        }
        using var actorsReader = Open(actors, EmptyActors);
        using var relationshipsReader = Open(relationships, EmptyRelationships);
        var csv = GraphCsv.Read(
            actorsReader, FileName(actors, "actors.csv"), relationshipsReader, FileName(relationships, "relationships.csv"),
            graph.Catalogue, id => snapshot.FindActor(id) is not null, new CsvReadOptions { MaxRows = maxRows });
        return new ImportBatch(csv.Actors, csv.Relationships, [.. csv.Errors.Select(e => new ImportError(e.File, e.Line, e.Column, null, e.Message))]);
    }

    // The form is already buffered (memory or a temp file), so these reads never block on the network.
    private static TextReader Open(IFormFile? file, string headerOnly) => file is null
        ? new StringReader(headerOnly)
        : new StreamReader(file.OpenReadStream(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);

    private static string FileName(IFormFile? file, string fallback) =>
        string.IsNullOrWhiteSpace(file?.FileName) ? fallback : Path.GetFileName(file.FileName);
}
