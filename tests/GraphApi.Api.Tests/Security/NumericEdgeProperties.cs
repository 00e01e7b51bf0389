using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace GraphApi.Api.Tests.Security;

/// <summary>
/// Every numeric input of the route, best-next-tie, analysis and list endpoints, fed numeric edges (zeros, ±tiny,
/// ±huge, out-of-range integers, NaN and infinities as JSON strings, long decimals, each field's own bounds and their
/// neighbours) and random numbers. Never a 5xx; a refusal is a 400 problem whose errors name the field; a value inside
/// the field's range answers 200 with well-formed JSON (which cannot hold a non-finite number).
/// </summary>
public sealed partial class NumericEdgeProperties : IClassFixture<NumericEdgeProperties.App>
{
    private readonly App _app;

    public NumericEdgeProperties(App app) => _app = app;

    /// <summary>The seeded app with a short time budget, so the few valid but very costly asks (ε = 0.001 wants millions of sampled paths) end soon.</summary>
    public sealed class App : IDisposable
    {
        public GraphApiFactory Factory { get; } = new(seed: true) { Settings = { ["Analysis:TimeBudgetSeconds"] = "2" } };

        public void Dispose() => Factory.Dispose();
    }

    /// <summary>
    /// One numeric input. <paramref name="Url"/> holds the rest of a valid request (query fields are appended; body fields are
    /// added to <paramref name="Body"/>). <paramref name="Costly"/>: inside the range the answer may be the analyses' time-budget 503.
    /// </summary>
    public sealed record NumericField(string Field, string Url, double Min, double Max, bool Whole, string? Body = null,
        bool MinExclusive = false, bool MaxExclusive = false, bool Costly = false)
    {
        public override string ToString() => $"{Field} of {(Body is null ? "GET" : "POST")} {Url}";
    }

    private const double IntMin = int.MinValue;
    private const double IntMax = int.MaxValue;

    public static readonly NumericField[] Fields =
    [
        new("k", "/api/routes/introductions", 1, 10, true, """{"from":["pole-eau"],"to":{"id":"kicox"}}"""),
        new("maxHops", "/api/routes/introductions", 1, 8, true, """{"from":["pole-eau"],"to":{"id":"kicox"}}"""),
        new("halfLifeYears", "/api/routes/introductions", 0.1, 10_000, false, """{"from":["pole-eau"],"to":{"kind":"MiniCluster","country":"KR"}}"""),
        new("maxHops", "/api/routes/best-next-tie", 1, 8, true, """{"from":"pole-eau","to":{"kind":"MiniCluster","country":"KR"}}"""),
        new("limit", "/api/routes/best-next-tie", 1, 100, true, """{"from":"pole-eau","to":{"kind":"MiniCluster","country":"KR"}}"""),
        new("limit", "/api/analysis/brokerage?", 1, 500, true),
        new("offset", "/api/analysis/brokerage?", 0, IntMax, true),
        new("sample", "/api/analysis/centrality?measures=betweenness", 1, 1_000_000, true),
        new("seed", "/api/analysis/centrality?measures=betweenness&sample=5", IntMin, IntMax, true),
        new("epsilon", "/api/analysis/centrality?measures=betweenness", 0.001, 0.5, false, Costly: true),
        new("delta", "/api/analysis/centrality?measures=betweenness&epsilon=0.2", 0, 1, false, MinExclusive: true, MaxExclusive: true),
        new("limit", "/api/analysis/centrality?measures=degree", 1, 500, true),
        new("offset", "/api/analysis/centrality?measures=degree", 0, IntMax, true),
        new("top", "/api/analysis/gateways?from=region:EU&to=region:KR", 1, 500, true),
        new("sample", "/api/analysis/gateways?from=region:EU&to=region:KR", 2, 1_000_000, true),
        new("seed", "/api/analysis/gateways?from=region:EU&to=region:KR&sample=3", IntMin, IntMax, true),
        new("resolution", "/api/analysis/communities?", 0.001, 1000, false),
        new("seed", "/api/analysis/communities?", IntMin, IntMax, true),
        new("top", "/api/analysis/communities?", 1, 500, true),
        new("sample", "/api/analysis/timeline?actors=kicox&measure=betweenness&from=2016&to=2018", 1, 1_000_000, true),
        new("seed", "/api/analysis/timeline?actors=kicox&measure=betweenness&from=2016&to=2018&sample=4", IntMin, IntMax, true),
        new("limit", "/api/overview?", 1, 25_000, true, Costly: true),
        new("depth", "/api/actors/kicox/neighbourhood?", 1, 3, true),
        new("limit", "/api/actors/kicox/neighbourhood?", 1, 2000, true),
        new("limit", "/api/actors?", 1, 500, true),
        new("offset", "/api/relationships?", 0, IntMax, true),
        new("limit", "/api/introductions?", 1, 500, true),
        new("depth", "/api/export?format=json&actor=kicox", 1, 3, true),
    ];

    private static readonly string[] Edges =
    [
        "0", "-0", "0.0", "1", "-1", "2", "1.5", "0.5", "1e-300", "-1e-300", "4.9e-324", "1e308", "-1e308", "1.7976931348623157e308",
        "1e400", "-1e400", "NaN", "Infinity", "-Infinity", "2147483647", "-2147483648", "2147483648", "-2147483649",
        "9223372036854775807", "-9223372036854775808", "99999999999999999999999", "0.1234567890123456789012345678901234567890123",
        "1e3", "1E-3", "0.001", "0.0009999999999999999", "0.1", "10000", "10000.000000000001", "1000", "500", "501", "25000",
    ];

