using System.Net;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using FsCheck;
using FsCheck.Fluent;
using GraphApi.Api.Tests.Interchange;
using GraphApi.Core.Domain;
using GraphApi.TestGenerators;

namespace GraphApi.Api.Tests.Security;

/// <summary>
/// A fresh app over a tiny graph (<see cref="TextTargets"/>) for throwing hostile text at, with the checks every case
/// ends with: the service still writes and reads, searches, exports well-formed GraphML and GEXF and round-trips its
/// CSV export; and, when the test is done, a restart on the same store comes up ready.
/// </summary>
public sealed class TextRuleApp : IDisposable
{
    private int _plainWrites;

    public TextRuleApp()
    {
        Client = Factory.CreateClient();
        Post("/api/actors", TextTargets.PlainActor(TextTargets.ActorA));
        Post("/api/actors", TextTargets.PlainActor(TextTargets.ActorB));
        Post("/api/relationships", TextTargets.PlainTie(TextTargets.Tie));
    }

    public GraphApiFactory Factory { get; } = new(seed: false);

    public HttpClient Client { get; }

    /// <summary>Samples of <paramref name="gen"/> from a fresh seed, shown in failures so that a failing run can be replayed.</summary>
    public static (ulong Seed, IReadOnlyList<T> Cases) Sample<T>(Gen<T> gen, int count)
    {
        var seed = (ulong)Random.Shared.NextInt64();
        return (seed, Gen.Sample(gen, count, new Rnd(seed), 30));
    }

    public static Gen<string> Values => UnicodeGenerators.Strings;

    public async Task<(HttpStatusCode Status, JsonNode? Body)> SendAsync(HttpMethod method, string url, string? json = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (json is not null)
        {
            request.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        }
        using var response = await Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    /// <summary>
    /// The answer the text rule calls for when <paramref name="sent"/> reaches <paramref name="target"/>: a refusal names
    /// the field and the code point (an unpaired surrogate is refused by the JSON reader, on the same field); allowed text
    /// is stored NFC and trimmed, unless it is too long, blank where required, or a list entry holding the list separator. <paramref name="refusals"/> asserts that
    /// a 400 blames only the target's field and gives its messages; <paramref name="stored"/> reads the value back.
    /// </summary>
    public static void AssertAnswered(TextTarget target, string sent, HttpStatusCode status, string shown, Func<string[]> refusals, Func<string?> stored)
    {
        Assert.True(status is HttpStatusCode.Created or HttpStatusCode.OK or HttpStatusCode.BadRequest, shown);
        if (HostileText.HasUnpairedSurrogate(sent))
        {
            Assert.True(status == HttpStatusCode.BadRequest, shown);
            Assert.Contains("an unpaired surrogate", Assert.Single(refusals()), StringComparison.Ordinal);
            return;
        }
        // The plain reference first, so that a rule that let a class through would fail here, not agree with itself.
        if (UnicodeGenerators.MustRefuse(sent, target.Kind))
        {
            Assert.True(status == HttpStatusCode.BadRequest, shown);
        }
        if (TextRule.FirstRefusal(sent, target.Kind) is { } refusal)
        {
            Assert.True(status == HttpStatusCode.BadRequest, shown);
            Assert.Contains(refusal, refusals());
            return;
        }
        var expected = TextRule.Normalise(sent);
        var required = target.Required || target.Field.EndsWith(']');
        var listEntryWithSeparator = target.Field.EndsWith(']') && sent.Contains(TextField.ListSeparator, StringComparison.Ordinal);
        if (expected.EnumerateRunes().Count() > target.MaxLength || (required && string.IsNullOrWhiteSpace(expected)) || listEntryWithSeparator)
        {
            Assert.True(status == HttpStatusCode.BadRequest, shown);
            Assert.NotEmpty(refusals());
            return;
        }
        if (status == HttpStatusCode.BadRequest && target.Field == "website")
        {
            Assert.NotEmpty(refusals()); // allowed text that is no URL
            return;
        }
        Assert.True(status is HttpStatusCode.Created or HttpStatusCode.OK, shown);
        Assert.Equal(expected.Length == 0 ? null : expected, stored());
    }

    /// <summary><see cref="AssertAnswered(TextTarget, string, HttpStatusCode, string, Func{string[]}, Func{string?})"/> for a JSON body answered with the record (or a 400 keyed by field).</summary>
    public static void AssertAnswered(TextTarget target, string sent, HttpStatusCode status, JsonNode? body, Func<JsonNode, JsonNode> record, string label) =>
        AssertAnswered(target, sent, status, $"{label}: {target.Field} = {HostileText.Shown(sent)} → {(int)status} {body?.ToJsonString()}",
            () => TestJson.OnlyErrorsOf(body!, target.Field), () => target.Read(record(body!)));

    /// <summary>When the write was stored (201 or 200), reading <paramref name="url"/> gives the field exactly as the write's answer showed it.</summary>
    public async Task AssertReadsBackAsync(TextTarget target, HttpStatusCode status, JsonNode? body, string url)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (status is HttpStatusCode.Created or HttpStatusCode.OK)
        {
            var (read, stored) = await SendAsync(HttpMethod.Get, url);
            Assert.Equal(HttpStatusCode.OK, read);
            Assert.Equal(target.Read(body!), target.Read(stored!));
        }
    }

