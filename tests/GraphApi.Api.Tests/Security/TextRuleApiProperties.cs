using System.Net;
using FsCheck.Fluent;
using GraphApi.Actors;
using GraphApi.Core.Domain;
using GraphApi.TestGenerators;

namespace GraphApi.Api.Tests.Security;

/// <summary>
/// Text from the whole Unicode range (see <c>UnicodeGenerators</c>) sent to every text field the API stores and every
/// free-text query value: each answer is a 201/200 storing NFC or a 400 naming the field and the code point, never a
/// 5xx; after each case the service still writes, searches, exports and round-trips (<see cref="TextRuleApp"/>); at the
/// end it restarts ready on the store the cases left. A failure shows the seed and the case.
/// </summary>
public sealed class TextRuleApiProperties
{
    private const int Cases = 30;

    [Fact]
    public async Task Actor_text_fields_store_nfc_or_refuse_naming_field_and_code_point()
    {
        using var app = new TextRuleApp();
        var gen = from target in Gen.Elements(TextTargets.Actor.ToArray())
                  from value in TextRuleApp.Values
                  from update in Gen.Elements(false, true)
                  select (target, value, update);
        var (seed, cases) = TextRuleApp.Sample(gen, Cases);
        var n = 0;
        foreach (var (target, value, update) in cases)
        {
            var label = $"seed {seed}, case {++n}";
            var id = update ? TextTargets.ActorA : $"case-{n}";
            var sent = target.Wrap(value);
            var (status, body) = update
                ? await app.SendAsync(HttpMethod.Put, $"/api/actors/{id}", target.Body(id, HostileText.Json(sent)))
                : await app.SendAsync(HttpMethod.Post, "/api/actors", target.Body(id, HostileText.Json(sent)));
            TextRuleApp.AssertAnswered(target, sent, status, body, r => r, label);
            await app.AssertReadsBackAsync(target, status, body, $"/api/actors/{id}");
            await app.AssertStillHealthyAsync(label);
        }
        await app.AssertRestartsReadyAsync();
    }

    [Fact]
    public async Task Relationship_text_fields_store_nfc_or_refuse_naming_field_and_code_point()
    {
        using var app = new TextRuleApp();
        var gen = from target in Gen.Elements(TextTargets.Relationship.ToArray()) from value in TextRuleApp.Values select (target, value);
        var (seed, cases) = TextRuleApp.Sample(gen, Cases);
        var n = 0;
        foreach (var (target, value) in cases)
        {
            var label = $"seed {seed}, case {++n}";
            var id = $"tie-{n}";
            var (status, body) = await app.SendAsync(HttpMethod.Post, "/api/relationships", target.Body(id, HostileText.Json(value)));
            TextRuleApp.AssertAnswered(target, value, status, body, r => r, label);
            await app.AssertReadsBackAsync(target, status, body, $"/api/relationships/{id}");
            await app.AssertStillHealthyAsync(label);
        }
        await app.AssertRestartsReadyAsync();
    }

    [Fact]
    public async Task Ledger_notes_and_evidence_store_nfc_or_refuse_naming_field_and_code_point()
    {
        using var app = new TextRuleApp();
        var gen = from onEvent in Gen.Elements(false, true) from value in TextRuleApp.Values select (onEvent, value);
        var (seed, cases) = TextRuleApp.Sample(gen, Cases);
        var n = 0;
        foreach (var (onEvent, value) in cases)
        {
            var label = $"seed {seed}, case {++n}";
            if (onEvent)
            {
                var (asked, ask) = await app.SendAsync(HttpMethod.Post, "/api/introductions", TextTargets.AskNote.Body("", "\"plain\""));
                Assert.Equal(HttpStatusCode.Created, asked);
                var target = TextTargets.EventEvidence;
                var (status, body) = await app.SendAsync(HttpMethod.Post, $"/api/introductions/{ask!["id"]}/events", target.Body("", HostileText.Json(value)));
                TextRuleApp.AssertAnswered(target, value, status, body, r => r["timeline"]![0]!, label);
            }
            else
            {
                var (status, body) = await app.SendAsync(HttpMethod.Post, "/api/introductions", TextTargets.AskNote.Body("", HostileText.Json(value)));
                TextRuleApp.AssertAnswered(TextTargets.AskNote, value, status, body, r => r, label);
            }
            await app.AssertStillHealthyAsync(label);
        }
        await app.AssertRestartsReadyAsync();
    }

