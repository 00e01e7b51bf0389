using System.Diagnostics;
using System.Text.Json;
using GraphApi.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace GraphApi.Api.Tests.Telemetry;

/// <summary>
/// The <c>graphapi-json</c> console formatter, as the app registers it: one JSON object per line, with the current
/// span's trace and span ids at the top level. (The whole path — a real process writing to its console — is in the
/// durability tests' JsonConsoleTests.)
/// </summary>
public sealed class JsonLogTests : IClassFixture<SeededApp>
{
    private readonly ConsoleFormatter _formatter;

    public JsonLogTests(SeededApp app)
    {
        _formatter = app.Factory.Services.GetServices<ConsoleFormatter>().Single(f => f.Name == JsonLineFormatter.FormatterName);
    }

    [Fact]
    public void A_line_in_a_span_is_one_JSON_object_with_the_trace_id_and_the_named_values()
    {
        using var source = new ActivitySource("json-log-test");
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == source.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
        };
        ActivitySource.AddActivityListener(listener);
        using var span = source.StartActivity("request")!;

        var line = Write(LogLevel.Warning, "Snapshot reloaded at store version {Version} from {Store}", 42, "graph.db");

        Assert.EndsWith(Environment.NewLine, line);
        Assert.Single(line.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        Assert.Equal(span.TraceId.ToHexString(), root.GetProperty("traceId").GetString());
        Assert.Equal(span.SpanId.ToHexString(), root.GetProperty("spanId").GetString());
        Assert.Equal("Warning", root.GetProperty("level").GetString());
        Assert.Equal("GraphApi.Tests", root.GetProperty("category").GetString());
        Assert.Equal("Snapshot reloaded at store version 42 from graph.db", root.GetProperty("message").GetString());
        Assert.Equal(42, root.GetProperty("attributes").GetProperty("Version").GetInt32());
        Assert.Equal("graph.db", root.GetProperty("attributes").GetProperty("Store").GetString());
        Assert.False(root.GetProperty("attributes").TryGetProperty("{OriginalFormat}", out _));
        Assert.True(DateTimeOffset.TryParse(root.GetProperty("timestamp").GetString(), out _));
    }

    [Fact]
    public void A_line_outside_any_span_has_no_trace_id_and_an_exception_stays_on_its_line()
    {
        var previous = Activity.Current;
        Activity.Current = null;
        try
        {
            var line = Write(LogLevel.Error, "Failed with \"quotes\" and\na newline", error: new InvalidOperationException("boom\nsecond line"));

            Assert.Single(line.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            using var json = JsonDocument.Parse(line);
            Assert.False(json.RootElement.TryGetProperty("traceId", out _));
            Assert.Equal("Failed with \"quotes\" and\na newline", json.RootElement.GetProperty("message").GetString());
            Assert.Contains("boom", json.RootElement.GetProperty("exception").GetString());
        }
        finally
        {
            Activity.Current = previous;
        }
    }

    /// <summary>Logs one line through a real logger message (its named values, its template) into the formatter.</summary>
    private string Write(LogLevel level, string template, object? first = null, object? second = null, Exception? error = null)
    {
        using var writer = new StringWriter();
        var logger = new FormattingLogger(_formatter, writer);
        object?[] values = [.. new[] { first, second }.Where(v => v is not null)];
#pragma warning disable CA2254, CA1873 // the template varies by test on purpose; the logger is always enabled
        logger.Log(level, new EventId(7, "Test"), error, template, values);
#pragma warning restore CA2254, CA1873
        return writer.ToString();
    }

    /// <summary>Hands each entry to the formatter the way the console logger does, on the calling thread.</summary>
    private sealed class FormattingLogger(ConsoleFormatter formatter, TextWriter writer) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> format) =>
            formatter.Write(new LogEntry<TState>(logLevel, "GraphApi.Tests", eventId, state, exception, format), scopeProvider: null, writer);
    }
}
