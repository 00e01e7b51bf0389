using System.Globalization;
using System.Text;

namespace GraphApi.Core.Graph;

/// <summary>
/// Folds text for search: case and accents fold ("pole eau" finds "Pôle Eau"), Hangul stays comparable because
/// query and names are folded the same way.
/// </summary>
public static class TextSearch
{
    public static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }
        return builder.ToString().Normalize(NormalizationForm.FormC);
    }
}
