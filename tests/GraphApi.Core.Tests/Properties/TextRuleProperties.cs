using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GraphApi.Core.Domain;
using GraphApi.Core.Graph;
using GraphApi.TestGenerators;

namespace GraphApi.Core.Tests.Properties;

/// <summary>
/// The text rule over the whole Unicode range: what it lets through never breaks normalisation or search folding (the
/// original crash), is stored stable, and what it refuses is named at the right code point and position.
/// </summary>
public sealed partial class TextRuleProperties
{
    private static readonly TextKind[] Kinds = [TextKind.Identifying, TextKind.Line, TextKind.MultiLine];

    [Fact]
    public void No_code_point_the_rule_lets_through_makes_normalisation_or_search_folding_throw()
    {
        // Every allowed code point, normalised and folded in chunks (one call per code point takes seconds); a chunk
        // that throws is then tried code point by code point, to name the culprits.
        var thrown = new List<string>();
        const int Chunk = 4096;
        for (var start = 0; start <= 0x10FFFF; start += Chunk)
        {
            var allowed = Enumerable.Range(start, Math.Min(Chunk, 0x110000 - start))
                .Select(UnicodeGenerators.StringOf)
                .Where(c => TextRule.IsAllowed("a" + c + "b", TextKind.MultiLine))
                .ToList();
            if (!NormalisesAndFolds(string.Concat(allowed)))
            {
                thrown.AddRange(allowed.Where(c => !NormalisesAndFolds(c)).Select(c => TextRule.Name(char.ConvertToUtf32(c, 0))));
            }
        }
        Assert.Empty(thrown);
    }

