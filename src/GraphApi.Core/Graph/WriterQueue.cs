using System.Threading.Channels;

namespace GraphApi.Core.Graph;

/// <summary>
/// The queue in front of the single writer. Writes that arrive while a batch commits wait and go together into the
/// next one: one store transaction, one fsync and one snapshot swap for all of them (group commit).
/// </summary>
internal sealed class WriterQueue
{
    private readonly Channel<WriterWork> _channel = Channel.CreateUnbounded<WriterWork>(new UnboundedChannelOptions { SingleReader = true });

    // The single-reader channel cannot count its items, so the queue counts them for the queue-depth metric.
    private int _count;

    public void Post(WriterWork work)
    {
        if (!TryPost(work))
        {
            throw new ObjectDisposedException(nameof(GraphService), "the graph service is shutting down");
        }
    }

    /// <summary>Queues the work unless the queue is closed (the service is shutting down).</summary>
    public bool TryPost(WriterWork work)
    {
        // Counted before it is written, so the reader never takes the count below zero.
        Interlocked.Increment(ref _count);
        if (_channel.Writer.TryWrite(work))
        {
            return true;
        }
        Interlocked.Decrement(ref _count);
        return false;
    }

    public void Complete() => _channel.Writer.TryComplete();

    /// <summary>Work waiting, for the queue-depth metric.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>The next unit of work: up to <paramref name="maxBatch"/> consecutive writes, or one other item; null when closed.</summary>
    public async Task<(List<PendingWrite> Writes, WriterWork? Other)?> NextAsync(int maxBatch)
    {
        var reader = _channel.Reader;
        if (!await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            return null;
        }
        var writes = new List<PendingWrite>();
        while (writes.Count < maxBatch && reader.TryPeek(out var next) && next is PendingWrite write)
        {
            reader.TryRead(out _);
            Interlocked.Decrement(ref _count);
            writes.Add(write);
        }
        if (writes.Count > 0)
        {
            return (writes, null);
        }
        if (reader.TryRead(out var other))
        {
            Interlocked.Decrement(ref _count);
        }
        return (writes, other);
    }
}
