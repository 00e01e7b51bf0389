using System.Xml.Linq;

namespace GraphApi.Api.Tests.Interchange;

/// <summary>What a small independent reader finds in a GraphML or GEXF file: typed attribute declarations and values.</summary>
public sealed record XmlGraph(
    string Namespace,
    IReadOnlyDictionary<string, string> NodeTypes,
    IReadOnlyDictionary<string, string> EdgeTypes,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Nodes,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Edges);

/// <summary>
/// Reads GraphML and GEXF the way their specifications describe, with LINQ to XML rather than our writers' code, so
/// a writer bug cannot hide behind a matching reader bug. Edge values include "source" and "target".
/// </summary>
public static class GraphXmlReader
{
    public static XmlGraph ReadGraphML(string xml)
    {
        var root = XDocument.Parse(xml).Root!;
        XNamespace ns = root.Name.NamespaceName;
        var keys = root.Elements(ns + "key").ToDictionary(k => (string)k.Attribute("id")!, k => (
            For: (string)k.Attribute("for")!, Name: (string)k.Attribute("attr.name")!, Type: (string)k.Attribute("attr.type")!));
        var graph = root.Element(ns + "graph")!;
        IReadOnlyDictionary<string, string> Data(XElement e) =>
            e.Elements(ns + "data").ToDictionary(d => keys[(string)d.Attribute("key")!].Name, d => d.Value);
        return new XmlGraph(
            ns.NamespaceName,
            keys.Values.Where(k => k.For == "node").ToDictionary(k => k.Name, k => k.Type),
            keys.Values.Where(k => k.For == "edge").ToDictionary(k => k.Name, k => k.Type),
            graph.Elements(ns + "node").ToDictionary(n => (string)n.Attribute("id")!, Data),
            graph.Elements(ns + "edge").ToDictionary(e => (string)e.Attribute("id")!, IReadOnlyDictionary<string, string> (e) => WithEnds(e, Data(e))));
    }

    public static XmlGraph ReadGexf(string xml)
    {
        var root = XDocument.Parse(xml).Root!;
        XNamespace ns = root.Name.NamespaceName;
        var graph = root.Element(ns + "graph")!;
        Dictionary<string, (string Title, string Type)> Declared(string scope) => graph.Elements(ns + "attributes")
            .Where(a => (string?)a.Attribute("class") == scope)
            .SelectMany(a => a.Elements(ns + "attribute"))
            .ToDictionary(a => (string)a.Attribute("id")!, a => ((string)a.Attribute("title")!, (string)a.Attribute("type")!));
        var nodeKeys = Declared("node");
        var edgeKeys = Declared("edge");
        IReadOnlyDictionary<string, string> Values(XElement e, Dictionary<string, (string Title, string Type)> declared) =>
            e.Element(ns + "attvalues")?.Elements(ns + "attvalue")
                .ToDictionary(v => declared[(string)v.Attribute("for")!].Title, v => (string)v.Attribute("value")!) ?? [];
        return new XmlGraph(
            ns.NamespaceName,
            nodeKeys.Values.ToDictionary(k => k.Title, k => k.Type),
            edgeKeys.Values.ToDictionary(k => k.Title, k => k.Type),
            graph.Element(ns + "nodes")!.Elements(ns + "node").ToDictionary(n => (string)n.Attribute("id")!, n => Values(n, nodeKeys)),
            graph.Element(ns + "edges")!.Elements(ns + "edge").ToDictionary(e => (string)e.Attribute("id")!, IReadOnlyDictionary<string, string> (e) => WithEnds(e, Values(e, edgeKeys))));
    }

    private static Dictionary<string, string> WithEnds(XElement edge, IReadOnlyDictionary<string, string> values) =>
        new(values) { ["source"] = (string)edge.Attribute("source")!, ["target"] = (string)edge.Attribute("target")! };
}
