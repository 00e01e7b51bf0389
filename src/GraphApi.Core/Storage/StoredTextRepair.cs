using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace GraphApi.Core.Storage;

/// <summary>A stored record whose text could not be read back as it is, and was read with U+FFFD in its place.</summary>
/// <param name="Entity">"actor" or "relationship".</param>
public sealed record RepairedRecord(string Entity, string Id);

/// <summary>
/// Mends the text of a stored JSON body that JSON readers refuse, so that one damaged row cannot stop a start-up:
/// bytes that are not UTF-8, and escaped unpaired surrogates (<c>"\ud800"</c>, which e.g. Python's json module
/// writes for such text). Both become U+FFFD, what a UTF-8 decoder makes of them. Nothing else is touched: a body that
/// is not JSON stays unreadable.
/// </summary>
internal static class StoredTextRepair
{
    private const string Replacement = "\\ufffd";

    /// <summary>The body with such text replaced, or false when it has none (its problem is another).</summary>
    public static bool TryRepair(ReadOnlySpan<byte> utf8, out string json)
    {
        var wellFormedBytes = Utf8.IsValid(utf8);
        json = ReplaceUnpairedEscapes(Encoding.UTF8.GetString(utf8), out var escapesReplaced);
        return !wellFormedBytes || escapesReplaced;
    }

    private static string ReplaceUnpairedEscapes(string json, out bool replaced)
    {
        replaced = false;
        if (!json.Contains("\\u", StringComparison.OrdinalIgnoreCase))
        {
            return json;
        }
        var builder = new StringBuilder(json.Length);
        for (var i = 0; i < json.Length; i++)
        {
            if (json[i] != '\\' || i + 1 >= json.Length)
            {
                builder.Append(json[i]);
                continue;
            }
            if (EscapedUnit(json, i) is not { } unit)
            {
                builder.Append(json, i, 2); // any other escape, kept whole so its second character is not read as a new one
                i++;
                continue;
            }
            if (char.IsHighSurrogate(unit) && EscapedUnit(json, i + 6) is { } low && char.IsLowSurrogate(low))
            {
                builder.Append(json, i, 12);
                i += 11;
            }
            else if (char.IsSurrogate(unit))
            {
                builder.Append(Replacement);
                replaced = true;
                i += 5;
            }
            else
            {
                builder.Append(json, i, 6);
                i += 5;
            }
        }
        return builder.ToString();
    }

    /// <summary>The code unit of a <c>\uXXXX</c> escape starting at <paramref name="at"/>, if one does.</summary>
    private static char? EscapedUnit(string json, int at) =>
        at + 6 <= json.Length && json[at] == '\\' && json[at + 1] == 'u'
        && ushort.TryParse(json.AsSpan(at + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var unit)
            ? (char)unit : null;
}
