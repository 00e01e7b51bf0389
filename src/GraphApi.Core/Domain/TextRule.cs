using System.Globalization;
using System.Text;

namespace GraphApi.Core.Domain;

/// <summary>What a text field holds, which decides what <see cref="TextRule"/> lets into it.</summary>
public enum TextKind
{
    /// <summary>Single-line text a record is recognised by (names, aliases, sectors, places, contacts): nothing invisible.</summary>
    Identifying,

    /// <summary>Other single-line text: sources, evidence document and section, search and filter values.</summary>
    Line,

    /// <summary>Multi-line text (descriptions, notes, quotes): tab, line feed and carriage return are allowed.</summary>
    MultiLine,
}

/// <summary>A text field as the caller names it, the kind of text it holds and its length cap (in characters, see <see cref="TextRule"/>).</summary>
public sealed record TextField(string Name, TextKind Kind, int MaxLength, bool Required = false)
{
    public void Check(ValidationErrors errors, string? value) => TextRule.Check(errors, Name, value, Kind, MaxLength, Required);

    /// <summary>Checks a list: at most <paramref name="maxItems"/> entries, each a required value of this field, named <c>name[i]</c>.</summary>
    public void CheckList(ValidationErrors errors, IReadOnlyList<string>? values, int maxItems)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (values is null)
        {
            return;
        }
        if (values.Count > maxItems)
        {
            errors.Add(Name, $"must have at most {maxItems} entries (got {values.Count})");
        }
        for (var i = 0; i < values.Count && i < maxItems; i++)
        {
            TextRule.Check(errors, $"{Name}[{i}]", values[i], Kind, MaxLength, required: true);
            if (values[i]?.IndexOf(ListSeparator, StringComparison.Ordinal) is >= 0 and var at)
            {
                errors.Add($"{Name}[{i}]", $"contains '{ListSeparator}' at position {values[i]![..at].EnumerateRunes().Count() + 1}, which separates list entries in the CSV, GraphML and GEXF exports");
            }
        }
    }

    /// <summary>What every export joins a list with (the seed CSV format, GraphML and GEXF attributes), so no entry may hold it.</summary>
    public const char ListSeparator = '|';
}

/// <summary>
/// The one rule for every string the service stores or searches, applied at every entry (API bodies, query values,
/// both imports, the command line, merges, the introduction ledger). A value that breaks it is refused, naming the
/// field, the code point and its position; a value that passes is stored in NFC (<see cref="Normalise(string)"/>),
/// so equal-looking text is equal (and trimmed) and nothing downstream (search folding, XML and CSV exports) meets a character it
/// cannot handle. <see cref="Description"/> is the rule in words, for the API's documentation.
/// </summary>
public static partial class TextRule
{
    /// <summary>The rule in words: the OpenAPI document shows this text, so code and documentation cannot disagree.</summary>
    public const string Description =
        "**Text rule** (every stored or searched string). Refused everywhere: noncharacters (U+FDD0–U+FDEF and U+xFFFE/U+xFFFF in " +
        "every plane), unpaired surrogates, control characters (U+0000–U+001F, U+007F–U+009F; tab, line feed and carriage return " +
        "only in multi-line fields), line and paragraph separators (U+2028, U+2029) in single-line fields, bidirectional " +
        "embeddings and overrides (U+202A–U+202E: they make text display in another order than it reads) and tag characters " +
        "(U+E0000–U+E007F: invisible text). Also refused in identifying fields (names, aliases and the other fields marked " +
        "identifying): every invisible format character (Unicode category Cf: bidirectional isolates U+2066–U+2069 and marks " +
        "U+200E, U+200F, U+061C, zero-width space U+200B, word joiner U+2060, byte order mark U+FEFF, soft hyphen U+00AD, " +
        "U+180E, …) and the invisible fillers U+034F, U+115F, U+1160, U+17B4, U+17B5, U+3164, U+FFA0 — except the " +
        "zero-width non-joiner and joiner (U+200C, U+200D) right after a virama or between two letters or marks of one script " +
        "that uses them (" + JoiningScriptNames + "), and the joiner inside an emoji sequence (between two pictographs). Letters of every script, " +
        "accents, combining marks, Hangul and emoji are kept. Text passing the rule is stored in Unicode normalisation form " +
        "NFC, without white space at either end. Positions in refusals count characters (Unicode code points) from 1 in the value as sent; length caps count " +
        "characters of the NFC form.";

