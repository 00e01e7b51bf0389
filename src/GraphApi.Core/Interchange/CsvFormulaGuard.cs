using System.Buffers;

namespace GraphApi.Core.Interchange;

/// <summary>
/// Keeps spreadsheets from evaluating exported text as a formula (CSV or formula injection, OWASP), and lets the
/// import undo exactly that, so an export imports back unchanged.
/// <para>
/// <see cref="Escape"/> prefixes one apostrophe when a value starts with a trigger character, or starts with an
/// apostrophe followed by a trigger or another apostrophe; <see cref="Unescape"/> removes one leading apostrophe when
/// it is followed by a trigger or an apostrophe. Unescape(Escape(s)) == s for every string: a value that was prefixed
/// reads back without its prefix (its second character is a trigger or the apostrophe it started with), and a value
/// left alone never has that shape, so nothing is taken from it. Values that merely start with an apostrophe (an
/// elided "'s-Hertogenbosch") are left alone, which keeps the prefix rare and the seed unchanged.
/// </para>
/// </summary>
public static class CsvFormulaGuard
{
    public const char Prefix = '\'';

    /// <summary>
    /// OWASP's triggers (= + - @, tab, carriage return); line feed, which hides a formula behind a line break as
    /// carriage return does; NUL (OWASP ASVS 1.2.10); and the full-width = + - @ (U+FF1D, U+FF0B, U+FF0D, U+FF20):
    /// spreadsheet apps in East Asian locales, where this dataset's Korean users work, are reported to read those as
    /// their ASCII twins. Guarding a character that turns out harmless costs one visible apostrophe; missing one runs a formula.
    /// </summary>
    public const string Triggers = "=+-@\t\r\n\0\uFF1D\uFF0B\uFF0D\uFF20";

    private static readonly SearchValues<char> TriggerSet = SearchValues.Create(Triggers);

    /// <summary>Seed-format columns that hold typed values (dates, numbers, flags): written as they are, so a negative
    /// number stays a number. Every other column, including an analysis column of text, is guarded.</summary>
    private static readonly HashSet<string> TypedColumns = new(StringComparer.Ordinal) { "since", "until", "strength", "eventDate", "inferred" };

    public static bool IsTrigger(char c) => TriggerSet.Contains(c);

    /// <summary>Whether the seed format's column holds text (guarded) rather than a typed value; decided by column, never by content.</summary>
    public static bool IsTextColumn(string column) => !TypedColumns.Contains(column);

    /// <summary>The value as a CSV cell a spreadsheet shows as text; the same instance when nothing needs guarding.</summary>
    public static string Escape(string value) =>
        value.Length > 0 && (IsTrigger(value[0]) || IsEscaped(value)) ? Prefix + value : value;

    /// <summary>The value a cell written by <see cref="Escape"/> came from; the same instance when it was not prefixed.</summary>
    public static string Unescape(string cell) => IsEscaped(cell) ? cell[1..] : cell;

    /// <summary>A cell of the seed format's <paramref name="column"/> as it was before export: unescaped in text columns only, as the export escapes.</summary>
    public static string UnescapeCell(string column, string cell) =>
        IsEscaped(cell) && IsTextColumn(column) ? cell[1..] : cell;

    /// <summary>An apostrophe followed by a trigger or an apostrophe: the shape only <see cref="Escape"/> writes.</summary>
    public static bool IsEscaped(string cell) => cell.Length > 1 && cell[0] == Prefix && (cell[1] == Prefix || IsTrigger(cell[1]));
}
