using System.Net;
using System.Text.Json.Nodes;
using FsCheck.Fluent;
using GraphApi.Api.Tests.Interchange;
using GraphApi.Core.Domain;

namespace GraphApi.Api.Tests.Security;

/// <summary>
/// The same hostile text through both imports of POST /api/import, for real and as a dry run: a JSON body (errors by
/// JSON path) and CSV files (errors by file, line and column). Each answer is a 200 or a 400 naming the field, a dry run
/// or a refusal writes nothing, and after each case the service is still whole (<see cref="TextRuleApp"/>).
/// </summary>
public sealed class TextRuleImportProperties
{
    private const int Cases = 30;

    /// <summary>A CSV column of the seed format, its text field, and the file it is in.</summary>
    private sealed record CsvTarget(string Column, TextTarget Field, bool OfActors)
    {
        public override string ToString() => Column;
    }

    private static readonly CsvTarget[] CsvTargets =
    [
        new("name", TextTargets.Actor.Single(t => t.Field == "name"), true),
        new("city", TextTargets.Actor.Single(t => t.Field == "city"), true),
        new("website", TextTargets.Actor.Single(t => t.Field == "website"), true),
        new("description", TextTargets.Actor.Single(t => t.Field == "description"), true),
        new("note", TextTargets.Relationship.Single(t => t.Field == "note"), false),
        new("evidenceQuote", TextTargets.Relationship.Single(t => t.Field == "evidence.quote"), false),
        new("eventName", TextTargets.Relationship.Single(t => t.Field == "event.name"), false),
    ];

    [Fact]
    public async Task A_json_import_stores_nfc_or_refuses_naming_the_item_field_and_code_point()
    {
        using var app = new TextRuleApp();
        var gen = from ofActors in Gen.Elements(true, false)
                  from target in Gen.Elements((ofActors ? TextTargets.Actor : TextTargets.Relationship).ToArray())
                  from value in TextRuleApp.Values
                  from dryRun in Gen.Elements(true, false)
                  select (ofActors, target, value, dryRun);
        var (seed, cases) = TextRuleApp.Sample(gen, Cases);
        var n = 0;
        foreach (var (ofActors, target, value, dryRun) in cases)
        {
            var label = $"seed {seed}, case {++n}{(dryRun ? " (dry run)" : "")}";
            var id = $"json-{n}";
            var sent = target.Wrap(value);
            var list = ofActors ? "actors" : "relationships";
            var version = await app.Factory.StoreVersionAsync();
            var response = await app.Client.PostRawAsync(dryRun ? "/api/import?dryRun=true" : "/api/import",
                $"{{\"{list}\":[{target.Body(id, HostileText.Json(sent))}]}}");
            var body = await response.ReadJsonAsync();
            var path = $"$.{list}[0].{target.Field}";
            TextRuleApp.AssertAnswered(target, sent, response.StatusCode, $"{label}: {path} = {HostileText.Shown(sent)} → {(int)response.StatusCode} {body.ToJsonString()}",
                () => ErrorsAt(body, e => e["path"]?.GetValue<string>() == path),
                () => dryRun ? Expected(sent) : ReadBack(app, ofActors, id, target));
            if (dryRun || response.StatusCode != HttpStatusCode.OK)
            {
                Assert.Equal(version, await app.Factory.StoreVersionAsync());
            }
            await app.AssertStillHealthyAsync(label);
        }
        await app.AssertRestartsReadyAsync();
    }

    [Fact]
    public async Task A_csv_import_stores_nfc_or_refuses_naming_the_column_and_code_point()
    {
        using var app = new TextRuleApp();
        var gen = from target in Gen.Elements(CsvTargets) from value in TextRuleApp.Values from dryRun in Gen.Elements(true, false) select (target, value, dryRun);
        var (seed, cases) = TextRuleApp.Sample(gen, Cases);
        var n = 0;
        foreach (var (target, value, dryRun) in cases)
        {
            var label = $"seed {seed}, case {++n}{(dryRun ? " (dry run)" : "")}";
            var id = $"csv-{n}";
            // A CSV file is UTF-8, so an unpaired surrogate arrives as U+FFFD; the reader trims every cell.
            var cell = HostileText.ThroughUtf8(target.Field.Wrap(value)).Trim();
            var version = await app.Factory.StoreVersionAsync();
            var response = target.OfActors
                ? await app.Client.ImportCsvAsync(ActorsCsv(id, target.Column, cell), null, dryRun)
                : await app.Client.ImportCsvAsync(null,
                    $"id,source,target,type,{target.Column}\n{id},{TextTargets.ActorA},{TextTargets.ActorB},PARTNER_OF,{HostileText.Csv(cell)}\n", dryRun);
            var body = await response.ReadJsonAsync();
            TextRuleApp.AssertAnswered(target.Field, cell, response.StatusCode, $"{label}: {target.Column} = {HostileText.Shown(cell)} → {(int)response.StatusCode} {body.ToJsonString()}",
                () => ErrorsAt(body, e => e["column"]?.GetValue<string>() == target.Column),
                () => dryRun ? Expected(cell) : ReadBack(app, target.OfActors, id, target.Field));
            if (dryRun || response.StatusCode != HttpStatusCode.OK)
            {
                Assert.Equal(version, await app.Factory.StoreVersionAsync());
            }
            await app.AssertStillHealthyAsync(label);
        }
        await app.AssertRestartsReadyAsync();
    }

    /// <summary>The messages of the rejected import's errors, every one of which must be at the place <paramref name="at"/> accepts.</summary>
    private static string[] ErrorsAt(JsonNode problem, Func<JsonNode, bool> at)
    {
        var errors = problem.ImportErrors().Select(e => e!).ToList();
        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.True(at(e), $"an error elsewhere: {e.ToJsonString()}"));
        return [.. errors.Select(e => e["message"]!.GetValue<string>())];
    }

    private static string ActorsCsv(string id, string column, string cell) => column == "name"
        ? $"id,name,kind,country\n{id},{HostileText.Csv(cell)},Company,FR\n"
        : $"id,name,kind,country,{column}\n{id},Plain {id},Company,FR,{HostileText.Csv(cell)}\n";

    private static string? Expected(string sent) => TextRule.Normalise(sent) is { Length: > 0 } stored ? stored : null;

    private static string? ReadBack(TextRuleApp app, bool ofActors, string id, TextTarget target)
    {
        var response = app.Client.GetAsync(ofActors ? $"/api/actors/{id}" : $"/api/relationships/{id}").GetAwaiter().GetResult();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return target.Read(response.ReadJsonAsync().GetAwaiter().GetResult());
    }
}