    [Fact]
    public async Task Search_and_sector_values_answer_200_or_a_400_naming_them_never_a_5xx()
    {
        using var app = new TextRuleApp();
        var gen = from parameter in Gen.Elements("q", "sector") from value in TextRuleApp.Values select (parameter, value);
        var (seed, cases) = TextRuleApp.Sample(gen, Cases * 2);
        var n = 0;
        foreach (var (parameter, value) in cases)
        {
            var label = $"seed {seed}, case {++n}";
            var received = HostileText.ThroughUtf8(value);
            var (status, body) = await app.SendAsync(HttpMethod.Get, $"/api/actors?{parameter}={HostileText.Query(value)}");
            var shown = $"{label}: {parameter}={HostileText.Shown(received)} → {(int)status} {body?.ToJsonString()}";
            var max = parameter == "q" ? ActorEndpoints.MaxQueryLength : ActorFilterRules.MaxSectorLength;
            var stored = TextRule.Normalise(received);
            Assert.True(!UnicodeGenerators.MustRefuse(received, TextKind.Line) || status == HttpStatusCode.BadRequest, shown);
            if (TextRule.FirstRefusal(received, TextKind.Line) is { } refusal)
            {
                Assert.True(status == HttpStatusCode.BadRequest, shown);
                Assert.Contains(refusal, TestJson.OnlyErrorsOf(body!, parameter));
            }
            else if (stored.EnumerateRunes().Count() > max || (parameter == "sector" && stored.Length == 0))
            {
                Assert.True(status == HttpStatusCode.BadRequest, shown);
                TestJson.OnlyErrorsOf(body!, parameter);
            }
            else
            {
                Assert.True(status == HttpStatusCode.OK, shown);
            }
        }
        await app.AssertStillHealthyAsync($"seed {seed}, after the searches");
    }

    [Fact]
    public async Task The_issues_examples_are_refused_before_anything_is_written()
    {
        using var app = new TextRuleApp();
        var version = await Interchange.InterchangeClient.StoreVersionAsync(app.Factory);
        var (status, body) = await app.SendAsync(HttpMethod.Post, "/api/actors", TextTargets.Actor[0].Body("spoof", HostileText.Json("Pôle\uFFFEEau")));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(["contains U+FFFE, a noncharacter, at position 5"], TestJson.OnlyErrorsOf(body!, "name"));
        (status, body) = await app.SendAsync(HttpMethod.Post, "/api/actors", TextTargets.Actor[0].Body("spoof", HostileText.Json("x\uFFFF")));
        Assert.Equal(["contains U+FFFF, a noncharacter, at position 2"], TestJson.OnlyErrorsOf(body!, "name"));
        (status, body) = await app.SendAsync(HttpMethod.Post, "/api/actors", TextTargets.Actor[0].Body("spoof", HostileText.Json("\u202Egnp.exe\u200B\uFEFF")));
        Assert.StartsWith("contains U+202E, a bidirectional embedding or override", Assert.Single(TestJson.OnlyErrorsOf(body!, "name")), StringComparison.Ordinal);
        (status, body) = await app.SendAsync(HttpMethod.Get, "/api/actors?q=%EF%BF%BE");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(["contains U+FFFE, a noncharacter, at position 1"], TestJson.OnlyErrorsOf(body!, "q"));
        (status, body) = await app.SendAsync(HttpMethod.Post, "/api/actors", "{\"name\":\"Bad\uFFFEName\",\"kind\":\"Company\",\"country\":\"FR\"}");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        TestJson.OnlyErrorsOf(body!, "name");
        Assert.Equal(version, await Interchange.InterchangeClient.StoreVersionAsync(app.Factory));
        await app.AssertStillHealthyAsync("after the issue's examples");
    }

    [Fact]
    public async Task The_openapi_document_states_the_rule_and_each_fields_kind_from_the_code()
    {
        using var app = new TextRuleApp();
        var (_, document) = await app.SendAsync(HttpMethod.Get, "/openapi/v1.json");
        var description = document!["info"]!["description"]!.GetValue<string>();
        Assert.Contains(TextRule.Description, description, StringComparison.Ordinal);
        Assert.Contains("* Identifying fields: actor `name` (≤ 200), `aliases` (≤ 200)", description, StringComparison.Ordinal);
        Assert.Contains("* Multi-line fields: actor `description` (≤ 4000); relationship `note` (≤ 2000), `evidence.quote` (≤ 1000); " +
            "introduction `note` (≤ 2000), `evidence` (≤ 2000)", description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_null_list_entry_is_a_400_naming_it_in_a_write_and_in_an_import()
    {
        using var app = new TextRuleApp();
        var (status, body) = await app.SendAsync(HttpMethod.Post, "/api/actors", TextTargets.PlainActor("nulls", "\"aliases\":[\"ok\",null]"));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        TestJson.OnlyErrorsOf(body!, "aliases[1]");
        (status, body) = await app.SendAsync(HttpMethod.Post, "/api/import", $"{{\"actors\":[{TextTargets.PlainActor("nulls", "\"sectors\":[null]")}]}}");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(["actors[0].sectors[0]"], body!["errors"]!.AsObject().Select(e => e.Key));
    }

    [Fact]
    public async Task A_json_escape_of_an_unpaired_surrogate_is_refused_on_its_field()
    {
        using var app = new TextRuleApp();
        var (status, body) = await app.SendAsync(HttpMethod.Post, "/api/actors", TextTargets.PlainActor("lone", "\"aliases\":[\"ok\",\"a\\udc12\"]"));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(["contains U+DC12, an unpaired surrogate escape (half of a character, not a character)"], TestJson.OnlyErrorsOf(body!, "aliases[1]"));
        (status, body) = await app.SendAsync(HttpMethod.Post, "/api/relationships", TextTargets.PlainTie("lone", "\"evidence\":{\"quote\":\"\\ud800\"}"));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("an unpaired surrogate", Assert.Single(TestJson.OnlyErrorsOf(body!, "evidence.quote")), StringComparison.Ordinal);
    }
}
