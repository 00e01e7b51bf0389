using System.Text;
using System.Text.Json;
using GraphApi.Core.Storage;

namespace GraphApi.Storage.Tests.Contract;

/// <summary>
/// Stored bodies a JSON reader refuses because of their text (written around the service by other tools) are read
/// with U+FFFD in place of that text and flagged; everything else reads exactly as before, and a body that is not JSON
/// still fails.
/// </summary>
public sealed class StoredTextRepairTests
{
    private static byte[] Body(string nameJson) => Encoding.UTF8.GetBytes($$"""{"id":"x","name":"{{nameJson}}","kind":"Cluster","country":"FR"}""");

    [Theory]
    [InlineData(@"a\ud800b", "a\uFFFDb")]
    [InlineData(@"a\udc00", "a\uFFFD")]
    [InlineData(@"\ud800\ud83d\ude00", "\uFFFD\uD83D\uDE00")]
    [InlineData(@"\ud83d\ude00 \uDBFF", "\uD83D\uDE00 \uFFFD")]
    public void An_escaped_unpaired_surrogate_reads_as_a_replacement_character(string nameJson, string expected)
    {
        var actor = RecordJson.ReadStoredActor(Body(nameJson), out var repaired);
        Assert.True(repaired);
        Assert.Equal(expected, actor.Name);
        Assert.Empty(actor.Aliases); // left out of the body: an empty list, not null
    }

    [Theory]
    [InlineData(@"plain", "plain")]
    [InlineData(@"\ud83d\ude00 pair", "\uD83D\uDE00 pair")]
    [InlineData(@"a \\ud800 literal", @"a \ud800 literal")]
    [InlineData(@"nonchar \ufffe", "nonchar \uFFFE")]
    public void Text_a_json_reader_accepts_reads_as_it_is(string nameJson, string expected)
    {
        var actor = RecordJson.ReadStoredActor(Body(nameJson), out var repaired);
        Assert.False(repaired);
        Assert.Equal(expected, actor.Name);
    }

    [Fact]
    public void Bytes_that_are_not_utf8_read_as_a_replacement_character()
    {
        byte[] body = [.. Body("Bad XX bytes")];
        var at = Encoding.UTF8.GetString(body).IndexOf("XX", StringComparison.Ordinal);
        (body[at], body[at + 1]) = (0xC3, 0x28); // a lead byte without its continuation

        var actor = RecordJson.ReadStoredActor(body, out var repaired);

        Assert.True(repaired);
        Assert.Equal("Bad \uFFFD( bytes", actor.Name);
    }

    [Fact]
    public void A_body_that_is_not_json_still_fails() =>
        Assert.ThrowsAny<JsonException>(() => RecordJson.ReadStoredActor(Encoding.UTF8.GetBytes("""{"id":"x","name":"a\ud800"""), out _));
}
