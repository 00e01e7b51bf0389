using System.Text;
using System.Xml;

namespace GraphApi.Core.Interchange;

/// <summary>
/// Settings shared by the XML writers: UTF-8 without a BOM (Hangul is written as is), async, indented; and the one way
/// they write text from the data, so that no stored string can make the writer throw mid-stream.
/// </summary>
internal static class XmlExport
{
    public static XmlWriter Create(Stream output) => XmlWriter.Create(output, new XmlWriterSettings
    {
        Async = true,
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        // Carriage returns in text become &#xD;: a parser turns a raw "\r\n" into "\n", and descriptions should read back exactly.
        NewLineHandling = NewLineHandling.Entitize,
        CloseOutput = false,
    });

    /// <summary>An attribute whose value comes from the data, made XML-safe first (<see cref="XmlSafeText"/>).</summary>
    public static Task WriteDataAttributeAsync(this XmlWriter xml, string name, string value) =>
        xml.WriteAttributeStringAsync(null, name, null, XmlSafeText.Safe(value));

    /// <summary>Element text that comes from the data, made XML-safe first (<see cref="XmlSafeText"/>).</summary>
    public static Task WriteDataStringAsync(this XmlWriter xml, string value) => xml.WriteStringAsync(XmlSafeText.Safe(value));
}
