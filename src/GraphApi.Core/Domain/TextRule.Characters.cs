using System.Globalization;

namespace GraphApi.Core.Domain;

/// <summary>Which characters the rule refuses, and where: the character classes behind <see cref="TextRule.Description"/>.</summary>
public static partial class TextRule
{
    /// <summary>The scripts whose words need the zero-width (non-)joiner, as <see cref="Description"/> names them.</summary>
    public const string JoiningScriptNames =
        "Arabic (Persian, Urdu, …), Syriac, N'Ko, Mandaic, Mongolian, Devanagari, Bengali, Gurmukhi, Gujarati, Oriya, Tamil, " +
        "Telugu, Kannada, Malayalam, Sinhala";

    private const int ZeroWidthNonJoiner = 0x200C;
    private const int ZeroWidthJoiner = 0x200D;

    /// <summary>
    /// Blocks of the scripts in <see cref="JoiningScriptNames"/>, each with its script's number. A joiner between two letters
    /// of the same script shapes a word (Persian "می‌خواهم", Devanagari half forms); between Latin letters it only hides a
    /// difference between two names that look the same, so Latin and the other scripts are not listed.
    /// </summary>
    private static readonly (int First, int Last, int Script)[] JoiningScriptBlocks =
    [
        (0x0600, 0x06FF, 1), (0x0750, 0x077F, 1), (0x0870, 0x089F, 1), (0x08A0, 0x08FF, 1), (0xFB50, 0xFDFF, 1), (0xFE70, 0xFEFF, 1),
        (0x10EC0, 0x10EFF, 1),
        (0x0700, 0x074F, 2), (0x0860, 0x086F, 2),
        (0x07C0, 0x07FF, 3),
        (0x0840, 0x085F, 4),
        (0x1800, 0x18AF, 5), (0x11660, 0x1167F, 5),
        (0x0900, 0x097F, 6), (0xA8E0, 0xA8FF, 6), (0x11B00, 0x11B5F, 6),
        (0x0980, 0x09FF, 7),
        (0x0A00, 0x0A7F, 8),
        (0x0A80, 0x0AFF, 9),
        (0x0B00, 0x0B7F, 10),
        (0x0B80, 0x0BFF, 11), (0x11FC0, 0x11FFF, 11),
        (0x0C00, 0x0C7F, 12),
        (0x0C80, 0x0CFF, 13),
        (0x0D00, 0x0D7F, 14),
        (0x0D80, 0x0DFF, 15), (0x111E0, 0x111FF, 15),
    ];

    /// <summary>
    /// The viramas of the Indic scripts listed: a joiner right after one picks a half form or a chillu (Malayalam "അവന്‍"),
    /// even at the end of a word, as the IDNA rules for domain names allow (RFC 5892, appendix A).
    /// </summary>
    private static readonly int[] Viramas = [0x094D, 0x09CD, 0x0A4D, 0x0ACD, 0x0B4D, 0x0BCD, 0x0C4D, 0x0CCD, 0x0D3B, 0x0D3C, 0x0D4D, 0x0DCA];

    /// <summary>Letters (category Lo) or marks that show nothing: a name made of them looks empty or like another.</summary>
    private static readonly int[] InvisibleFillers = [0x034F, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x3164, 0xFFA0];

    public static bool IsNoncharacter(int codePoint) =>
        codePoint is >= 0xFDD0 and <= 0xFDEF || (codePoint & 0xFFFE) == 0xFFFE;

    private static bool IsSurrogate(int codePoint) => codePoint is >= 0xD800 and <= 0xDFFF;

