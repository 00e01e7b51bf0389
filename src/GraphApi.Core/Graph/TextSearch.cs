using System.Globalization;
using GraphApi.Core.Domain;
using System.Text;

namespace GraphApi.Core.Graph;

/// <summary>
/// Folds text for search: case and accents fold ("pole eau" finds "Pôle Eau"), Hangul stays comparable because
/// query and names are folded the same way.
/// </summary>
/// <remarks>
/// Total: it answers for every string. .NET's normaliser throws on code units it calls invalid (an unpaired
/// surrogate, U+FFFE), and a snapshot folds every actor it holds, so one such name once made every later write and
/// every start-up fail. Those code units are now kept as they are (they have no case and no accent) and the runs
/// between them are normalised on their own (<see cref="LenientNormalization.Normalize"/>); text without them takes
/// the one normalisation it always did, so its results are unchanged.
/// </remarks>
public static class TextSearch
{
    public static string Fold(string text)
    {
        var decomposed = LenientNormalization.Normalize(text, NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }
        return LenientNormalization.Normalize(builder.ToString(), NormalizationForm.FormC);
    }
}
