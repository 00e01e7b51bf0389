using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GraphApi.Core.Domain;
using GraphApi.Core.Graph;

namespace GraphApi.Core.Tests.Graph;

/// <summary>
/// Search folding answers for every string (a snapshot folds every actor it holds, so one throw once stopped every
/// write and every start-up), and for text the normaliser accepts it answers exactly what it always did.
/// </summary>
public sealed class TextSearchProperties
{
    // The code units that broke folding, their near neighbours, and ordinary text around them.
    private static readonly char[] Awkward =
    [
        '\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\uFFFE', '\uFFFF', '\uFDD0', '\uFDEF', '\u0000', '\u001F', '\u007F', '\u0085',
        '\u202E', '\u2066', '\u200B', '\uFEFF', '\u0301', '\u0308', 'É', 'é', 'a', 'Z', ' ', '한', '\u1100', '\u1161', 'ß', 'İ',
    ];

    /// <summary>Any sequence of UTF-16 code units, surrogates and noncharacters often.</summary>
    private static Arbitrary<string> AnyCodeUnits() =>
        Gen.ArrayOf(Gen.Frequency((2, Gen.Elements(Awkward)), (1, Gen.Choose(0, 0xFFFF).Select(c => (char)c))))
            .Select(chars => new string(chars)).ToArbitrary();

    /// <summary>Well-formed text without U+FFFE: every scalar value, supplementary planes included.</summary>
    private static Arbitrary<string> NormalisableText() =>
        Gen.ArrayOf(Gen.Frequency(
                (2, Gen.Elements(Awkward.Where(c => !char.IsSurrogate(c) && c != '\uFFFE').Select(c => (int)c).ToArray())),
                (1, Gen.Choose(0, 0x10FFFF).Where(v => v is < 0xD800 or > 0xDFFF && (v & 0xFFFF) != 0xFFFE))))
            .Select(values => string.Concat(values.Select(char.ConvertFromUtf32))).ToArbitrary();

    [Property(MaxTest = 2000)]
    public Property Folding_never_throws_and_keeps_the_refused_code_units() =>
        Prop.ForAll(AnyCodeUnits(), text =>
        {
            var folded = TextSearch.Fold(text);
            var refused = text.Count(c => c == '\uFFFE');
            return folded.Count(c => c == '\uFFFE') == refused && LenientNormalization.Normalize(text, NormalizationForm.FormC) is not null
                && IdMaker.Slug(text) is not null;
        });

    [Property(MaxTest = 2000)]
    public Property Text_the_normaliser_accepts_folds_as_it_always_did() =>
        Prop.ForAll(NormalisableText(), text => LenientNormalization.Accepts(text) && TextSearch.Fold(text) == FoldAsBefore(text));

    // Built here, not as [InlineData]: the test runner's serialisation of theory data turns lone surrogates into U+FFFD.
    [Fact]
    public void Refused_code_units_stay_and_the_text_around_them_folds()
    {
        (string Text, string Expected)[] cases =
        [
            ("Pôle\uFFFEEau", "pole\uFFFEeau"),
            ("É\uD800É", "e\uD800e"),
            ("\uDC00A\u0301", "\uDC00a"),
            ("한\uDBFF", "한\uDBFF"),
        ];
        foreach (var (text, expected) in cases)
        {
            Assert.Throws<ArgumentException>(() => text.Normalize(NormalizationForm.FormD)); // what the fold used to throw
            Assert.False(LenientNormalization.Accepts(text));
            Assert.Equal(expected, TextSearch.Fold(text));
        }
    }

    [Fact]
    public void Lenient_normalisation_composes_each_run_between_refused_code_units()
    {
        Assert.Equal("é\uFFFEé", LenientNormalization.Normalize("e\u0301\uFFFEe\u0301", NormalizationForm.FormC));
        Assert.Equal("e\u0301\uD800", LenientNormalization.Normalize("é\uD800", NormalizationForm.FormD));
        Assert.Equal(4, LenientNormalization.FirstUnpairedSurrogate("ab\uD83D\uDE00\uDC00"));
        Assert.Equal(-1, LenientNormalization.FirstUnpairedSurrogate("ab\uD83D\uDE00\uFFFE"));
    }

    [Fact]
    public void A_name_with_a_refused_code_unit_is_found_by_search()
    {
        var actor = new Actor { Id = "odd", Name = "Odd\uFFFEName \uD800", Kind = "Cluster", Country = "FR" };
        var snapshot = GraphSnapshot.Build([actor], [], 1, RelationshipTypeCatalogue.Default);
        Assert.True(snapshot.Matches(snapshot.IndexOf("odd"), TextSearch.Fold("odd\uFFFEname")));
        Assert.True(snapshot.Matches(snapshot.IndexOf("odd"), TextSearch.Fold("NAME")));
    }

    /// <summary>The fold as it was before it was made total: the reference for text the normaliser accepts.</summary>
    private static string FoldAsBefore(string text)
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