    /// <summary>What the character at <paramref name="index"/> is, if a field of <paramref name="kind"/> must not hold it; null if it may.</summary>
    private static string? Refusal(string value, int index, int codePoint, int width, TextKind kind)
    {
        var multiLine = kind == TextKind.MultiLine;
        switch (codePoint)
        {
            case var _ when IsSurrogate(codePoint):
                return "an unpaired surrogate (half of a character, not a character)";
            case var _ when IsNoncharacter(codePoint):
                return "a noncharacter";
            case '\t':
                return multiLine ? null : "a tab (allowed only in multi-line fields)";
            case '\n' or '\r':
                return multiLine ? null : "a line break (allowed only in multi-line fields)";
            case < 0x20 or (>= 0x7F and <= 0x9F):
                return "a control character";
            case 0x2028 or 0x2029:
                return multiLine ? null : "a line or paragraph separator (allowed only in multi-line fields)";
            case >= 0x202A and <= 0x202E:
                return "a bidirectional embedding or override, which makes text display in another order than it reads";
            case >= 0xE0000 and <= 0xE007F:
                return "an invisible tag character";
        }
        if (kind != TextKind.Identifying)
        {
            return null;
        }
        return codePoint switch
        {
            ZeroWidthNonJoiner => JoinsLetters(value, index, width)
                ? null
                : "a zero-width non-joiner that is neither after a virama nor between two letters of a script that uses it",
            ZeroWidthJoiner => JoinsLetters(value, index, width) || JoinsPictographs(value, index, width)
                ? null
                : "a zero-width joiner that is neither after a virama, nor between two letters of a script that uses it, nor inside an emoji sequence",
            >= 0x2066 and <= 0x2069 => "a bidirectional isolate, invisible",
            0x200E or 0x200F or 0x061C => "a bidirectional mark, invisible",
            _ when Array.IndexOf(InvisibleFillers, codePoint) >= 0 => "an invisible filler",
            _ when CharUnicodeInfo.GetUnicodeCategory(codePoint) == UnicodeCategory.Format => "an invisible format character",
            _ => null,
        };
    }

    /// <summary>
    /// Whether the joiner at <paramref name="index"/> stands right after a virama, or between two letters or marks of the
    /// same joining script.
    /// </summary>
    private static bool JoinsLetters(string value, int index, int width)
    {
        var before = CodePointBefore(value, index);
        if (Array.IndexOf(Viramas, before) >= 0)
        {
            return true;
        }
        var after = index + width;
        if (after >= value.Length)
        {
            return false;
        }
        var next = CodePointAt(value, after).CodePoint;
        return IsLetterOrMark(before) && IsLetterOrMark(next) && JoiningScript(before) is > 0 and var script && JoiningScript(next) == script;
    }

    /// <summary>
    /// Whether the joiner at <paramref name="index"/> joins two pictographs into one emoji (👩‍💻, 🏳️‍🌈): a symbol, maybe
    /// followed by the emoji presentation selector or a skin tone, then the joiner, then another symbol.
    /// </summary>
    private static bool JoinsPictographs(string value, int index, int width)
    {
        var after = index + width;
        if (after >= value.Length)
        {
            return false;
        }
        var end = index;
        var before = CodePointBefore(value, end);
        while (before is 0xFE0F or (>= 0x1F3FB and <= 0x1F3FF))
        {
            end -= before > 0xFFFF ? 2 : 1;
            before = CodePointBefore(value, end);
        }
        return IsPictograph(before) && IsPictograph(CodePointAt(value, after).CodePoint);
    }

    private static bool IsPictograph(int codePoint) =>
        codePoint >= 0 && !IsSurrogate(codePoint) && CharUnicodeInfo.GetUnicodeCategory(codePoint) == UnicodeCategory.OtherSymbol;

    private static bool IsLetterOrMark(int codePoint) =>
        codePoint >= 0 && !IsSurrogate(codePoint) && CharUnicodeInfo.GetUnicodeCategory(codePoint) is
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
            or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

    private static int JoiningScript(int codePoint)
    {
        foreach (var (first, last, script) in JoiningScriptBlocks)
        {
            if (codePoint >= first && codePoint <= last)
            {
                return script;
            }
        }
        return 0;
    }
}