    [Property(MaxTest = 600)]
    public Property No_number_is_a_5xx_a_refusal_names_the_field_and_a_value_in_range_answers_200() =>
        Prop.ForAll(Cases().ToArbitrary(), c => Check(c.Field, c.Value).GetAwaiter().GetResult());

    /// <summary>Every field with every listed edge, so no edge depends on the random draw.</summary>
    [Fact]
    public async Task Every_field_takes_every_edge_without_a_5xx()
    {
        foreach (var field in Fields)
        {
            foreach (var value in Edges.Concat(Bounds(field)))
            {
                await Check(field, value);
            }
        }
    }

    /// <summary>The ledger's one number, an event's step: every edge but the route's next step is a 400 naming it.</summary>
    [Fact]
    public async Task A_ledger_step_takes_every_edge_without_a_5xx()
    {
        using var ledger = new Introductions.LedgerApp();
        var id = await ledger.AskAsync(Introductions.LedgerApp.Direct, Introductions.LedgerApp.DirectTies);
        foreach (var value in Edges.Where(e => e != "1").Append("1"))
        {
            var response = await ledger.Client.PostRawAsync($"/api/introductions/{id}/events", $"{{\"type\":\"forwarded\",\"step\":{JsonLiteral(value)}}}");
            var text = await response.Content.ReadAsStringAsync();
            if (value == "1")
            {
                Assert.True(response.StatusCode == HttpStatusCode.Created, text);
            }
            else
            {
                Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Conflict, $"step {value}: {(int)response.StatusCode} {text}");
                Assert.True(response.StatusCode == HttpStatusCode.Conflict || JsonNode.Parse(text)!["errors"]!.AsObject().ContainsKey("step"), $"step {value}: {text}");
            }
        }
    }

    private static Gen<(NumericField Field, string Value)> Cases() =>
        from field in Gen.Elements(Fields)
        from value in Gen.OneOf(
            Gen.Elements(Edges),
            Gen.Elements(Bounds(field)),
            Gen.Choose(int.MinValue, int.MaxValue).Select(i => i.ToString(CultureInfo.InvariantCulture)),
            Gen.Choose(-20, 1100).Select(i => i.ToString(CultureInfo.InvariantCulture)),
            ArbMap.Default.GeneratorFor<double>().Select(d => d.ToString("R", CultureInfo.InvariantCulture)),
            ArbMap.Default.GeneratorFor<long>().Select(l => l.ToString(CultureInfo.InvariantCulture)))
        select (field, value);

    /// <summary>The field's bounds and their nearest neighbours outside and inside.</summary>
    private static string[] Bounds(NumericField f)
    {
        var step = f.Whole ? 1 : Math.Max(Math.Abs(f.Min), 1e-9) * 1e-9;
        return [.. new[] { f.Min, f.Max, f.Min - step, f.Max + (f.Whole ? 1 : f.Max * 1e-9), f.Min + step }
            .Select(v => v.ToString(f.Whole ? "0" : "R", CultureInfo.InvariantCulture))];
    }

    private async Task<bool> Check(NumericField field, string value)
    {
        var client = _app.Factory.CreateClient();
        var response = field.Body is null
            ? await client.GetAsync($"{field.Url}&{field.Field}={Uri.EscapeDataString(value)}")
            : await client.PostRawAsync(field.Url, field.Body[..^1] + $",\"{field.Field}\":{JsonLiteral(value)}}}");
        var text = await response.Content.ReadAsStringAsync();
        var what = $"{field} = {value}: {(int)response.StatusCode} {text[..Math.Min(text.Length, 400)]}";
        Assert.True((int)response.StatusCode < 500 || (field.Costly && IsBudgetRefusal(response, text)), what);
        if (InRange(field, value))
        {
            Assert.True(response.StatusCode == HttpStatusCode.OK || (field.Costly && IsBudgetRefusal(response, text)), what);
            if (response.StatusCode == HttpStatusCode.OK && !field.Url.StartsWith("/api/export", StringComparison.Ordinal))
            {
                Assert.NotNull(JsonNode.Parse(text)); // a body cut short by a serialisation failure would not parse
            }
        }
        else
        {
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, what);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var errors = JsonNode.Parse(text)!["errors"]?.AsObject();
            Assert.True(errors is not null && errors.ContainsKey(field.Field), what);
            Assert.DoesNotContain("System.", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Nullable", text, StringComparison.Ordinal);
        }
        return true;
    }

    private static bool IsBudgetRefusal(HttpResponseMessage response, string text) =>
        response.StatusCode == HttpStatusCode.ServiceUnavailable && text.Contains("time budget", StringComparison.Ordinal);

    /// <summary>A JSON number stays a number; what JSON cannot write as one (NaN, Infinity) goes as a string, the way clients send it.</summary>
    private static string JsonLiteral(string value) => JsonNumber().IsMatch(value) ? value : $"\"{value}\"";

    /// <summary>Whether the service must take it: a number (a whole one in whole-number form for whole fields) inside the range.</summary>
    private static bool InRange(NumericField field, string value)
    {
        if (field.Whole)
        {
            return long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole)
                && whole >= field.Min && whole <= field.Max;
        }
        return JsonNumber().IsMatch(value)
            && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) && double.IsFinite(real)
            && (field.MinExclusive ? real > field.Min : real >= field.Min) && (field.MaxExclusive ? real < field.Max : real <= field.Max);
    }

    [GeneratedRegex(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$")]
    private static partial Regex JsonNumber();
}
