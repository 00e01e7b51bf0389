using System.Text;
using GraphApi.Core.Domain;

namespace GraphApi.Core.Tests.Domain;

/// <summary>The text rule class by class: what it refuses (with the message a caller sees) and what real names need it to keep.</summary>
public class TextRuleTests
{
    private const TextKind Identifying = TextKind.Identifying;
    private const TextKind Line = TextKind.Line;
    private const TextKind MultiLine = TextKind.MultiLine;

    public static TheoryData<string, string, TextKind, string> Refused() => new()
    {
        // Noncharacters, in the BMP block and at the end of planes 0, 1 and 16.
        { "noncharacter U+FFFE", "Pôle\uFFFEEau", Line, "contains U+FFFE, a noncharacter, at position 5" },
        { "noncharacter U+FFFF", "\uFFFF", MultiLine, "contains U+FFFF, a noncharacter, at position 1" },
        { "noncharacter U+FDD0", "ab\uFDD0", Line, "contains U+FDD0, a noncharacter, at position 3" },
        { "noncharacter U+FDEF", "\uFDEF", MultiLine, "contains U+FDEF, a noncharacter, at position 1" },
        { "noncharacter U+1FFFE", "a\U0001FFFE", Identifying, "contains U+1FFFE, a noncharacter, at position 2" },
        { "noncharacter U+10FFFF", "\U0010FFFF", MultiLine, "contains U+10FFFF, a noncharacter, at position 1" },
        // C0 and C1 controls; tab and line breaks in single-line fields.
        { "NUL", "a\0", MultiLine, "contains U+0000, a control character, at position 2" },
        { "escape", "\u001b[31m", MultiLine, "contains U+001B, a control character, at position 1" },
        { "delete", "a\u007F", Line, "contains U+007F, a control character, at position 2" },
        { "next line (C1)", "a\u0085b", MultiLine, "contains U+0085, a control character, at position 2" },
        { "C1 U+009F", "\u009F", Identifying, "contains U+009F, a control character, at position 1" },
        { "line feed in a name", "Two\nLines", Identifying, "contains U+000A, a line break (allowed only in multi-line fields), at position 4" },
        { "carriage return in a line", "a\rb", Line, "contains U+000D, a line break (allowed only in multi-line fields), at position 2" },
        { "tab in a name", "a\tb", Identifying, "contains U+0009, a tab (allowed only in multi-line fields), at position 2" },
        { "line separator", "a\u2028b", Line, "contains U+2028, a line or paragraph separator (allowed only in multi-line fields), at position 2" },
        // Bidi embeddings and overrides and tag characters: refused even in free text.
        { "right-to-left override in a description", "read \u202Eevil", MultiLine,
            "contains U+202E, a bidirectional embedding or override, which makes text display in another order than it reads, at position 6" },
        { "left-to-right embedding", "\u202Ax", Line, "contains U+202A, a bidirectional embedding or override, which makes text display in another order than it reads, at position 1" },
        { "tag character", "a\U000E0041", MultiLine, "contains U+E0041, an invisible tag character, at position 2" },
        // The spoofed name: the first offender is named, the others counted.
        { "issue's spoof", "\u202Egnp.exe\u200B\uFEFF", Identifying,
            "contains U+202E, a bidirectional embedding or override, which makes text display in another order than it reads, at position 1 (and 2 more the text rule refuses)" },
        // Invisible characters in identifying text.
        { "bidi isolate", "\u2066KICOX\u2069", Identifying, "contains U+2066, a bidirectional isolate, invisible, at position 1 (and 1 more the text rule refuses)" },
        { "left-to-right mark", "KI\u200ECOX", Identifying, "contains U+200E, a bidirectional mark, invisible, at position 3" },
        { "Arabic letter mark", "\u061Cx", Identifying, "contains U+061C, a bidirectional mark, invisible, at position 1" },
        { "zero-width space", "KI\u200BCOX", Identifying, "contains U+200B, an invisible format character, at position 3" },
        { "word joiner", "a\u2060b", Identifying, "contains U+2060, an invisible format character, at position 2" },
        { "byte order mark", "\uFEFFKICOX", Identifying, "contains U+FEFF, an invisible format character, at position 1" },
        { "soft hyphen", "KI\u00ADCOX", Identifying, "contains U+00AD, an invisible format character, at position 3" },
        { "Mongolian vowel separator", "a\u180Eb", Identifying, "contains U+180E, an invisible format character, at position 2" },
        { "Hangul filler", "\u3164", Identifying, "contains U+3164, an invisible filler, at position 1" },
        { "half-width Hangul filler", "a\uFFA0", Identifying, "contains U+FFA0, an invisible filler, at position 2" },
        { "combining grapheme joiner", "a\u034Fb", Identifying, "contains U+034F, an invisible filler, at position 2" },
        // Joiners outside the words of scripts that use them.
        { "ZWJ between Latin letters", "pay\u200Dpal", Identifying,
            "contains U+200D, a zero-width joiner that is neither after a virama, nor between two letters of a script that uses it, nor inside an emoji sequence, at position 4" },
        { "ZWNJ between Latin letters", "Auf\u200Clage", Identifying,
            "contains U+200C, a zero-width non-joiner that is neither after a virama nor between two letters of a script that uses it, at position 4" },
        { "ZWNJ at the start", "\u200Cمی", Identifying,
            "contains U+200C, a zero-width non-joiner that is neither after a virama nor between two letters of a script that uses it, at position 1" },
        { "ZWNJ at the end", "می\u200C", Identifying,
            "contains U+200C, a zero-width non-joiner that is neither after a virama nor between two letters of a script that uses it, at position 3" },
        { "ZWNJ before a space", "می\u200C خواهم", Identifying,
            "contains U+200C, a zero-width non-joiner that is neither after a virama nor between two letters of a script that uses it, at position 3" },
        { "ZWJ between two scripts", "م\u200Dक", Identifying,
            "contains U+200D, a zero-width joiner that is neither after a virama, nor between two letters of a script that uses it, nor inside an emoji sequence, at position 2" },
        { "two joiners in a row", "क्\u200D\u200Dष", Identifying,
            "contains U+200D, a zero-width joiner that is neither after a virama, nor between two letters of a script that uses it, nor inside an emoji sequence, at position 4" },
        { "ZWJ after an emoji, before a letter", "👩\u200Da", Identifying,
            "contains U+200D, a zero-width joiner that is neither after a virama, nor between two letters of a script that uses it, nor inside an emoji sequence, at position 2" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Refuses_with_the_code_point_and_its_position(string why, string value, TextKind kind, string message)
    {
        Assert.NotNull(why);
        Assert.Equal(message, TextRule.FirstRefusal(value, kind));
        Assert.False(TextRule.IsAllowed(value, kind));
    }

    // Not theory data: xunit's test discovery turns a lone surrogate in a case's arguments into U+FFFD.
    [Fact]
    public void Unpaired_surrogates_are_refused_wherever_they_are()
    {
        const string Surrogate = "an unpaired surrogate (half of a character, not a character)";
        Assert.Equal($"contains U+D800, {Surrogate}, at position 3", TextRule.FirstRefusal("ab" + (char)0xD800 + "c", MultiLine));
        Assert.Equal($"contains U+DC00, {Surrogate}, at position 1", TextRule.FirstRefusal(((char)0xDC00).ToString(), MultiLine));
        Assert.Equal($"contains U+DBFF, {Surrogate}, at position 2", TextRule.FirstRefusal("x" + (char)0xDBFF, Line));
        // A low half before its high half is two unpaired halves, not a character.
        Assert.Equal($"contains U+DC00, {Surrogate}, at position 1 (and 1 more the text rule refuses)",
            TextRule.FirstRefusal(new string([(char)0xDC00, (char)0xD800]), Identifying));
        Assert.Null(TextRule.FirstRefusal(new string([(char)0xD800, (char)0xDC00]), Identifying));
    }

    public static TheoryData<string, string, TextKind> Kept() => new()
    {
        { "Hangul", "한국산업단지공단", Identifying },
        { "accents", "Pôle Eau Montpellier-Méditerranée", Identifying },
        { "combining marks (NFD)", "Po\u0302le Eau", Identifying },
        { "Persian with ZWNJ between letters", "می\u200Cخواهم", Identifying },
        { "Arabic-script Urdu with ZWNJ", "ٹیک\u200Cنالوجی", Identifying },
        { "Devanagari half form with ZWJ after the virama", "क्\u200Dष", Identifying },
        { "Devanagari with ZWNJ after the virama", "क्\u200Cष", Identifying },
        { "Malayalam chillu: ZWJ after the virama, at the end of a word", "അവന്\u200D", Identifying },
        { "plain emoji", "Busan 🌊 Marine", Identifying },
        { "emoji ZWJ sequence", "👩\u200D💻 team", Identifying },
        { "emoji ZWJ with a presentation selector", "🏳\uFE0F\u200D🌈", Identifying },
        { "emoji ZWJ with a skin tone", "👨🏽\u200D💻", Identifying },
        { "astral CJK", "𠀀𪚥 Lab", Identifying },
        { "no-break and ideographic spaces", "Cluster\u00A0Eau\u3000한국", Identifying },
        { "free text keeps marks and joiners", "שלום \u200Fworld\u200B, a\u00ADb \u2066x\u2069", Line },
        { "multi-line text keeps tab and line breaks", "line one\r\n\tline two\u2028three", MultiLine },
        { "private use", "\uE000", Identifying },
    };

    [Theory]
    [MemberData(nameof(Kept))]
    public void Keeps_what_real_names_and_texts_need(string why, string value, TextKind kind)
    {
        Assert.NotNull(why);
        Assert.Null(TextRule.FirstRefusal(value, kind));
    }

    [Fact]
    public void Joiners_outside_words_are_kept_in_free_text() =>
        Assert.Null(TextRule.FirstRefusal("pay\u200Dpal \u200C", Line));

    [Fact]
    public void Positions_count_code_points_not_utf16_units() =>
        Assert.Equal("contains U+FFFE, a noncharacter, at position 3", TextRule.FirstRefusal("😀𠀀\uFFFE", Line));

    [Fact]
    public void Stored_text_is_nfc_and_trimmed()
    {
        var decomposed = "  Po\u0302le Eau ".Normalize(NormalizationForm.FormD);
        Assert.NotEqual("Pôle Eau", decomposed.Trim());
        Assert.Equal("Pôle Eau", TextRule.Normalise(decomposed));
        Assert.Equal("한국산업단지공단", TextRule.Normalise("한국산업단지공단".Normalize(NormalizationForm.FormD)));
        Assert.Null(TextRule.NormaliseOptional(" \t "));
    }

    [Fact]
    public void Normalising_refused_text_leaves_it_as_it_is_instead_of_throwing()
    {
        // Decomposed and padded, so normalising would change each one if it were allowed to.
        foreach (var value in new[] { " e\u0301\uFFFE ", " e\u0301" + (char)0xD800, (char)0xDC00 + " e\u0301 " })
        {
            Assert.Same(value, TextRule.Normalise(value));
        }
    }

    [Fact]
    public void Length_caps_count_characters_of_the_nfc_form()
    {
        var errors = new ValidationErrors();
        // 200 decomposed "é" are 400 UTF-16 units, but 200 characters once composed.
        TextRule.Check(errors, "name", string.Concat(Enumerable.Repeat("e\u0301", 200)), Identifying, 200);
        Assert.True(errors.IsEmpty, errors.ToString());
        TextRule.Check(errors, "name", string.Concat(Enumerable.Repeat("😀", 201)), Identifying, 200);
        Assert.Equal(["must be at most 200 characters (got 201)"], errors.ToDictionary()["name"]);
    }

    [Theory]
    [InlineData("\u0085")]
    [InlineData("\u2028")]
    public void White_space_that_is_also_refused_is_refused_not_taken_as_blank(string value)
    {
        var errors = new ValidationErrors();
        TextRule.Check(errors, "city", value, Identifying, 100);
        Assert.Contains("contains U+", Assert.Single(errors.ToDictionary()["city"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Code_points_are_named_with_four_to_six_hex_digits()
    {
        Assert.Equal("U+0000", TextRule.Name(0));
        Assert.Equal("U+FFFE", TextRule.Name(0xFFFE));
        Assert.Equal("U+10FFFF", TextRule.Name(0x10FFFF));
    }
}
