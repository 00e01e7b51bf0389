using System.Text.Json;

namespace GraphApi.Core.Interchange;

/// <summary>
/// Writes Cytoscape.js elements JSON (<c>{"elements":{"nodes":[{"data":…}],"edges":[{"data":…}]}}</c>, the .cyjs
/// layout Cytoscape desktop also reads). Cytoscape.js needs ids unique across nodes and edges, while actors and
/// relationships have separate id spaces here, so edge ids are prefixed with <c>rel:</c> and the relationship's
/// own id is kept in <c>relationshipId</c>.
/// </summary>
public static class CytoscapeJsonWriter
{
    public const string EdgeIdPrefix = "rel:";

    public static async Task WriteAsync(ExportGraph graph, Stream output, CancellationToken cancellationToken)
    {
        var sink = new JsonOutput(output);
        await using var disposeSink = sink.ConfigureAwait(false);
        var json = sink.Json;
        json.WriteStartObject();
        json.WriteString("format_version", "1.0");
        json.WriteString("generated_by", "GraphApi");
        json.WriteString("target_cytoscapejs_version", "~3");
        json.WriteStartObject("data");
        json.WriteString("name", "EU–Korea cluster cooperation network");
        json.WriteNumber("version", graph.Snapshot.Version);
        json.WriteEndObject();
        json.WriteStartObject("elements");
        json.WriteStartArray("nodes");
        foreach (var (index, actor) in graph.Actors)
        {
            cancellationToken.ThrowIfCancellationRequested();
            json.WriteStartObject();
            json.WriteStartObject("data");
            json.WriteString("id", actor.Id);
            json.WriteString("label", actor.Name);
            foreach (var attribute in graph.NodeProperties)
            {
                WriteProperty(json, attribute.Name, attribute.Value(index, actor));
            }
            json.WriteEndObject();
            json.WriteEndObject();
            await sink.FlushIfFullAsync(cancellationToken).ConfigureAwait(false);
        }
        json.WriteEndArray();
        json.WriteStartArray("edges");
        foreach (var edge in graph.Relationships)
        {
            cancellationToken.ThrowIfCancellationRequested();
            json.WriteStartObject();
            json.WriteStartObject("data");
            json.WriteString("id", EdgeIdPrefix + edge.Relationship.Id);
            json.WriteString("relationshipId", edge.Relationship.Id);
            json.WriteString("source", edge.Relationship.Source);
            json.WriteString("target", edge.Relationship.Target);
            json.WriteString("label", edge.Relationship.Type);
            foreach (var attribute in GraphAttributes.Relationship)
            {
                WriteProperty(json, attribute.Name, attribute.Value(edge));
            }
            json.WriteEndObject();
            json.WriteEndObject();
            await sink.FlushIfFullAsync(cancellationToken).ConfigureAwait(false);
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
        await sink.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private static void WriteProperty(Utf8JsonWriter json, string name, object? value)
    {
        if (value is null)
        {
            return;
        }
        json.WritePropertyName(name);
        JsonExport.WriteValue(json, value);
    }
}
