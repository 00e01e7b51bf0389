using System.IO.Compression;
using System.Text;
using GraphApi.Core.Domain;
using nietras.SeparatedValues;

namespace GraphApi.Core.Interchange;

/// <summary>
/// Writes the seed CSV format that <see cref="GraphCsv"/> reads, so an export imports back unchanged. Strength is
/// the stored override (empty when the type's default applies), not the effective value, for the same reason.
/// Analysis columns are appended to the actors file; the reader ignores columns it does not know.
/// </summary>
public static class GraphCsvWriter
{
    public const string ActorsFile = "actors.csv";
    public const string RelationshipsFile = "relationships.csv";

    /// <summary>Both files in one zip, streamed entry by entry.</summary>
    public static async Task WriteZipAsync(ExportGraph graph, Stream output, CancellationToken cancellationToken)
    {
        var sink = new AsyncDrainStream(output);
        await using (sink.ConfigureAwait(false))
        {
            var archive = await ZipArchive.CreateAsync(sink, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, cancellationToken).ConfigureAwait(false);
            await using (archive.ConfigureAwait(false))
            {
                await WriteEntryAsync(archive, ActorsFile, s => WriteActorsAsync(graph, s, cancellationToken), cancellationToken).ConfigureAwait(false);
                await WriteEntryAsync(archive, RelationshipsFile, s => WriteRelationshipsAsync(graph, s, cancellationToken), cancellationToken).ConfigureAwait(false);
            }
            await sink.DrainAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task WriteEntryAsync(ZipArchive archive, string name, Func<Stream, Task> write, CancellationToken cancellationToken)
    {
        var entry = await archive.CreateEntry(name, CompressionLevel.Fastest).OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (entry.ConfigureAwait(false))
        {
            await write(entry).ConfigureAwait(false);
        }
    }

    public static Task WriteActorsAsync(ExportGraph graph, Stream output, CancellationToken cancellationToken) =>
        WriteAsync(output, [.. GraphCsv.ActorColumns, .. graph.Columns.Select(c => c.Name)],
            [.. GraphCsv.ActorColumns.Select(CsvFormulaGuard.IsTextColumn), .. graph.Columns.Select(c => c.Type == AttributeKind.Text)],
            graph.Actors.Select(entry => (string?[])[.. ActorFields(entry.Actor), .. graph.Columns.Select(c => c.ValueOf(entry.Index) is { } v ? GraphAttributes.Format(v) : null)]),
            cancellationToken);

    public static Task WriteRelationshipsAsync(ExportGraph graph, Stream output, CancellationToken cancellationToken) =>
        WriteAsync(output, GraphCsv.RelationshipColumns, [.. GraphCsv.RelationshipColumns.Select(CsvFormulaGuard.IsTextColumn)],
            graph.Relationships.Select(edge => RelationshipFields(edge.Relationship)), cancellationToken);

    // Same order as GraphCsv.ActorColumns.
    private static string?[] ActorFields(Actor a) =>
        [a.Id, a.Name, Join(a.Aliases), a.Kind, a.Country, a.City, Join(a.Sectors), a.Website, a.Description, Join(a.Sources)];

    // Same order as GraphCsv.RelationshipColumns.
    private static string?[] RelationshipFields(Relationship r) =>
    [
        r.Id, r.Source, r.Target, r.Type, r.Since?.ToString(), r.Until?.ToString(),
        r.Strength is { } s ? GraphAttributes.Format(s) : null,
        r.Event?.Name, r.Event?.Date?.ToString(), r.Event?.Place, r.Note,
        r.Evidence?.Document, r.Evidence?.Section, r.Evidence?.Quote, r.Inferred ? "true" : "false",
    ];

    private static string Join(IReadOnlyList<string> values) => string.Join('|', values);

    /// <summary>
    /// The header, then one row per record, written by Sep with RFC 4180 quoting (fields holding a comma, a quote or a
    /// line break are quoted, quotes doubled) and "\n" line ends. Cells of text columns are guarded against formula
    /// evaluation (<see cref="CsvFormulaGuard"/>); typed columns (numbers, dates, flags) are written as they are. Rows go
    /// out asynchronously: HTTP responses refuse synchronous writes. Text that is not valid UTF-16 (a lone surrogate)
    /// is written as U+FFFD by the encoder's replacement fallback, so the file is always valid UTF-8.
    /// </summary>
    /// <param name="guarded">Per column, whether it holds text to guard.</param>
    private static async Task WriteAsync(Stream output, IReadOnlyList<string> header, bool[] guarded, IEnumerable<string?[]> rows, CancellationToken cancellationToken)
    {
        var text = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 64 * 1024, leaveOpen: true) { NewLine = "\n" };
        await using (text.ConfigureAwait(false))
        {
            var csv = Sep.New(',').Writer(o => o with { Escape = true }).To(text, leaveOpen: true);
            await using (csv.ConfigureAwait(false))
            {
                csv.Header.Add(header);
                foreach (var fields in rows)
                {
                    var row = csv.NewRow(cancellationToken);
                    for (var i = 0; i < fields.Length; i++)
                    {
                        var value = fields[i] ?? "";
                        row[i].Set(guarded[i] ? CsvFormulaGuard.Escape(value) : value);
                    }
                    await row.DisposeAsync().ConfigureAwait(false);
                }
            }
        }
    }
}
