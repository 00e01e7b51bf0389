using System.Xml;

namespace GraphApi.Core.Interchange;

/// <summary>
/// Writes GraphML (http://graphml.graphdrawing.org/xmlns) with typed <c>&lt;key&gt;</c> declarations, for yEd, NetworkX
/// and Gephi. The graph is undirected: readers such as NetworkX reject graphs that mix directed and undirected edges,
/// and every tie can be travelled both ways for an introduction. Each edge keeps the stored direction as
/// source → target, and its <c>directed</c> attribute says whether that order means something for the type.
/// </summary>
public static class GraphMLWriter
{
    public const string Namespace = "http://graphml.graphdrawing.org/xmlns";
    private const string XsiNamespace = "http://www.w3.org/2001/XMLSchema-instance";

    public static async Task WriteAsync(ExportGraph graph, Stream output, CancellationToken cancellationToken)
    {
        await using var xml = XmlExport.Create(output);
        await xml.WriteStartDocumentAsync().ConfigureAwait(false);
        await xml.WriteStartElementAsync(null, "graphml", Namespace).ConfigureAwait(false);
        await xml.WriteAttributeStringAsync("xmlns", "xsi", null, XsiNamespace).ConfigureAwait(false);
        await xml.WriteAttributeStringAsync("xsi", "schemaLocation", XsiNamespace,
            Namespace + " http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd").ConfigureAwait(false);
        foreach (var attribute in graph.NodeProperties)
        {
            await WriteKeyAsync(xml, NodeKey(attribute.Name), "node", attribute.Name, attribute.Type).ConfigureAwait(false);
        }
        foreach (var attribute in GraphAttributes.Relationship)
        {
            await WriteKeyAsync(xml, EdgeKey(attribute.Name), "edge", attribute.Name, attribute.Type).ConfigureAwait(false);
        }
        await xml.WriteStartElementAsync(null, "graph", Namespace).ConfigureAwait(false);
        await xml.WriteAttributeStringAsync(null, "id", null, "graphapi").ConfigureAwait(false);
        await xml.WriteAttributeStringAsync(null, "edgedefault", null, "undirected").ConfigureAwait(false);
        foreach (var (index, actor) in graph.Actors)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await xml.WriteStartElementAsync(null, "node", Namespace).ConfigureAwait(false);
            await xml.WriteDataAttributeAsync("id", actor.Id).ConfigureAwait(false);
            foreach (var attribute in graph.NodeProperties)
            {
                await WriteDataAsync(xml, NodeKey(attribute.Name), attribute.Value(index, actor)).ConfigureAwait(false);
            }
            await xml.WriteEndElementAsync().ConfigureAwait(false);
        }
        foreach (var edge in graph.Relationships)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await xml.WriteStartElementAsync(null, "edge", Namespace).ConfigureAwait(false);
            await xml.WriteDataAttributeAsync("id", edge.Relationship.Id).ConfigureAwait(false);
            await xml.WriteDataAttributeAsync("source", edge.Relationship.Source).ConfigureAwait(false);
            await xml.WriteDataAttributeAsync("target", edge.Relationship.Target).ConfigureAwait(false);
            foreach (var attribute in GraphAttributes.Relationship)
            {
                await WriteDataAsync(xml, EdgeKey(attribute.Name), attribute.Value(edge)).ConfigureAwait(false);
            }
            await xml.WriteEndElementAsync().ConfigureAwait(false);
        }
        await xml.WriteEndElementAsync().ConfigureAwait(false);
        await xml.WriteEndElementAsync().ConfigureAwait(false);
        await xml.WriteEndDocumentAsync().ConfigureAwait(false);
        await xml.FlushAsync().ConfigureAwait(false);
    }

    // Node and edge keys live in one id space in GraphML, so they are prefixed.
    private static string NodeKey(string name) => "n_" + name;

    private static string EdgeKey(string name) => "e_" + name;

    private static string TypeName(AttributeKind type) => type switch
    {
        AttributeKind.WholeNumber => "long",
        AttributeKind.RealNumber => "double",
        AttributeKind.TrueFalse => "boolean",
        _ => "string",
    };

    private static async Task WriteKeyAsync(XmlWriter xml, string id, string scope, string name, AttributeKind type)
    {
        await xml.WriteStartElementAsync(null, "key", Namespace).ConfigureAwait(false);
        await xml.WriteAttributeStringAsync(null, "id", null, id).ConfigureAwait(false);
        await xml.WriteAttributeStringAsync(null, "for", null, scope).ConfigureAwait(false);
        await xml.WriteAttributeStringAsync(null, "attr.name", null, name).ConfigureAwait(false);
        await xml.WriteAttributeStringAsync(null, "attr.type", null, TypeName(type)).ConfigureAwait(false);
        await xml.WriteEndElementAsync().ConfigureAwait(false);
    }

    private static async Task WriteDataAsync(XmlWriter xml, string key, object? value)
    {
        if (value is null)
        {
            return;
        }
        await xml.WriteStartElementAsync(null, "data", Namespace).ConfigureAwait(false);
        await xml.WriteAttributeStringAsync(null, "key", null, key).ConfigureAwait(false);
        await xml.WriteDataStringAsync(GraphAttributes.Format(value)).ConfigureAwait(false);
        await xml.WriteEndElementAsync().ConfigureAwait(false);
    }
}
