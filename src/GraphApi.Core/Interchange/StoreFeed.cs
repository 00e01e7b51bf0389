using System.Collections.Concurrent;
using GraphApi.Core.Domain;
using GraphApi.Core.Storage;

namespace GraphApi.Core.Interchange;

/// <summary>
/// Hands rows to a bulk upsert on a thread of its own, in order, so that reading and checking the files (the caller's
/// thread) and writing them (SQLite, serialising the bodies) run on two cores instead of taking turns on one. Rows
/// travel in blocks, and only a few blocks wait at a time, which bounds the memory they take.
/// </summary>
internal sealed class StoreFeed : IAsyncDisposable
{
    private const int BlockSize = 1024;
    private const int BlocksInFlight = 8;

    private readonly BlockingCollection<object[]> _blocks = new(BlocksInFlight);
    private readonly CancellationTokenSource _failed = new();
    private readonly Task _writer;
    private object[] _block = new object[BlockSize];
    private int _count;

    public StoreFeed(IBulkUpsert upsert) =>
        _writer = Task.Factory.StartNew(() => Write(upsert), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    /// <summary>Queues a row (an <see cref="Actor"/> or a <see cref="Relationship"/>).</summary>
    /// <exception cref="StoreException">The store refused an earlier row; nothing more is written.</exception>
    public void Add(object row)
    {
        _block[_count++] = row;
        if (_count == BlockSize)
        {
            Send();
        }
    }

    /// <summary>Waits until every queued row is written; throws what the store threw, if it refused one.</summary>
    public async Task FlushAsync()
    {
        if (_count > 0)
        {
            Send();
        }
        _blocks.CompleteAdding();
        await _writer.ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_blocks.IsAddingCompleted)
        {
            _blocks.CompleteAdding();
        }
        // The upsert may be disposed (rolled back) only once its thread has stopped using it; the error, if any, has
        // already been thrown to the caller by Add or FlushAsync, or is moot because the import was rejected.
        await _writer.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _blocks.Dispose();
        _failed.Dispose();
    }

    private void Send()
    {
        var block = _count == BlockSize ? _block : _block[.._count];
        (_block, _count) = (new object[BlockSize], 0);
        try
        {
            _blocks.Add(block, _failed.Token);
        }
        catch (OperationCanceledException)
        {
            _writer.GetAwaiter().GetResult(); // rethrows the store's error
            throw;
        }
    }

    private void Write(IBulkUpsert upsert)
    {
        try
        {
            foreach (var block in _blocks.GetConsumingEnumerable())
            {
                foreach (var row in block)
                {
                    if (row is Actor actor)
                    {
                        upsert.Add(actor);
                    }
                    else
                    {
                        upsert.Add((Relationship)row);
                    }
                }
            }
        }
        catch (Exception)
        {
            // Unblocks a reader waiting for room in the queue; the exception itself goes to whoever awaits _writer.
            _failed.Cancel();
            throw;
        }
    }
}
