using System.Text;
using System.Xml;

namespace GraphApi.Core.Interchange;

/// <summary>Settings shared by the XML writers: UTF-8 without a BOM (Hangul is written as is), async, indented.</summary>
internal static class XmlExport
{
    public static XmlWriter Create(Stream output) => XmlWriter.Create(output, new XmlWriterSettings
    {
        Async = true,
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        CloseOutput = false,
    });
}
