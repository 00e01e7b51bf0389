using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace GraphApi.Durability.Tests;

/// <summary>
/// The real process with <c>Logging:Console:FormatterName=graphapi-json</c>: everything it writes to its console is one
/// JSON object per line, and the lines logged while it served a request carry that request's trace id.
/// </summary>
public sealed class JsonConsoleTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "graphapi-jsonlogs", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task Console_lines_are_JSON_and_a_request_s_lines_carry_its_trace_id()
    {
        var environment = new Dictionary<string, string>
        {
            ["Logging__Console__FormatterName"] = "graphapi-json",
            // The hosting layer's "Request starting/finished" lines, logged inside each request's span.
            ["Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information",
        };
        using var app = await AppProcess.StartAsync(Path.Combine(_folder, "graph.db"), environment);
        using var client = app.CreateClient();
        var trace = ActivityTraceId.CreateRandom().ToHexString();
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/actors?limit=1");
        request.Headers.Add("traceparent", $"00-{trace}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);

        // The console logger writes from a queue of its own: wait (bounded) for this request's last line (the start-up's
        // readiness probe has lines of its own, finished ones included).
        bool Finished() => app.Output.Split('\n').Any(line => line.Contains(trace, StringComparison.Ordinal) && line.Contains("Request finished", StringComparison.Ordinal));
        for (var attempt = 0; attempt < 200 && !Finished(); attempt++)
        {
            await Task.Delay(50);
        }
        var lines = app.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var objects = lines.Select(line => JsonDocument.Parse(line).RootElement.Clone()).ToList();
        Assert.All(objects, o => Assert.Equal(JsonValueKind.Object, o.ValueKind));
        var ofRequest = objects.Where(o => o.TryGetProperty("traceId", out var id) && id.GetString() == trace).ToList();
        Assert.Contains(ofRequest, o => o.GetProperty("message").GetString()!.StartsWith("Request starting", StringComparison.Ordinal));
        Assert.Contains(ofRequest, o => o.GetProperty("message").GetString()!.StartsWith("Request finished", StringComparison.Ordinal));
    }
}
