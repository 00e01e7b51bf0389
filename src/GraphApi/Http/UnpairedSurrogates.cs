using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace GraphApi.Http;

/// <summary>
/// A JSON string escape such as <c>"\ud800"</c> without its other half is refused by the JSON reader before the text
/// rule sees the value. This puts that refusal in the rule's words, under the field's path, so it reads like every
/// other text refusal (the reader says where, not the position inside the string).
/// </summary>
public static partial class UnpairedSurrogates
{
    /// <summary>The field's JSON path and the message, when <paramref name="json"/> is the reader refusing an unpaired surrogate; else null.</summary>
    public static (string Path, string Message)? Describe(JsonException json)
    {
        ArgumentNullException.ThrowIfNull(json);
        // The reader's own wording is the only thing that tells this case from a wrong token type (both are
        // InvalidOperationException); when it changes, the refusal falls back to the generic unreadable-body 400.
        if (json.Path is not { } path || json.InnerException is not InvalidOperationException inner
            || !inner.Message.Contains("surrogate", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var codePoint = SurrogateValue().Match(inner.Message) is { Success: true } match
            ? "U+" + int.Parse(match.Groups[1].ValueSpan, NumberStyles.HexNumber, CultureInfo.InvariantCulture).ToString("X4", CultureInfo.InvariantCulture) + ", "
            : "";
        return (path, $"contains {codePoint}an unpaired surrogate escape (half of a character, not a character)");
    }

    /// <summary>The JSON path as the API names fields: <c>$.evidence.quote</c> → <c>evidence.quote</c>, <c>$.aliases[1]</c> → <c>aliases[1]</c>.</summary>
    public static string FieldOf(string path) => path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;

    [GeneratedRegex("0x([0-9A-Fa-f]{4})", RegexOptions.CultureInvariant)]
    private static partial Regex SurrogateValue();
}
