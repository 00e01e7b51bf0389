using Microsoft.AspNetCore.Http.Features;

namespace GraphApi.Interchange;

/// <summary>
/// Caps a request body at a per-endpoint size. Kestrel's own limit (30 MB by default) is raised or lowered to it, and
/// the body is also wrapped so the cap holds on servers that ignore that feature (the test server) and for chunked
/// bodies, which announce no Content-Length. Exceeding it throws a 413 <see cref="BadHttpRequestException"/>.
/// </summary>
public static class RequestBodyLimit
{
    public static void Apply(HttpRequest request, long maxBytes)
    {
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = maxBytes;
        }
        request.Body = new LimitedStream(request.Body, maxBytes);
    }

    public static BadHttpRequestException TooLarge(long maxBytes) =>
        new($"The request body is larger than {maxBytes} bytes, the most an import may send (Import:MaxBytes).", StatusCodes.Status413PayloadTooLarge);

    private sealed class LimitedStream(Stream inner, long maxBytes) : Stream
    {
        private long _read;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        private int Count(int read)
        {
            _read += read;
            return _read > maxBytes ? throw TooLarge(maxBytes) : read;
        }

        // A read-only stream has nothing to flush.
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
