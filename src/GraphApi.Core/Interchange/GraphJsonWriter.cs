using System.Text.Json;

namespace GraphApi.Core.Interchange;

/// <summary>
/// Writes <c>{"version":n,"actors":[…],"relationships":[…]}</c> in the API's own shapes, which is exactly what
/// <c>POST /api/import</c> takes back. Analysis columns, when asked for, go under each actor's <c>analysis</c>; the
/// introduction ledger, when asked for, under <c>introductions</c> (which the import ignores: asks are not graph data).
/// </summary>
public static class GraphJsonWriter
{
    public static async Task WriteAsync(ExportGraph graph, Stream output, JsonSerializerOptions options, CancellationToken cancellationToken,
        IReadOnlyList<Introductions.Introduction>? introductions = null)
    {
        var sink = new JsonOutput(output);
        await using var disposeSink = sink.ConfigureAwait(false);
        var json = sink.Json;
        json.WriteStartObject();
        json.WriteNumber("version", graph.Snapshot.Version);
        json.WriteStartArray("actors");
        foreach (var (index, actor) in graph.Actors)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (graph.Columns.Count == 0)
            {
                JsonSerializer.Serialize(json, actor, options);
            }
            else
            {
                WriteWithAnalysis(json, JsonSerializer.SerializeToElement(actor, options), graph.Columns, index);
            }
            await sink.FlushIfFullAsync(cancellationToken).ConfigureAwait(false);
        }
        json.WriteEndArray();
        json.WriteStartArray("relationships");
        foreach (var edge in graph.Relationships)
        {
            cancellationToken.ThrowIfCancellationRequested();
            JsonSerializer.Serialize(json, edge.Relationship, options);
            await sink.FlushIfFullAsync(cancellationToken).ConfigureAwait(false);
        }
        json.WriteEndArray();
        if (introductions is not null)
        {
            json.WriteStartArray("introductions");
            foreach (var ask in introductions)
            {
                Introductions.IntroductionJson.Write(json, ask);
                await sink.FlushIfFullAsync(cancellationToken).ConfigureAwait(false);
            }
            json.WriteEndArray();
        }
        json.WriteEndObject();
        await sink.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private static void WriteWithAnalysis(Utf8JsonWriter json, JsonElement actor, IReadOnlyList<ExportColumn> columns, int index)
    {
        json.WriteStartObject();
        foreach (var property in actor.EnumerateObject())
        {
            property.WriteTo(json);
        }
        json.WriteStartObject("analysis");
        foreach (var column in columns)
        {
            json.WritePropertyName(column.Name);
            JsonExport.WriteValue(json, column.ValueOf(index));
        }
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
