using System.Net;
using FsCheck.Fluent;
using GraphApi.Api.Tests.Security;
using GraphApi.Core.Domain;

namespace GraphApi.Api.Tests.Workspaces;

/// <summary>
/// The workspace's own inputs under text from the whole Unicode range: a name is identifying text (stored NFC or a 400
/// naming the field and the code point, never a 5xx), an id anything but a workspace id is a 400 on <c>id</c> (in a
/// body) or a 404 (in the path), and the service stays whole after each case.
/// </summary>
public sealed class WorkspaceTextProperties
{
    private const int Cases = 30;

    private static readonly TextTarget Name = new("name", WorkspaceRules.Name.Kind, WorkspaceRules.Name.MaxLength, WorkspaceRules.Name.Required,
        v => v, (id, v) => $$"""{"id":"{{id}}","name":{{v}}}""");

    [Fact]
    public async Task Names_store_nfc_or_refuse_naming_field_and_code_point_on_create_and_rename()
    {
        using var app = new TextRuleApp();
        Assert.Equal(HttpStatusCode.Created, (await app.SendAsync(HttpMethod.Post, "/api/workspaces", """{"id":"base-ws","name":"Base"}""")).Status);
        var gen = from value in TextRuleApp.Values from rename in Gen.Elements(false, true) select (value, rename);
        var (seed, cases) = TextRuleApp.Sample(gen, Cases);
        var n = 0;
        foreach (var (value, rename) in cases)
        {
            var label = $"seed {seed}, case {++n}";
            var id = rename ? "base-ws" : $"ws-{n}";
            var (status, body) = rename
                ? await app.SendAsync(HttpMethod.Patch, $"/api/workspaces/{id}", $$"""{"name":{{HostileText.Json(value)}}}""")
                : await app.SendAsync(HttpMethod.Post, "/api/workspaces", Name.Body(id, HostileText.Json(value)));
            TextRuleApp.AssertAnswered(Name, value, status, body, r => r, label);
            await app.AssertReadsBackAsync(Name, status, body, $"/api/workspaces/{id}");
            await app.AssertStillHealthyAsync(label);
        }
        await app.AssertRestartsReadyAsync();
    }

    [Fact]
    public async Task Ids_that_are_no_workspace_id_are_refused_in_a_body_and_unknown_in_a_path()
    {
        using var app = new TextRuleApp();
        var (seed, cases) = TextRuleApp.Sample(TextRuleApp.Values, Cases);
        var n = 0;
        foreach (var value in cases)
        {
            var label = $"seed {seed}, case {++n}";
            var (created, body) = await app.SendAsync(HttpMethod.Post, "/api/workspaces", $$"""{"id":{{HostileText.Json(value)}},"name":"Any"}""");
            var valid = !HostileText.HasUnpairedSurrogate(value) && IdNamespaces.IsValidWorkspaceId(value);
            Assert.True(created == (valid ? HttpStatusCode.Created : HttpStatusCode.BadRequest), $"{label}: id {HostileText.Shown(value)} → {(int)created} {body?.ToJsonString()}");
            if (!valid)
            {
                Assert.NotEmpty(TestJson.OnlyErrorsOf(body!, "id"));
            }
            // A path holding %00 never reaches the app: Kestrel answers 400 itself, and the in-memory test host throws.
            if (!valid && !value.Contains('\0', StringComparison.Ordinal))
            {
                var (read, _) = await app.SendAsync(HttpMethod.Get, $"/api/workspaces/{Uri.EscapeDataString(HostileText.ThroughUtf8(value))}");
                Assert.True(read is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"{label}: GET → {(int)read}");
            }
            await app.AssertStillHealthyAsync(label);
        }
    }
}
