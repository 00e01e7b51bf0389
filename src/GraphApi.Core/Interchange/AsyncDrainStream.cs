namespace GraphApi.Core.Interchange;

/// <summary>
/// Sits between a writer that sometimes writes synchronously and an output that must only be written asynchronously
/// (an HTTP response). Writes are buffered; the buffer goes to the output asynchronously whenever it passes a
/// threshold and on <see cref="DrainAsync"/>. Needed for ZipArchive: closing an entry finishes its deflate stream with a
/// synchronous write even on the async path (.NET 10).
/// </summary>
public sealed class AsyncDrainStream(Stream output, int threshold = 64 * 1024) : Stream
{
    private readonly MemoryStream _buffer = new();
    private long _written;

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _written; set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        _buffer.Write(buffer);
        _written += buffer.Length;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        if (_buffer.Length >= threshold)
        {
            await DrainAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Sends everything buffered to the output.</summary>
    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        if (_buffer.Length > 0)
        {
            await output.WriteAsync(_buffer.GetBuffer().AsMemory(0, (int)_buffer.Length), cancellationToken).ConfigureAwait(false);
            _buffer.SetLength(0);
        }
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => DrainAsync(cancellationToken);

    // A synchronous flush cannot reach the output; the data stays buffered until the next drain.
    public override void Flush() { }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _buffer.Dispose();
        }
        base.Dispose(disposing);
    }
}