    /// <summary>
    /// Adds to <paramref name="errors"/> under <paramref name="field"/> what is wrong with <paramref name="value"/>: the first
    /// character the rule refuses (with how many more there are), a blank required value, or a length over the cap.
    /// </summary>
    public static void Check(ValidationErrors errors, string field, string? value, TextKind kind, int maxLength, bool required = false)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (value is null)
        {
            if (required)
            {
                errors.Add(field, "is required and must not be blank");
            }
            return;
        }
        // Checked before the blank test: a value of only U+0085 or U+2028 is "white space" to .NET, yet must not be stored.
        var refusal = FirstRefusal(value, kind);
        if (refusal is not null)
        {
            errors.Add(field, refusal);
        }
        else if (required && string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, "is required and must not be blank");
        }
        var length = CountCodePoints(refusal is null ? Normalise(value) : value);
        if (length > maxLength)
        {
            errors.Add(field, $"must be at most {maxLength} characters (got {length})");
        }
    }

    /// <summary>Whether <paramref name="value"/> passes the rule for <paramref name="kind"/> (length aside).</summary>
    public static bool IsAllowed(string value, TextKind kind) => FirstRefusal(value, kind) is null;

    /// <summary>
    /// The message for the first character of <paramref name="value"/> the rule refuses in a field of <paramref name="kind"/>,
    /// e.g. "contains U+FFFE, a noncharacter, at position 7", or null when it refuses none.
    /// </summary>
    public static string? FirstRefusal(string value, TextKind kind)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (IsPrintableAscii(value))
        {
            return null; // most text (ids, English names, imports of them): one vectorised scan
        }
        string? first = null;
        var more = 0;
        var position = 0;
        for (var i = 0; i < value.Length; position++)
        {
            var (codePoint, width) = CodePointAt(value, i);
            if (Refusal(value, i, codePoint, width, kind) is { } what)
            {
                if (first is null)
                {
                    first = string.Create(CultureInfo.InvariantCulture, $"contains {Name(codePoint)}, {what}, at position {position + 1}");
                }
                else
                {
                    more++;
                }
            }
            i += width;
        }
        return first is null || more == 0 ? first : string.Create(CultureInfo.InvariantCulture, $"{first} (and {more} more the text rule refuses)");
    }

    /// <summary>
    /// <paramref name="value"/> as it is stored: in NFC, without white space at either end, when the rule lets it be
    /// normalised; otherwise unchanged (it is refused anyway, and <see cref="string.Normalize()"/> throws on unpaired
    /// surrogates and U+FFFE). Safe on any string.
    /// </summary>
    public static string Normalise(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!CanNormalise(value))
        {
            return value;
        }
        // Trimmed too: the CSV format cannot carry white space at either end (its reader trims cells), so an API write
        // keeping it would not survive an export and re-import, and "KICOX " beside "KICOX" is a duplicate in disguise.
        var composed = value.IsNormalized(NormalizationForm.FormC) ? value : value.Normalize(NormalizationForm.FormC);
        return composed.Trim();
    }

    /// <summary>An optional value as stored: <see cref="Normalise(string)"/>d, and null when nothing is left (as the CSV format reads an empty cell).</summary>
    public static string? NormaliseOptional(string? value) => value is null ? null : Normalise(value) is { Length: > 0 } normalised ? normalised : null;

    /// <summary>Every entry <see cref="Normalise(string)"/>d; a null entry (a JSON <c>null</c> in the list, refused by the checks) stays null.</summary>
    public static IReadOnlyList<string> Normalise(IReadOnlyList<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return values.All(v => v is null || ReferenceEquals(v, Normalise(v))) ? values : [.. values.Select(v => v is null ? v! : Normalise(v))];
    }

    /// <summary>"U+FFFE": how refusals name a code point (four to six hex digits).</summary>
    public static string Name(int codePoint) => "U+" + codePoint.ToString("X4", CultureInfo.InvariantCulture);

    private static bool IsPrintableAscii(string value) => value.AsSpan().IndexOfAnyExceptInRange(' ', '~') < 0;

    private static int CountCodePoints(string value)
    {
        if (IsPrintableAscii(value))
        {
            return value.Length;
        }
        var count = 0;
        for (var i = 0; i < value.Length; count++)
        {
            i += CodePointAt(value, i).Width;
        }
        return count;
    }

    /// <summary>No unpaired surrogate and no noncharacter: what <see cref="string.Normalize()"/> needs not to throw, with a margin.</summary>
    public static bool CanNormalise(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (IsPrintableAscii(value))
        {
            return true;
        }
        for (var i = 0; i < value.Length;)
        {
            var (codePoint, width) = CodePointAt(value, i);
            if (IsSurrogate(codePoint) || IsNoncharacter(codePoint))
            {
                return false;
            }
            i += width;
        }
        return true;
    }

    /// <summary>The code point at <paramref name="index"/> and how many UTF-16 units it takes; an unpaired surrogate is itself, one unit wide.</summary>
    private static (int CodePoint, int Width) CodePointAt(string value, int index)
    {
        var unit = value[index];
        if (char.IsHighSurrogate(unit) && index + 1 < value.Length && char.IsLowSurrogate(value[index + 1]))
        {
            return (char.ConvertToUtf32(unit, value[index + 1]), 2);
        }
        return (unit, 1);
    }

    /// <summary>The code point ending just before <paramref name="index"/>, or -1 at the start.</summary>
    private static int CodePointBefore(string value, int index)
    {
        if (index <= 0)
        {
            return -1;
        }
        var unit = value[index - 1];
        if (char.IsLowSurrogate(unit) && index >= 2 && char.IsHighSurrogate(value[index - 2]))
        {
            return char.ConvertToUtf32(value[index - 2], unit);
        }
        return unit;
    }
}
