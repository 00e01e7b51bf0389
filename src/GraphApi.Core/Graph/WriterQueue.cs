using System.Threading.Channels;

namespace GraphApi.Core.Graph;

/// <summary>
/// The queue in front of the single writer. Writes that arrive while a batch commits wait and go together into the
/// next one: one store transaction, one fsync and one snapshot swap for all of them (group commit).
/// </summary>
internal sealed class WriterQueue
{
    private readonly Channel<WriterWork> _channel = Channel.CreateUnbounded<WriterWork>(new UnboundedChannelOptions { SingleReader = true });

    public void Post(WriterWork work)
    {
        if (!_channel.Writer.TryWrite(work))
        {
            throw new ObjectDisposedException(nameof(GraphService), "the graph service is shutting down");
        }
    }

    /// <summary>Queues the work unless the queue is closed (the service is shutting down).</summary>
    public bool TryPost(WriterWork work) => _channel.Writer.TryWrite(work);

    public void Complete() => _channel.Writer.TryComplete();

    /// <summary>Work waiting (an unbounded channel counts its items), for the queue-depth metric.</summary>
    public int Count => _channel.Reader.Count;

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
            writes.Add(write);
        }
        if (writes.Count > 0)
        {
            return (writes, null);
        }
        reader.TryRead(out var other);
        return (writes, other);
    }
}
