using System.Text;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using GraphApi.Core.Domain;
using GraphApi.Core.Graph;
using GraphApi.Core.Interchange;

namespace GraphApi.Core.Tests.Interchange;

/// <summary>
/// Strings a store written before the text rules may hold (U+FFFF, U+FFFE, C0 controls, NUL, lone surrogates) in every
/// exported field, ids included. They never reach the store through the API today, so the graph is built in memory.
/// (Lone surrogates and U+FFFE stay out of names, aliases and ids: the snapshot's search folding cannot normalise them.)
/// </summary>
public class HostileTextExportTests
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static GraphSnapshot Hostile() => GraphSnapshot.Build(
        [
            new Actor
            {
                Id = "a\uFFFF", Name = "Name \uFFFF 한국산업단지공단 \0", Kind = "Cluster", Country = "KR", Region = Regions.Kr,
                Aliases = ["alias \uFFFF", "emoji 😀"], Sectors = ["\u0001water", "sector \uFFFE"], City = "Séoul \uDC00",
                Website = "http://x.example/\uFDD0", Description = "line\u0001\r\nnext\ttab\rcr", Sources = ["source\0", "\u001F", "lone \uD800 high"],
            },
            new Actor { Id = "bb", Name = "Pôle Éau 😀 \uFDD0", Kind = "Cluster", Country = "FR", Region = Regions.Eu },
        ],
        [
            new Relationship
            {
                Id = "r\uFFFE", Source = "a\uFFFF", Target = "bb", Type = "MOU", Since = new PartialDate(2016, 5), Note = "\0note \uFFFF\r\nmore",
                Evidence = new Evidence("doc\u0001", "sec \uD800", "quote \uFFFF 한국 😀"),
                Event = new EventInfo("event \uFFFE", new PartialDate(2015), "place\u0008"),
            },
        ],
        version: 3, RelationshipTypeCatalogue.Default);

    /// <summary>What XML 1.0 can hold, worked out independently of the writer: lone surrogates become U+FFFD when runes are
    /// enumerated, and every scalar outside XML's Char production becomes U+FFFD.</summary>
    private static string XmlExpected(string value)
    {
        var text = new StringBuilder(value.Length);
        foreach (var rune in value.EnumerateRunes())
        {
            var v = rune.Value;
            var legal = v is 0x9 or 0xA or 0xD || (v >= 0x20 && v <= 0xD7FF) || (v >= 0xE000 && v <= 0xFFFD) || v >= 0x10000;
            text.Append(legal ? rune.ToString() : "\uFFFD");
        }
        return text.ToString();
    }

    private static async Task<string> WriteAsync(ExportFormat format, GexfVersion gexf = GexfVersion.Gexf13)
    {
        using var output = new MemoryStream();
        await GraphExporter.WriteAsync(ExportGraph.Whole(Hostile()), new ExportRequest(format, Gexf: gexf), output, JsonExport.ApiShape, CancellationToken.None);
        // Strict decoding: the file is valid UTF-8 or this throws.
        return StrictUtf8.GetString(output.ToArray());
    }

    /// <summary>Each actor's and relationship's exported text attributes as the export holds them, by (XML-safe) id.</summary>
    private static (Dictionary<string, Dictionary<string, string>> Nodes, Dictionary<string, Dictionary<string, string>> Edges) Expected(Func<string, string> map)
    {
        var graph = ExportGraph.Whole(Hostile());
        var nodes = graph.Actors.ToDictionary(a => map(a.Actor.Id), a => GraphAttributes.Actor
            .Select(p => (p.Name, Value: p.Value(a.Index, a.Actor))).Where(p => p.Value is not null)
            .ToDictionary(p => p.Name, p => map(GraphAttributes.Format(p.Value!))));
        var edges = graph.Relationships.ToDictionary(e => map(e.Relationship.Id), e => GraphAttributes.Relationship
            .Select(p => (p.Name, Value: p.Value(e))).Where(p => p.Value is not null)
            .ToDictionary(p => p.Name, p => map(GraphAttributes.Format(p.Value!))));
        foreach (var edge in graph.Relationships)
        {
            edges[map(edge.Relationship.Id)]["source"] = map(edge.Relationship.Source);
            edges[map(edge.Relationship.Id)]["target"] = map(edge.Relationship.Target);
        }
        return (nodes, edges);
    }

    private static void ReadsWithXmlReader(string xml)
    {
        using var reader = XmlReader.Create(new StringReader(xml), new XmlReaderSettings { CheckCharacters = true, DtdProcessing = DtdProcessing.Prohibit });
        while (reader.Read())
        {
        }
    }

    [Fact]
    public async Task GraphML_parses_and_keeps_every_legal_character_of_every_field()
    {
        var xml = await WriteAsync(ExportFormat.GraphML);
        ReadsWithXmlReader(xml);
        var root = XDocument.Parse(xml).Root!;
        XNamespace ns = GraphMLWriter.Namespace;
        var keys = root.Elements(ns + "key").ToDictionary(k => (string)k.Attribute("id")!, k => (string)k.Attribute("attr.name")!);
        var graph = root.Element(ns + "graph")!;
        Dictionary<string, string> Data(XElement e) => e.Elements(ns + "data").ToDictionary(d => keys[(string)d.Attribute("key")!], d => d.Value);
        var nodes = graph.Elements(ns + "node").ToDictionary(n => (string)n.Attribute("id")!, Data);
        var edges = graph.Elements(ns + "edge").ToDictionary(e => (string)e.Attribute("id")!, e =>
            new Dictionary<string, string>(Data(e)) { ["source"] = (string)e.Attribute("source")!, ["target"] = (string)e.Attribute("target")! });

        var expected = Expected(XmlExpected);
        Assert.Equal(expected.Nodes, nodes);
        Assert.Equal(expected.Edges, edges);
        Assert.Equal("Name \uFFFD 한국산업단지공단 \uFFFD", nodes["a\uFFFD"]["name"]);
        Assert.Equal("alias \uFFFD|emoji 😀", nodes["a\uFFFD"]["aliases"]);
        Assert.Equal("\uFFFDwater|sector \uFFFD", nodes["a\uFFFD"]["sectors"]);
        Assert.Equal("source\uFFFD|\uFFFD|lone \uFFFD high", nodes["a\uFFFD"]["sources"]);
        Assert.Equal("line\uFFFD\r\nnext\ttab\rcr", nodes["a\uFFFD"]["description"]);
        Assert.Equal("Pôle Éau 😀 \uFDD0", nodes["bb"]["name"]);
    }

    [Theory]
    [InlineData(GexfVersion.Gexf13)]
    [InlineData(GexfVersion.Gexf12Draft)]
    public async Task Gexf_parses_and_keeps_every_legal_character_of_every_field(GexfVersion version)
    {
        var xml = await WriteAsync(ExportFormat.Gexf, version);
        ReadsWithXmlReader(xml);
        var root = XDocument.Parse(xml).Root!;
        XNamespace ns = root.Name.NamespaceName;
        var graph = root.Element(ns + "graph")!;
        Dictionary<string, string> Values(XElement e) =>
            e.Element(ns + "attvalues")!.Elements(ns + "attvalue").ToDictionary(v => (string)v.Attribute("for")!, v => (string)v.Attribute("value")!);
        var nodes = graph.Element(ns + "nodes")!.Elements(ns + "node").ToDictionary(n => (string)n.Attribute("id")!, Values);
        var edges = graph.Element(ns + "edges")!.Elements(ns + "edge").ToDictionary(e => (string)e.Attribute("id")!, e =>
            new Dictionary<string, string>(Values(e)) { ["source"] = (string)e.Attribute("source")!, ["target"] = (string)e.Attribute("target")! });
        var labels = graph.Element(ns + "nodes")!.Elements(ns + "node").ToDictionary(n => (string)n.Attribute("id")!, n => (string)n.Attribute("label")!);

        var expected = Expected(XmlExpected);
        Assert.Equal(expected.Nodes, nodes);
        Assert.Equal(expected.Edges, edges);
        Assert.Equal(expected.Nodes.ToDictionary(n => n.Key, n => n.Value["name"]), labels);
    }

    [Theory]
    [InlineData(ExportFormat.Cytoscape)]
    [InlineData(ExportFormat.Json)]
    public async Task Json_exports_stay_valid_json_with_lone_surrogates_as_the_replacement_character(ExportFormat format)
    {
        using var document = JsonDocument.Parse(await WriteAsync(format));
        var root = document.RootElement;
        var actors = format == ExportFormat.Json
            ? root.GetProperty("actors").EnumerateArray().ToList()
            : [.. root.GetProperty("elements").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("data"))];
        var hostile = actors.Single(a => a.GetProperty("id").GetString() == "a\uFFFF");

        // JSON can carry U+FFFF, U+FFFE and controls (escaped); only a lone surrogate, which is no character, is replaced.
        Assert.Equal("Name \uFFFF 한국산업단지공단 \0", hostile.GetProperty("name").GetString());
        Assert.Equal("Séoul \uFFFD", hostile.GetProperty("city").GetString());
        var sources = format == ExportFormat.Json
            ? string.Join('|', hostile.GetProperty("sources").EnumerateArray().Select(a => a.GetString()))
            : hostile.GetProperty("sources").GetString();
        Assert.Equal("source\0|\u001F|lone \uFFFD high", sources);
    }

    [Fact]
    public async Task Csv_export_is_valid_utf8_with_lone_surrogates_as_the_replacement_character()
    {
        using var output = new MemoryStream();
        await GraphCsvWriter.WriteActorsAsync(ExportGraph.Whole(Hostile()), output, CancellationToken.None);

        var text = StrictUtf8.GetString(output.ToArray());
        Assert.Contains("Séoul \uFFFD", text, StringComparison.Ordinal);
        Assert.Contains("Name \uFFFF 한국산업단지공단 \0", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("plain text 한국 😀 Pôle")]
    [InlineData("")]
    public void Xml_safe_text_of_a_legal_string_is_that_very_string(string value) => Assert.Same(value, XmlSafeText.Safe(value));
}
