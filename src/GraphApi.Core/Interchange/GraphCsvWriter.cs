using System.IO.Compression;
using System.Text;
using GraphApi.Core.Domain;

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

    public static async Task WriteActorsAsync(ExportGraph graph, Stream output, CancellationToken cancellationToken)
    {
        var writer = CreateWriter(output);
        await using (writer.ConfigureAwait(false))
        {
            await WriteRowAsync(writer, [.. GraphCsv.ActorColumns, .. graph.Columns.Select(c => c.Name)], cancellationToken).ConfigureAwait(false);
            foreach (var (index, actor) in graph.Actors)
            {
                await WriteRowAsync(writer, [.. ActorFields(actor), .. graph.Columns.Select(c => c.ValueOf(index) is { } v ? GraphAttributes.Format(v) : null)], cancellationToken)
                    .ConfigureAwait(false);
            }
        }
    }

    public static async Task WriteRelationshipsAsync(ExportGraph graph, Stream output, CancellationToken cancellationToken)
    {
        var writer = CreateWriter(output);
        await using (writer.ConfigureAwait(false))
        {
            await WriteRowAsync(writer, GraphCsv.RelationshipColumns, cancellationToken).ConfigureAwait(false);
            foreach (var edge in graph.Relationships)
            {
                await WriteRowAsync(writer, RelationshipFields(edge.Relationship), cancellationToken).ConfigureAwait(false);
            }
        }
    }

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

    private static StreamWriter CreateWriter(Stream output) =>
        new(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 64 * 1024, leaveOpen: true) { NewLine = "\n" };

    private static async Task WriteRowAsync(StreamWriter writer, IReadOnlyList<string?> fields, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var line = new StringBuilder();
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                line.Append(',');
            }
            line.Append(CsvReader.Escape(fields[i]));
        }
        await writer.WriteLineAsync(line, cancellationToken).ConfigureAwait(false);
    }
}
