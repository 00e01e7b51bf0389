using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GraphApi.Core.Domain;

namespace GraphApi.Api.Tests.Security;

/// <summary>
/// A text field the API takes, and how a value reaches it: <see cref="Field"/> is the key a 400 must name, <see cref="Wrap"/>
/// makes the value fit what else the field demands (a URL, an address), <see cref="Body"/> builds the request body around
/// the value (already a JSON string literal) and <see cref="Read"/> finds the stored value in the answer.
/// </summary>
public sealed record TextTarget(string Field, TextKind Kind, int MaxLength, bool Required, Func<string, string> Wrap, Func<string, string, string> Body)
{
    public override string ToString() => Field;

    /// <summary>The value at <see cref="Field"/>'s path (<c>contact.email</c>, <c>aliases[0]</c>) in a record's JSON.</summary>
    public string? Read(JsonNode record)
    {
        JsonNode? node = record;
        foreach (var part in Field.Split('.'))
        {
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            node = bracket < 0 ? node?[part] : node?[part[..bracket]]?[int.Parse(part[(bracket + 1)..^1], CultureInfo.InvariantCulture)];
        }
        return node?.GetValue<string>();
    }
}

/// <summary>How hostile text travels: JSON escapes for every non-ASCII unit (so unpaired surrogates arrive as sent), UTF-8 for the rest.</summary>
public static partial class HostileText
{
    /// <summary>A JSON string literal of <paramref name="value"/>, every UTF-16 unit outside printable ASCII escaped.</summary>
    public static string Json(string value)
    {
        var json = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            json.Append(c is >= ' ' and <= '~' and not ('"' or '\\') ? c.ToString() : $"\\u{(int)c:x4}");
        }
        return json.Append('"').ToString();
    }

    /// <summary>What a UTF-8 channel (a query string, a CSV file) delivers of <paramref name="value"/>: unpaired surrogates become U+FFFD.</summary>
    public static string ThroughUtf8(string value) => Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(value));

    /// <summary><paramref name="value"/> percent-encoded as UTF-8 for a query string.</summary>
    public static string Query(string value) => Uri.EscapeDataString(ThroughUtf8(value));

    /// <summary>A quoted CSV cell.</summary>
    public static string Csv(string value) => "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public static bool HasUnpairedSurrogate(string value) => !IsWellFormed(value);

    /// <summary>Text for failure messages: printable ASCII as is, everything else as \uXXXX.</summary>
    public static string Shown(string value) => value.Length > 120 ? Json(value[..60]) + $"…({value.Length} units)" : Json(value);

    /// <summary>The code point a refusal names ("contains U+FFFE, …"), as it must appear in the API's message.</summary>
    public static string NamedCodePoint(string refusal) => NamedCodePointPattern().Match(refusal).Value;

    private static bool IsWellFormed(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(value[i]))
            {
                return false;
            }
        }
        return true;
    }

    [GeneratedRegex(@"U\+[0-9A-F]{4,6}")]
    private static partial Regex NamedCodePointPattern();
}
