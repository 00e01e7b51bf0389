using System.Xml;

namespace GraphApi.Core.Interchange;

/// <summary>Which GEXF dialect to write. 1.3 is current (Gephi 0.9+); 1.2draft is what older readers, such as NetworkX before 3.0, know.</summary>
public enum GexfVersion
{
    Gexf13,
    Gexf12Draft,
}

/// <summary>
/// Writes GEXF for Gephi: typed node and edge attributes declared up front, node label = actor name, edge label =
/// relationship type, edge weight = introduction strength (so Gephi can size and filter by it). Undirected for the
/// same reason as <see cref="GraphMLWriter"/>; the <c>directed</c> edge attribute keeps the type's direction semantics.
/// </summary>
public static class GexfWriter
{
    public const string Namespace13 = "http://gexf.net/1.3";
    public const string Namespace12 = "http://www.gexf.net/1.2draft";
    private const string XsiNamespace = "http://www.w3.org/2001/XMLSchema-instance";

    public static async Task WriteAsync(ExportGraph graph, Stream output, GexfVersion version, CancellationToken cancellationToken)
    {
        var (ns, number) = version == GexfVersion.Gexf13 ? (Namespace13, "1.3") : (Namespace12, "1.2");
        await using var xml = XmlExport.Create(output);
        await xml.WriteStartDocumentAsync().ConfigureAwait(false);
        await xml.WriteStartElementAsync(null, "gexf", ns).ConfigureAwait(false);
        await xml.WriteAttributeStringAsync("xmlns", "xsi", null, XsiNamespace).ConfigureAwait(false);
        await xml.WriteAttributeStringAsync("xsi", "schemaLocation", XsiNamespace, $"{ns} {ns}/gexf.xsd").ConfigureAwait(false);
        await xml.WriteAttributeStringAsync(null, "version", null, number).ConfigureAwait(false);
        await xml.WriteStartElementAsync(null, "meta", ns).ConfigureAwait(false);
        await xml.WriteElementStringAsync(null, "creator", ns, "GraphApi").ConfigureAwait(false);
        await xml.WriteElementStringAsync(null, "description", ns, "EU–Korea cluster cooperation network").ConfigureAwait(false);
        await xml.WriteEndElementAsync().ConfigureAwait(false);

        await xml.WriteStartElementAsync(null, "graph", ns).ConfigureAwait(false);
        await xml.WriteAttributeStringAsync(null, "defaultedgetype", null, "undirected").ConfigureAwait(false);
        await xml.WriteAttributeStringAsync(null, "mode", null, "static").ConfigureAwait(false);
        await WriteDeclarationsAsync(xml, ns, "node", graph.NodeProperties.Select(a => (a.Name, a.Type))).ConfigureAwait(false);
        await WriteDeclarationsAsync(xml, ns, "edge", GraphAttributes.Relationship.Select(a => (a.Name, a.Type))).ConfigureAwait(false);

        await xml.WriteStartElementAsync(null, "nodes", ns).ConfigureAwait(false);
        foreach (var (index, actor) in graph.Actors)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await xml.WriteStartElementAsync(null, "node", ns).ConfigureAwait(false);
            await xml.WriteDataAttributeAsync("id", actor.Id).ConfigureAwait(false);
            await xml.WriteDataAttributeAsync("label", actor.Name).ConfigureAwait(false);
            await WriteValuesAsync(xml, ns, graph.NodeProperties.Select(a => (a.Name, a.Value(index, actor)))).ConfigureAwait(false);
            await xml.WriteEndElementAsync().ConfigureAwait(false);
        }
        await xml.WriteEndElementAsync().ConfigureAwait(false);

        await xml.WriteStartElementAsync(null, "edges", ns).ConfigureAwait(false);
        foreach (var edge in graph.Relationships)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await xml.WriteStartElementAsync(null, "edge", ns).ConfigureAwait(false);
            await xml.WriteDataAttributeAsync("id", edge.Relationship.Id).ConfigureAwait(false);
            await xml.WriteDataAttributeAsync("source", edge.Relationship.Source).ConfigureAwait(false);
            await xml.WriteDataAttributeAsync("target", edge.Relationship.Target).ConfigureAwait(false);
            await xml.WriteDataAttributeAsync("label", edge.Relationship.Type).ConfigureAwait(false);
            await xml.WriteAttributeStringAsync(null, "weight", null, GraphAttributes.Format(edge.Strength)).ConfigureAwait(false);
            await WriteValuesAsync(xml, ns, GraphAttributes.Relationship.Select(a => (a.Name, a.Value(edge)))).ConfigureAwait(false);
            await xml.WriteEndElementAsync().ConfigureAwait(false);
        }
        await xml.WriteEndElementAsync().ConfigureAwait(false);

        await xml.WriteEndElementAsync().ConfigureAwait(false);
        await xml.WriteEndElementAsync().ConfigureAwait(false);
        await xml.WriteEndDocumentAsync().ConfigureAwait(false);
        await xml.FlushAsync().ConfigureAwait(false);
    }

    private static string TypeName(AttributeKind type) => type switch
    {
        AttributeKind.WholeNumber => "long",
        AttributeKind.RealNumber => "double",
        AttributeKind.TrueFalse => "boolean",
        _ => "string",
    };

    private static async Task WriteDeclarationsAsync(XmlWriter xml, string ns, string scope, IEnumerable<(string Name, AttributeKind Type)> attributes)
    {
        await xml.WriteStartElementAsync(null, "attributes", ns).ConfigureAwait(false);
        await xml.WriteAttributeStringAsync(null, "class", null, scope).ConfigureAwait(false);
        await xml.WriteAttributeStringAsync(null, "mode", null, "static").ConfigureAwait(false);
        foreach (var (name, type) in attributes)
        {
            await xml.WriteStartElementAsync(null, "attribute", ns).ConfigureAwait(false);
            await xml.WriteAttributeStringAsync(null, "id", null, name).ConfigureAwait(false);
            await xml.WriteAttributeStringAsync(null, "title", null, name).ConfigureAwait(false);
            await xml.WriteAttributeStringAsync(null, "type", null, TypeName(type)).ConfigureAwait(false);
            await xml.WriteEndElementAsync().ConfigureAwait(false);
        }
        await xml.WriteEndElementAsync().ConfigureAwait(false);
    }

    private static async Task WriteValuesAsync(XmlWriter xml, string ns, IEnumerable<(string Name, object? Value)> values)
    {
        await xml.WriteStartElementAsync(null, "attvalues", ns).ConfigureAwait(false);
        foreach (var (name, value) in values)
        {
            if (value is null)
            {
                continue;
            }
            await xml.WriteStartElementAsync(null, "attvalue", ns).ConfigureAwait(false);
            await xml.WriteAttributeStringAsync(null, "for", null, name).ConfigureAwait(false);
            await xml.WriteDataAttributeAsync("value", GraphAttributes.Format(value)).ConfigureAwait(false);
            await xml.WriteEndElementAsync().ConfigureAwait(false);
        }
        await xml.WriteEndElementAsync().ConfigureAwait(false);
    }
}
