using System.Text.Json;

namespace GraphApi.Core.Interchange;

public enum ExportFormat
{
    GraphML,
    Gexf,
    Cytoscape,
    Csv,
    Json,
}

/// <summary>For format=csv: both files zipped, or one of them as plain CSV.</summary>
public enum CsvPart
{
    Both,
    Actors,
    Relationships,
}

/// <summary>One export: the format and its options.</summary>
public sealed record ExportRequest(ExportFormat Format, CsvPart Part = CsvPart.Both, GexfVersion Gexf = GexfVersion.Gexf13);

/// <summary>Picks the writer, content type and file name for an export; shared by the API and the CLI.</summary>
public static class GraphExporter
{
    public static readonly IReadOnlyList<string> FormatNames = ["graphml", "gexf", "cytoscape", "csv", "json"];

    public static bool TryParseFormat(string? text, out ExportFormat format) =>
        Enum.TryParse(text, ignoreCase: true, out format) && FormatNames.Contains(text!.ToLowerInvariant());

    public static bool TryParsePart(string? text, out CsvPart part)
    {
        part = text?.ToLowerInvariant() switch
        {
            null or "" => CsvPart.Both,
            "actors" => CsvPart.Actors,
            "relationships" => CsvPart.Relationships,
            _ => (CsvPart)(-1),
        };
        return Enum.IsDefined(part);
    }

    public static bool TryParseGexfVersion(string? text, out GexfVersion version)
    {
        version = text switch
        {
            null or "" or "1.3" => GexfVersion.Gexf13,
            "1.2" or "1.2draft" => GexfVersion.Gexf12Draft,
            _ => (GexfVersion)(-1),
        };
        return Enum.IsDefined(version);
    }

    public static string ContentType(ExportRequest request) => request switch
    {
        { Format: ExportFormat.GraphML } => "application/graphml+xml; charset=utf-8",
        { Format: ExportFormat.Gexf } => "application/gexf+xml; charset=utf-8",
        { Format: ExportFormat.Csv, Part: CsvPart.Both } => "application/zip",
        { Format: ExportFormat.Csv } => "text/csv; charset=utf-8",
        _ => "application/json; charset=utf-8",
    };

    public static string FileName(ExportRequest request) => request switch
    {
        { Format: ExportFormat.GraphML } => "graphapi.graphml",
        { Format: ExportFormat.Gexf } => "graphapi.gexf",
        { Format: ExportFormat.Cytoscape } => "graphapi.cyjs",
        { Format: ExportFormat.Csv, Part: CsvPart.Both } => "graphapi-csv.zip",
        { Format: ExportFormat.Csv, Part: CsvPart.Actors } => GraphCsvWriter.ActorsFile,
        { Format: ExportFormat.Csv } => GraphCsvWriter.RelationshipsFile,
        _ => "graphapi.json",
    };

    /// <param name="introductions">The introduction ledger's asks, written by the JSON format only, and only when asked for.</param>
    public static Task WriteAsync(ExportGraph graph, ExportRequest request, Stream output, JsonSerializerOptions apiJson, CancellationToken cancellationToken,
        IReadOnlyList<Introductions.Introduction>? introductions = null) =>
        request switch
        {
            { Format: ExportFormat.GraphML } => GraphMLWriter.WriteAsync(graph, output, cancellationToken),
            { Format: ExportFormat.Gexf } => GexfWriter.WriteAsync(graph, output, request.Gexf, cancellationToken),
            { Format: ExportFormat.Cytoscape } => CytoscapeJsonWriter.WriteAsync(graph, output, cancellationToken),
            { Format: ExportFormat.Csv, Part: CsvPart.Both } => GraphCsvWriter.WriteZipAsync(graph, output, cancellationToken),
            { Format: ExportFormat.Csv, Part: CsvPart.Actors } => GraphCsvWriter.WriteActorsAsync(graph, output, cancellationToken),
            { Format: ExportFormat.Csv } => GraphCsvWriter.WriteRelationshipsAsync(graph, output, cancellationToken),
            _ => GraphJsonWriter.WriteAsync(graph, output, apiJson, cancellationToken, introductions),
        };
}