    /// <summary>What must still work after any case: a plain write read back, a search, both XML exports, an exact CSV round trip.</summary>
    public async Task AssertStillHealthyAsync(string label)
    {
        var id = $"plain-{++_plainWrites}";
        var (created, _) = await SendAsync(HttpMethod.Post, "/api/actors", TextTargets.PlainActor(id));
        Assert.True(created == HttpStatusCode.Created, $"{label}: a plain write answered {(int)created}");
        var read = await Client.GetAsync($"/api/actors/{id}");
        Assert.True(read.StatusCode == HttpStatusCode.OK, $"{label}: reading a plain write answered {(int)read.StatusCode}");
        Assert.Equal($"Plain {id}", (await read.ReadJsonAsync())["name"]!.GetValue<string>());
        var search = await Client.GetAsync($"/api/actors?q=plain%20{id}");
        Assert.True(search.StatusCode == HttpStatusCode.OK, $"{label}: search answered {(int)search.StatusCode}");
        Assert.NotEqual(0, (int)(await search.ReadJsonAsync())["total"]!);
        foreach (var format in new[] { "graphml", "gexf" })
        {
            var xml = await Client.GetStringAsync($"/api/export?format={format}");
            var exception = Record.Exception(() => XDocument.Parse(xml));
            Assert.True(exception is null, $"{label}: the {format} export is not well-formed XML: {exception?.Message}");
        }
        var before = await Client.ContentAsync();
        var (actors, relationships) = await InterchangeClient.UnzipCsvAsync(await Client.GetAsync("/api/export?format=csv"));
        var import = await Client.ImportCsvAsync(actors, relationships);
        Assert.True(import.StatusCode == HttpStatusCode.OK, $"{label}: re-importing the CSV export answered {(int)import.StatusCode} {await import.Content.ReadAsStringAsync()}");
        AssertSameContent(before, await Client.ContentAsync(), $"{label}: the CSV export re-imported");
    }

    private static void AssertSameContent(string expected, string actual, string what)
    {
        if (expected == actual)
        {
            return;
        }
        var at = expected.Zip(actual).TakeWhile(p => p.First == p.Second).Count();
        string Around(string text) => HostileText.Json(text.Substring(Math.Max(0, at - 80), Math.Min(160, text.Length - Math.Max(0, at - 80))));
        Assert.Fail($"{what} differs at {at}: expected …{Around(expected)}… but got …{Around(actual)}…");
    }

    /// <summary>A second app on the same store file (as after a restart) comes up ready and holds the same graph.</summary>
    public async Task AssertRestartsReadyAsync()
    {
        var content = await Client.ContentAsync();
        using var restarted = new GraphApiFactory(seed: false);
        restarted.Settings["Sqlite:Path"] = Factory.DatabasePath;
        var client = restarted.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        AssertSameContent(content, await client.ContentAsync(), "the graph after a restart");
    }

    private void Post(string url, string json) =>
        Client.PostRawAsync(url, json).GetAwaiter().GetResult().EnsureSuccessStatusCode();

    public void Dispose()
    {
        Client.Dispose();
        Factory.Dispose();
    }
}
