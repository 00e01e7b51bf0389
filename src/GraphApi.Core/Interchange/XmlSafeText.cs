using System.Buffers;

namespace GraphApi.Core.Interchange;

/// <summary>
/// Makes any stored string writable in XML 1.0, whose Char production allows only #x9 | #xA | #xD | [#x20-#xD7FF] |
/// [#xE000-#xFFFD] | [#x10000-#x10FFFF]. Each UTF-16 unit outside it (C0 controls other than tab, line feed and
/// carriage return; a surrogate that is not half of a pair; U+FFFE and U+FFFF) becomes U+FFFD, the replacement
/// character, so the text keeps its length and shows where something was dropped; everything else (Hangul, accents,
/// emoji, noncharacters such as U+FDD0, which XML allows) is kept as it is.
/// XmlWriter refuses such characters by throwing, and it does so mid-stream, after the 200 was sent: the download
/// would end in a truncated, unreadable file. Replacing instead keeps the stream whole for strings stored before the
/// text rules refused these characters.
/// </summary>
public static class XmlSafeText
{
    public const char Replacement = '\uFFFD';

    // Every unit that might be forbidden: lets the common all-clean string through with one vectorised scan.
    private static readonly SearchValues<char> Suspect = SearchValues.Create(
    [
        .. Enumerable.Range(0, 0x20).Where(c => c is not ('\t' or '\n' or '\r')).Select(c => (char)c),
        .. Enumerable.Range(0xD800, 0x800).Select(c => (char)c),
        '\uFFFE', '\uFFFF',
    ]);

    /// <summary>The text with every unit XML 1.0 forbids replaced by U+FFFD; the same instance when there is none.</summary>
    public static string Safe(string value)
    {
        var first = value.AsSpan().IndexOfAny(Suspect);
        var bad = first < 0 ? -1 : NextForbidden(value, first);
        if (bad < 0)
        {
            return value;
        }
        return string.Create(value.Length, (value, bad), static (target, state) =>
        {
            var (text, at) = state;
            text.AsSpan().CopyTo(target);
            while (at >= 0)
            {
                target[at] = Replacement;
                at = NextForbidden(text, at + 1);
            }
        });
    }

    /// <returns>The index of the first forbidden unit at or after <paramref name="from"/>, or -1.</returns>
    private static int NextForbidden(string text, int from)
    {
        for (var i = from; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (c < '\u0020' ? c is not ('\t' or '\n' or '\r') : char.IsSurrogate(c) || c >= '\uFFFE')
            {
                return i;
            }
        }
        return -1;
    }
}
