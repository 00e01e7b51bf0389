using System.IO.Pipelines;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace GraphApi.Core.Interchange;

/// <summary>
/// A <see cref="Utf8JsonWriter"/> over a pipe, so that nothing is ever written to the output synchronously (ASP.NET
/// Core forbids that, and JsonSerializer flushes its writer when it finishes a value), while buffered JSON is handed
/// to the output every few kilobytes: large graphs are streamed, not held.
/// </summary>
public sealed class JsonOutput : IAsyncDisposable
{
    private const int FlushThreshold = 32 * 1024;

    private readonly PipeWriter _pipe;
    private long _flushedAt;

    public JsonOutput(Stream output)
    {
        _pipe = PipeWriter.Create(output, new StreamPipeWriterOptions(leaveOpen: true));
        // A download is not embedded in HTML, so Hangul and accents are written as UTF-8 rather than \u escapes.
        Json = new Utf8JsonWriter(_pipe, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    public Utf8JsonWriter Json { get; }

    public ValueTask FlushIfFullAsync(CancellationToken cancellationToken) =>
        Json.BytesCommitted + Json.BytesPending - _flushedAt > FlushThreshold ? FlushAsync(cancellationToken) : ValueTask.CompletedTask;

    public async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        Json.Flush();
        await _pipe.FlushAsync(cancellationToken).ConfigureAwait(false);
        _flushedAt = Json.BytesCommitted;
    }

    public async ValueTask DisposeAsync()
    {
        await FlushAsync(CancellationToken.None).ConfigureAwait(false);
        await Json.DisposeAsync().ConfigureAwait(false);
        await _pipe.CompleteAsync().ConfigureAwait(false);
    }
}
