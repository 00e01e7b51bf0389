using System.Xml;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GraphApi.Core.Interchange;
using GraphApi.Core.Tests.Interchange;

namespace GraphApi.Core.Tests.Properties;

/// <summary>The text rules of the exports, for any string: the CSV formula guard and the XML-safe replacement.</summary>
public sealed class ExportTextProperties
{
    // Any UTF-16 unit (lone surrogates included), often one the rules look at: a trigger, an apostrophe, a control,
    // a surrogate half, a noncharacter, Hangul.
    private static readonly Gen<char> AnyUnit = Gen.OneOf(
        Gen.Choose(0, 0xFFFF).Select(c => (char)c),
        Gen.Elements((CsvFormulaGuardTests.SpreadsheetTriggers + "''' a\uD83D\uDE00\uD800\uDC00\uFFFE\uFFFF\u0001\uFDD0한").ToCharArray()));

    private static readonly Arbitrary<string> AnyText = Gen.ArrayOf(AnyUnit).Select(units => new string(units)).ToArbitrary();

    // FsCheck's own strings too (null is not a cell: the writers write "" for a missing value).
    private static readonly Arbitrary<string> FsCheckText = ArbMap.Default.ArbFor<string>().Filter(s => s is not null);

    [Property]
    public Property Unescape_undoes_escape_for_any_string() =>
        Prop.ForAll(AnyText, s => CsvFormulaGuard.Unescape(CsvFormulaGuard.Escape(s)) == s);

    [Property]
    public Property Unescape_undoes_escape_for_fscheck_strings() =>
        Prop.ForAll(FsCheckText, s => CsvFormulaGuard.Unescape(CsvFormulaGuard.Escape(s)) == s);

    [Property]
    public Property An_escaped_cell_never_starts_with_a_trigger() =>
        Prop.ForAll(AnyText, s => CsvFormulaGuard.Escape(s) is var cell
            && (cell.Length == 0 || !CsvFormulaGuardTests.SpreadsheetTriggers.Contains(cell[0], StringComparison.Ordinal)));

    [Property]
    public Property Escape_adds_at_most_one_leading_apostrophe() =>
        Prop.ForAll(AnyText, s => CsvFormulaGuard.Escape(s) is var cell && (cell == s || cell == "'" + s));

    [Property]
    public Property Xml_safe_text_is_legal_xml_of_the_same_length() =>
        Prop.ForAll(AnyText, s =>
        {
            var safe = XmlSafeText.Safe(s);
            XmlConvert.VerifyXmlChars(safe);
            return safe.Length == s.Length;
        });

    [Property]
    public Property Xml_safe_text_changes_only_forbidden_units_and_only_to_the_replacement_character() =>
        Prop.ForAll(AnyText, s =>
        {
            var safe = XmlSafeText.Safe(s);
            return Enumerable.Range(0, s.Length).All(i => safe[i] == s[i] || (safe[i] == '\uFFFD' && !IsLegalAt(s, i)));
        });

    [Property]
    public Property Text_that_is_already_legal_xml_is_kept_as_it_is() =>
        Prop.ForAll(AnyText, s => !Enumerable.Range(0, s.Length).All(i => IsLegalAt(s, i)) || ReferenceEquals(XmlSafeText.Safe(s), s));

    /// <summary>XML 1.0's Char production for the unit at <paramref name="i"/>, with surrogates legal only as a pair.</summary>
    private static bool IsLegalAt(string s, int i)
    {
        var c = s[i];
        if (char.IsHighSurrogate(c))
        {
            return i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]);
        }
        if (char.IsLowSurrogate(c))
        {
            return i > 0 && char.IsHighSurrogate(s[i - 1]);
        }
        return c is '\t' or '\n' or '\r' || (c >= '\u0020' && c <= '\uFFFD');
    }
}
