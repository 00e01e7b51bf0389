using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using GraphApi.Core.Domain;

namespace GraphApi.TestGenerators;

/// <summary>
/// Text over the whole Unicode range, the way an attacker or a broken client sends it: every class the text rule
/// refuses (noncharacters in every plane, unpaired surrogates, C0/C1 controls, bidi and invisible format characters,
/// tags, joiners out of place), mixed with what real names hold (Hangul, accents composed and decomposed, Persian and
/// Devanagari with their joiners, emoji sequences, astral characters) and with very long runs. Shared by the Core and
/// API test projects (the API project links this file).
/// </summary>
public static class UnicodeGenerators
{
    /// <summary>
    /// U+FDD0–U+FDEF and the last two code points of each of the 17 planes; U+FFFE and U+FFFF most often, as they are
    /// the ones that break normalisation and XML.
    /// </summary>
    public static Gen<int> Noncharacters => Gen.Frequency(
        (2, Gen.Elements(0xFFFE, 0xFFFF)),
        (1, Gen.Choose(0xFDD0, 0xFDEF)),
        (1, from plane in Gen.Choose(1, 16)
            from last in Gen.Elements(0xFFFE, 0xFFFF)
            select (plane << 16) | last));

    public static Gen<string> LoneSurrogates => Gen.OneOf(Gen.Choose(0xD800, 0xDBFF), Gen.Choose(0xDC00, 0xDFFF)).Select(u => ((char)u).ToString());

    /// <summary>C0 and C1 controls and DEL, tab and line breaks included.</summary>
    public static Gen<int> Controls => Gen.OneOf(Gen.Choose(0, 0x1F), Gen.Choose(0x7F, 0x9F));

    /// <summary>Embeddings, overrides, isolates and marks.</summary>
    public static Gen<int> BidiControls => Gen.Elements(0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x200E, 0x200F, 0x061C);

    /// <summary>Every format character (category Cf) but the two joiners, plus the invisible fillers.</summary>
    public static Gen<int> Invisible => Gen.Elements(InvisibleCodePoints.Value);

    /// <summary>Any Unicode scalar value, whatever its category (assigned or not, every plane).</summary>
    public static Gen<int> AnyScalar => Gen.OneOf(Gen.Choose(0, 0xD7FF), Gen.Choose(0xE000, 0x10FFFF));

    /// <summary>Text real names and descriptions hold, none of which the rule refuses in any field.</summary>
    public static Gen<string> RealText => Gen.Elements(
        "Pôle Eau", "Po\u0302le Eau".Normalize(NormalizationForm.FormD), "한국산업단지공단", "KICOX", "Montpellier-Méditerranée",
        "می\u200Cخواهم", "क्\u200Dष", "Busan 🌊", "👩\u200D💻", "🏳\uFE0F\u200D🌈", "𠀀𪚥", "Ελλάδα", "Zürich", "O'Brien & Co. (R&D)",
        "=SUM(A1)", "a|b", "\"quoted\"", "<tag attr='x'>", "]]>", "&amp;", "x");

    /// <summary>Valid text without joiners or emoji, for inserting one refused character into and finding it named.</summary>
    public static Gen<string> PlainText => Gen.Elements("Pôle Eau", "e\u0301te\u0301", "한국산업단지공단", "KICOX", "𠀀𪚥", "Ελλάδα", "x", "O'Brien");

    /// <summary>One piece of hostile or real text; <see cref="Strings"/> strings pieces together.</summary>
    public static Gen<string> Pieces => Gen.Frequency(
        (6, RealText),
        (3, Gen.Elements("\uFFFE", "\uFFFF", "\0", "\u202E", "\u200B", "\uFEFF", "\u0085", ((char)0xD800).ToString(), "\U0010FFFF")),
        (2, Noncharacters.Select(StringOf)),
        (2, LoneSurrogates),
        (2, Controls.Select(StringOf)),
        (2, BidiControls.Select(StringOf)),
        (2, Invisible.Select(StringOf)),
        (1, Gen.Elements("\u200C", "\u200D", "\0", "\u00A0", " ", "\u2028", "\r\n", "\t")),
        (1, Gen.Choose(0xE0000, 0xE007F).Select(StringOf)),
        (3, AnyScalar.Select(StringOf)),
        (1, Gen.Choose(0x10000, 0x10FFFF).Select(StringOf)));

    /// <summary>Up to six pieces, and now and then one of them repeated into a very long string (past every length cap).</summary>
    public static Gen<string> Strings => Gen.Frequency(
        (9, Gen.Choose(1, 6).SelectMany(n => Gen.ArrayOf(Pieces, n)).Select(pieces => string.Concat(pieces))),
        (1, from piece in Pieces from times in Gen.Choose(300, 5000) select string.Concat(Enumerable.Repeat(piece, times))));

    /// <summary>
    /// A plain reference for the text rule, code point by code point and without context, to test it against: what any
    /// field must refuse, and in identifying fields every format character (the joiners aside: whether they may stand
    /// depends on their neighbours) and the invisible fillers.
    /// </summary>
    public static bool MustRefuse(int codePoint, TextKind kind)
    {
        var multiLine = kind == TextKind.MultiLine;
        var always = codePoint is >= 0xD800 and <= 0xDFFF or >= 0xFDD0 and <= 0xFDEF || (codePoint & 0xFFFE) == 0xFFFE
            || (codePoint < 0x20 && !(multiLine && codePoint is 0x09 or 0x0A or 0x0D)) || codePoint is >= 0x7F and <= 0x9F
            || (!multiLine && codePoint is 0x2028 or 0x2029) || codePoint is >= 0x202A and <= 0x202E or >= 0xE0000 and <= 0xE007F;
        return always || (kind == TextKind.Identifying && codePoint is not (0x200C or 0x200D)
            && Array.BinarySearch(InvisibleCodePoints.Value, codePoint) >= 0);
    }

    /// <summary>Whether any code point of <paramref name="text"/> is one <see cref="MustRefuse(int, TextKind)"/> says the rule must refuse.</summary>
    public static bool MustRefuse(string text, TextKind kind) => CodePoints(text).Any(c => MustRefuse(c, kind));

    /// <summary>The code points of <paramref name="text"/>, an unpaired surrogate counting as one: the reference for positions.</summary>
    public static List<int> CodePoints(string text)
    {
        var points = new List<int>();
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                points.Add(char.ConvertToUtf32(text[i], text[i + 1]));
                i++;
            }
            else
            {
                points.Add(text[i]);
            }
        }
        return points;
    }

    /// <summary>A code point as a string; a surrogate code point as its lone UTF-16 unit.</summary>
    public static string StringOf(int codePoint) =>
        codePoint is >= 0xD800 and <= 0xDFFF ? ((char)codePoint).ToString() : char.ConvertFromUtf32(codePoint);

    /// <summary>Every format character (Cf) but the joiners, and the invisible fillers, in order.</summary>
    private static readonly Lazy<int[]> InvisibleCodePoints = new(() =>
    [
        .. Enumerable.Range(0, 0x110000)
            .Where(c => c is < 0xD800 or > 0xDFFF && c is not (0x200C or 0x200D)
                && CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format)
            .Concat([0x034F, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x3164, 0xFFA0])
            .Order(),
    ]);
}
