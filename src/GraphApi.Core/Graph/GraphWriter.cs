using System.Threading.Channels;
using GraphApi.Core.Storage;

namespace GraphApi.Core.Graph;

/// <summary>A write as committed: what the store returned and the version of the snapshot that first shows it.</summary>
internal sealed record CommittedWrite(object? Value, long Version);

/// <summary>Work for the single writer: a write to commit, a catch-up with the store, or a finished merge to swap in.</summary>
internal abstract record WriterWork
{
    /// <summary>A write, with the snapshot form of its records worked out before it was queued.</summary>
    public sealed record Write(StoreWrite StoreWrite, PreparedWrite Prepared) : WriterWork
    {
        public TaskCompletionSource<CommittedWrite> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>Catch up with the store if another writer moved it (<see cref="Full"/>: reload everything).</summary>
    public sealed record Refresh(bool Full) : WriterWork
    {
        public TaskCompletionSource<bool> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>One attempt to reload the snapshot while it is behind the store (<see cref="GraphService.Lag"/>).</summary>
    public sealed record CatchUpAfterLag : WriterWork
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>A merged base made from <see cref="From"/> off the writer's thread.</summary>
    public sealed record Merge(GraphSnapshot From, GraphSnapshot Merged) : WriterWork;
}

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

    /// <summary>The next unit of work: up to <paramref name="maxBatch"/> consecutive writes, or one other item; null when closed.</summary>
    public async Task<(List<WriterWork.Write> Writes, WriterWork? Other)?> NextAsync(int maxBatch)
    {
        var reader = _channel.Reader;
        if (!await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            return null;
        }
        var writes = new List<WriterWork.Write>();
        while (writes.Count < maxBatch && reader.TryPeek(out var next) && next is WriterWork.Write)
        {
            reader.TryRead(out next);
            writes.Add((WriterWork.Write)next!);
        }
        if (writes.Count > 0)
        {
            return (writes, null);
        }
        reader.TryRead(out var other);
        return (writes, other);
    }
}
