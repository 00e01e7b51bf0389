using System.Collections.Concurrent;
using System.Net;
using System.Text;
using GraphApi.Core.Graph;
using GraphApi.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GraphApi.Api.Tests.Interchange;

/// <summary>
/// A client that gives up half-way through an export or an import: the server stops its work without an error
/// logged (no 500, no unhandled exception), writes nothing of the import, and goes on serving.
/// </summary>
public sealed class CancelledTransferTests : IDisposable
{
    private readonly GraphApiFactory _factory = new(seed: false);
    private readonly RecordingLoggerProvider _logs = new();
    private readonly WebApplicationFactory<Program> _app;

    public CancelledTransferTests() =>
        _app = _factory.WithWebHostBuilder(b => b.ConfigureLogging(logging => logging.AddProvider(_logs)));

    public void Dispose()
    {
        _app.Dispose();
        _factory.Dispose();
    }

    [Fact]
    public async Task An_export_the_client_abandons_stops_quietly()
    {
        var client = _app.CreateClient();
        var (actors, relationships) = await SyntheticNetwork.Generate(new SyntheticNetworkOptions { Actors = 5_000, RelationshipsPerActor = 3, Seed = 11 }).ToCsvAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.ImportCsvAsync(actors, relationships)).StatusCode);

        foreach (var format in new[] { "graphml", "gexf", "json", "csv" })
        {
            using var response = await client.GetAsync($"/api/export?format={format}", HttpCompletionOption.ResponseHeadersRead);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            await using var body = await response.Content.ReadAsStreamAsync();
            Assert.True(await body.ReadAsync(new byte[1024]) > 0);
        } // disposing the unread response aborts the request

        await AssertStillServingAsync(client);
    }

    [Fact]
    public async Task An_import_whose_upload_breaks_off_writes_nothing()
    {
        var client = _app.CreateClient();
        var graph = _app.Services.GetRequiredService<GraphService>();
        var version = graph.Snapshot.Version;
        var (actors, _) = await SyntheticNetwork.Generate(new SyntheticNetworkOptions { Actors = 20_000, RelationshipsPerActor = 0, Seed = 3 }).ToCsvAsync();
        using var cancel = new CancellationTokenSource();
        var content = new BreakingContent(Encoding.UTF8.GetBytes(actors), breakAfter: actors.Length / 2, cancel);
        using var form = new MultipartFormDataContent { { content, "actors", "actors.csv" } };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.PostAsync("/api/import", form, cancel.Token));

        await AssertStillServingAsync(client);
        Assert.Equal(version, graph.Snapshot.Version);
        Assert.Equal(0, graph.Snapshot.ActorCount);
    }

    private async Task AssertStillServingAsync(HttpClient client)
    {
        // The abandoned request's own pipeline finishes on the server's side after the client has gone.
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/actors?limit=1")).StatusCode);
        Assert.Empty(_logs.Errors);
    }

    /// <summary>Sends the first <paramref name="breakAfter"/> bytes, then cancels the request as a client that gives up.</summary>
    private sealed class BreakingContent(byte[] bytes, int breakAfter, CancellationTokenSource cancel) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(bytes.AsMemory(0, breakAfter));
            await stream.FlushAsync();
            await cancel.CancelAsync();
            await stream.WriteAsync(bytes.AsMemory(breakAfter), cancel.Token);
        }

        protected override bool TryComputeLength(out long length)
        {
            length = bytes.Length;
            return true;
        }
    }

    /// <summary>Keeps every log entry at Error or above, so a test can tell a quiet cancellation from a failure.</summary>
    private sealed class RecordingLoggerProvider : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> _errors = new();

        public IReadOnlyCollection<string> Errors => _errors;

        public ILogger CreateLogger(string categoryName) => new Recorder(categoryName, _errors);

        public void Dispose()
        {
        }

        private sealed class Recorder(string category, ConcurrentQueue<string> errors) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel))
                {
                    errors.Enqueue($"{category}: {formatter(state, exception)} {exception}");
                }
            }
        }
    }
}