    private static bool NormalisesAndFolds(string text)
    {
        try
        {
            _ = text.Normalize(NormalizationForm.FormC);
            _ = text.Normalize(NormalizationForm.FormD);
            _ = TextSearch.Fold(TextRule.Normalise(text));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    [Fact]
    public void Every_code_point_is_refused_exactly_where_the_plain_reference_says()
    {
        var disagreements = new List<string>();
        for (var codePoint = 0; codePoint <= 0x10FFFF; codePoint++)
        {
            if (codePoint is 0x200C or 0x200D)
            {
                continue; // refused or not by their neighbours: the unit tests cover them
            }
            var text = "a" + UnicodeGenerators.StringOf(codePoint) + "b";
            foreach (var kind in Kinds)
            {
                if (TextRule.IsAllowed(text, kind) == UnicodeGenerators.MustRefuse(codePoint, kind))
                {
                    disagreements.Add($"{TextRule.Name(codePoint)} in {kind}");
                }
            }
        }
        Assert.Empty(disagreements);
    }

    [Fact]
    public void Each_kind_refuses_at_least_what_a_more_permissive_kind_refuses()
    {
        for (var codePoint = 0; codePoint <= 0x10FFFF; codePoint++)
        {
            var text = "a" + UnicodeGenerators.StringOf(codePoint) + "b";
            if (!TextRule.IsAllowed(text, TextKind.MultiLine))
            {
                Assert.False(TextRule.IsAllowed(text, TextKind.Line), TextRule.Name(codePoint));
            }
            if (!TextRule.IsAllowed(text, TextKind.Line))
            {
                Assert.False(TextRule.IsAllowed(text, TextKind.Identifying), TextRule.Name(codePoint));
            }
        }
    }

    [Fact]
    public void Every_noncharacter_in_every_plane_is_refused_in_every_kind()
    {
        var noncharacters = Enumerable.Range(0xFDD0, 32).Concat(Enumerable.Range(0, 17).SelectMany(p => new[] { (p << 16) | 0xFFFE, (p << 16) | 0xFFFF }));
        foreach (var codePoint in noncharacters)
        {
            foreach (var kind in Kinds)
            {
                Assert.Equal($"contains {TextRule.Name(codePoint)}, a noncharacter, at position 2", TextRule.FirstRefusal("a" + char.ConvertFromUtf32(codePoint), kind));
            }
        }
    }

    [Property]
    public Property Text_the_rule_lets_through_normalises_without_throwing_and_stays_allowed_and_stable() =>
        Prop.ForAll(UnicodeGenerators.Strings.ToArbitrary(), Gen.Elements(Kinds).ToArbitrary(), (text, kind) =>
        {
            if (!TextRule.IsAllowed(text, kind))
            {
                return;
            }
            var stored = TextRule.Normalise(text);
            Assert.True(stored.IsNormalized(NormalizationForm.FormC));
            Assert.True(TextRule.IsAllowed(stored, kind), $"{Escaped(text)} is allowed but its stored form {Escaped(stored)} is not");
            Assert.Equal(stored, TextRule.Normalise(stored));
            _ = TextSearch.Fold(stored);
        });

    [Property]
    public Property A_refusal_names_the_code_point_found_at_the_position_it_gives() =>
        Prop.ForAll(UnicodeGenerators.Strings.ToArbitrary(), Gen.Elements(Kinds).ToArbitrary(), (text, kind) =>
        {
            if (TextRule.FirstRefusal(text, kind) is not { } refusal)
            {
                return;
            }
            var match = RefusalPattern().Match(refusal);
            Assert.True(match.Success, refusal);
            var position = int.Parse(match.Groups["position"].Value, CultureInfo.InvariantCulture);
            var codePoint = int.Parse(match.Groups["hex"].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            Assert.Equal(codePoint, UnicodeGenerators.CodePoints(text)[position - 1]);
        });

    [Property]
    public Property One_refused_character_put_into_valid_text_is_named_where_it_was_put() =>
        Prop.ForAll(Gen.ArrayOf(UnicodeGenerators.PlainText, 3).ToArbitrary(), RefusedEverywhere.ToArbitrary(), Gen.Choose(0, 3).ToArbitrary(),
            (words, bad, at) => InsertedIsNamed(words, bad, at, Kinds));

    [Property]
    public Property One_invisible_or_bidi_character_put_into_a_name_is_named_where_it_was_put() =>
        Prop.ForAll(Gen.ArrayOf(UnicodeGenerators.PlainText, 3).ToArbitrary(),
            Gen.OneOf(UnicodeGenerators.Invisible, UnicodeGenerators.BidiControls).Select(UnicodeGenerators.StringOf).ToArbitrary(), Gen.Choose(0, 3).ToArbitrary(),
            (words, bad, at) => InsertedIsNamed(words, bad, at, [TextKind.Identifying]));

    /// <summary>What every kind refuses: noncharacters, unpaired surrogates, controls other than tab and line breaks, overrides, tags.</summary>
    private static Gen<string> RefusedEverywhere => Gen.OneOf(
        UnicodeGenerators.Noncharacters.Select(UnicodeGenerators.StringOf),
        UnicodeGenerators.LoneSurrogates,
        UnicodeGenerators.Controls.Where(c => c is not ('\t' or '\n' or '\r')).Select(UnicodeGenerators.StringOf),
        Gen.Choose(0x202A, 0x202E).Select(UnicodeGenerators.StringOf),
        Gen.Choose(0xE0000, 0xE007F).Select(UnicodeGenerators.StringOf));

    private static void InsertedIsNamed(string[] words, string bad, int at, TextKind[] kinds)
    {
        var before = string.Join(' ', words.Take(at));
        var text = before + bad + string.Join(' ', words.Skip(at));
        var position = UnicodeGenerators.CodePoints(before).Count + 1;
        var codePoint = UnicodeGenerators.CodePoints(bad)[0];
        foreach (var kind in kinds)
        {
            var refusal = TextRule.FirstRefusal(text, kind);
            Assert.NotNull(refusal);
            Assert.StartsWith($"contains {TextRule.Name(codePoint)}, ", refusal, StringComparison.Ordinal);
            Assert.Contains($", at position {position}", refusal, StringComparison.Ordinal);
        }
    }

    private static string Escaped(string text) => string.Concat(text.Select(c => c is >= ' ' and <= '~' ? c.ToString() : $"\\u{(int)c:X4}"));

    [GeneratedRegex(@"^contains U\+(?<hex>[0-9A-F]{4,6}), .*, at position (?<position>\d+)( \(and \d+ more the text rule refuses\))?$", RegexOptions.Singleline)]
    private static partial Regex RefusalPattern();
}
