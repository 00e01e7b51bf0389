using System.Buffers;
using System.Text;

namespace GraphApi.Core.Domain;

/// <summary>
/// Unicode normalisation that answers for every string, whatever the text rule lets through: .NET's normaliser throws
/// on the code units it calls invalid (an unpaired surrogate, U+FFFE), and the snapshot must never throw on text the
/// store already holds. Also which text UTF-8 cannot hold as it is.
/// </summary>
public static class LenientNormalization
{
    // Every surrogate and U+FFFE: a vectorised scan for them skips almost all text (pairs are looked at closer).
    private static readonly SearchValues<char> SurrogatesAndFffe = SearchValues.Create(
        string.Concat(Enumerable.Range(0xD800, 0x800).Select(c => (char)c)) + "\uFFFE");

    /// <summary>Whether <see cref="string.Normalize()"/> accepts the text: no unpaired surrogate and no U+FFFE.</summary>
    public static bool Accepts(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.AsSpan().IndexOfAny(SurrogatesAndFffe) < 0 || FirstRefusedAt(text, 0) < 0;
    }

    /// <summary>
    /// The text in the normalisation form, keeping the code units the normaliser refuses as they are and normalising
    /// the runs between them on their own (those code units never combine with their neighbours). Never throws; text
    /// the normaliser accepts gets exactly <see cref="string.Normalize(NormalizationForm)"/>.
    /// </summary>
    public static string Normalize(string text, NormalizationForm form)
    {
        if (Accepts(text))
        {
            return text.Normalize(form);
        }
        var builder = new StringBuilder(text.Length);
        var runStart = 0;
        for (var refused = FirstRefusedAt(text, 0); refused >= 0; refused = FirstRefusedAt(text, runStart))
        {
            builder.Append(text[runStart..refused].Normalize(form)).Append(text[refused]);
            runStart = refused + 1;
        }
        return builder.Append(text[runStart..].Normalize(form)).ToString();
    }

    /// <summary>Where the first unpaired surrogate is, or −1: UTF-8 (both stores, the saved snapshot) cannot hold one as it is.</summary>
    public static int FirstUnpairedSurrogate(ReadOnlySpan<char> text)
    {
        for (var i = text.IndexOfAnyInRange('\uD800', '\uDFFF'); i >= 0 && i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>
    /// The first code unit at or after <paramref name="start"/> that the normaliser refuses, or −1. Callers start just
    /// after a refused code unit, so a low surrogate at <paramref name="start"/> has no high one before it.
    /// </summary>
    private static int FirstRefusedAt(string text, int start)
    {
        var rest = text.AsSpan(start);
        var surrogate = FirstUnpairedSurrogate(rest);
        var fffe = rest.IndexOf('\uFFFE');
        var first = surrogate < 0 ? fffe : fffe < 0 ? surrogate : Math.Min(surrogate, fffe);
        return first < 0 ? -1 : start + first;
    }
}
