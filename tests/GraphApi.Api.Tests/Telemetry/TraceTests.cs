using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using GraphApi.Core.Telemetry;
using GraphApi.Telemetry;
using OpenTelemetry.Trace;

namespace GraphApi.Api.Tests.Telemetry;

/// <summary>
/// The spans of one request, exported through the app's own OpenTelemetry pipeline to an in-memory exporter. Each
/// request carries a W3C <c>traceparent</c> of the test's, so only its own trace is looked at (other tests' apps
/// share the process, and OpenTelemetry listens process-wide).
/// </summary>
public sealed class TraceTests : IDisposable
{
    private readonly ExportedSpans _exported = [];
    private readonly GraphApiFactory _factory = new(seed: true);

    public TraceTests()
    {
        // Traces are recorded when an exporter reads them: here the test's own.
        _factory.Settings["Telemetry:Traces"] = "true";
    }

    public void Dispose() => _factory.Dispose();

    private HttpClient Client()
    {
        var app = _factory.WithWebHostBuilder(web => web.ConfigureServices(services =>
            services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(_exported))));
        return app.CreateClient();
    }

    [Fact]
    public async Task A_route_request_has_the_request_span_and_the_route_search_inside_it()
    {
        var client = Client();
        var trace = ActivityTraceId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/routes/introductions")
        {
            Content = JsonContent.Create(new { from = new[] { "pole-eau" }, to = new { id = "kicox" }, k = 2 }),
        };
        request.Headers.Add("traceparent", $"00-{trace.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);

        var spans = await SpansOf(trace, expected: 2);
        var server = Assert.Single(spans, s => s.Kind == ActivityKind.Server);
        Assert.Equal("POST /api/routes/introductions", server.DisplayName);
        var search = Assert.Single(spans, s => s.OperationName == RouteSpans.Name);
        Assert.Equal(server.SpanId, search.ParentSpanId);
        Assert.Equal("introductions", search.GetTagItem("graphapi.route.search"));
    }

    [Fact]
    public async Task A_write_request_shows_its_batch_with_the_store_commit_and_the_snapshot_publish()
    {
        var client = Client();
        var trace = ActivityTraceId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/relationships")
        {
            Content = JsonContent.Create(new { id = "traced-tie", source = "pole-eau", target = "kicox", type = "MET_AT" }),
        };
        request.Headers.Add("traceparent", $"00-{trace.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(request)).StatusCode);

        var spans = await SpansOf(trace, expected: 4);
        var server = Assert.Single(spans, s => s.Kind == ActivityKind.Server);
        var batch = Assert.Single(spans, s => s.OperationName == GraphTelemetry.WriteBatchSpan);
        Assert.Equal(server.SpanId, batch.ParentSpanId);
        Assert.Contains(batch.Links, link => link.Context.SpanId == server.SpanId);
        var commit = Assert.Single(spans, s => s.OperationName == GraphTelemetry.StoreCommitSpan);
        var publish = Assert.Single(spans, s => s.OperationName == GraphTelemetry.SnapshotPublishSpan);
        Assert.Equal(batch.SpanId, commit.ParentSpanId);
        Assert.Equal(batch.SpanId, publish.ParentSpanId);
        Assert.Equal("writes", publish.GetTagItem(GraphTelemetry.PublishSourceTag));
        Assert.Equal(1, commit.GetTagItem(GraphTelemetry.WriteCountTag));
    }

    [Fact]
    public async Task An_analysis_span_says_whether_the_cache_answered()
    {
        var client = Client();
        var traces = new[] { ActivityTraceId.CreateRandom(), ActivityTraceId.CreateRandom() };
        foreach (var trace in traces)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/analysis/brokerage");
            request.Headers.Add("traceparent", $"00-{trace.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);
        }

        var first = Assert.Single(await SpansOf(traces[0], expected: 2), s => s.OperationName == GraphTelemetry.AnalysisSpan);
        var second = Assert.Single(await SpansOf(traces[1], expected: 2), s => s.OperationName == GraphTelemetry.AnalysisSpan);
        Assert.Equal("brokerage", first.GetTagItem(GraphTelemetry.AnalysisNameTag));
        Assert.Equal(false, first.GetTagItem(GraphTelemetry.CacheHitTag));
        Assert.Equal(true, second.GetTagItem(GraphTelemetry.CacheHitTag));
    }

    /// <summary>
    /// The finished spans of <paramref name="trace"/>, once at least <paramref name="expected"/> have been exported: the
    /// server span ends just after the response is handed over, so it may arrive a moment after the client's answer.
    /// </summary>
    private async Task<List<Activity>> SpansOf(ActivityTraceId trace, int expected)
    {
        for (var attempt = 0; ; attempt++)
        {
            var spans = _exported.Of(trace);
            if (spans.Count >= expected || attempt == 200)
            {
                return spans;
            }
            await Task.Delay(50);
        }
    }
}

/// <summary>The exporter adds from the exporting thread while the test reads: every access under one lock.</summary>
internal sealed class ExportedSpans : System.Collections.ObjectModel.Collection<Activity>
{
    private readonly Lock _gate = new();

    public List<Activity> Of(ActivityTraceId trace)
    {
        lock (_gate)
        {
            return [.. Items.Where(s => s.TraceId == trace)];
        }
    }

    protected override void InsertItem(int index, Activity item)
    {
        lock (_gate)
        {
            base.InsertItem(index, item);
        }
    }
}
