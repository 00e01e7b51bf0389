using System.Numerics;

namespace GraphApi.Core.Routing;

/// <summary>
/// A monotone priority queue of nodes keyed by non-negative integers, for Dijkstra when the largest step between a
/// popped key and a pushed one is known (the graph's largest arc cost): keys fall into buckets of width 2^shift on a
/// ring wide enough to hold every key still to come, and only the bucket being popped is kept in order, as a small
/// binary heap. Each entry is written once into its bucket and moved once into the heap, where the radix heap moved
/// it down several buckets one split at a time. Keys pop in ascending order; equal keys in no particular order (but
/// the same order every run), so a caller must not let that order decide anything.
/// </summary>
internal sealed class BucketQueue
{
    private const int RingBits = 16;
    private const int RingSize = 1 << RingBits;

    // Each ring slot is a singly linked list through one pool of entries, written in push order: a push is one
    // sequential write wherever its bucket is, and the ring itself is just an int per slot.
    private readonly int[] _head = new int[RingSize];
    // One bit per ring slot that holds entries, so the next non-empty bucket is found a word at a time.
    private readonly ulong[] _occupied = new ulong[RingSize / 64];
    private Entry[] _pool = new Entry[64];
    private int _pooled;
    private Entry[] _heap = new Entry[16];
    private int _heapSize;
    private int _shift;
    // The bucket number (key >> shift) whose entries are in the heap; every key still queued is in it or later.
    private long _current;
    // When set, each node's current key: an entry whose key is no longer it is stale (see Reset).
    private long[]? _liveKeys;

    public BucketQueue() => Array.Fill(_head, -1);

    public int Count { get; private set; }

    /// <summary>
    /// Empties the queue and starts its keys again from zero, with buckets just wide enough that a step of
    /// <paramref name="maxStep"/> above the last key popped spans under half the ring, so every queued key lies
    /// within one turn of it. With <paramref name="liveKeys"/> (Dijkstra's tentative costs, which a push only ever
    /// lowers), an entry whose key is no longer its node's is dropped when its bucket is opened instead of going
    /// through the heap: most pushes in a Dijkstra are later superseded, and this is where they cost the most.
    /// </summary>
    public void Reset(long maxStep, long[]? liveKeys = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxStep);
        _liveKeys = liveKeys;
        _shift = Math.Max(0, 64 - BitOperations.LeadingZeroCount((ulong)maxStep) - (RingBits - 1));
        for (var word = 0; word < _occupied.Length; word++)
        {
            for (var bits = _occupied[word]; bits != 0; bits &= bits - 1)
            {
                _head[(word << 6) | BitOperations.TrailingZeroCount(bits)] = -1;
            }
            _occupied[word] = 0;
        }
        _pooled = 0;
        _heapSize = 0;
        _current = 0;
        Count = 0;
    }

    /// <summary>Adds a node; <paramref name="key"/> must be at least the last key popped and at most that plus the step given to <see cref="Reset"/>.</summary>
    public void Push(long key, int node)
    {
        var bucket = key >> _shift;
        if (bucket == _current)
        {
            HeapPush(new Entry(key, node, -1));
        }
        else
        {
            Append((int)(bucket & (RingSize - 1)), key, node);
        }
        Count++;
    }

    public int Pop(out long key) =>
        TryPop(out var node, out key) ? node : throw new InvalidOperationException("The queue is empty.");

    /// <summary>The entry with the least key, if any is left (dropped stale entries do not count).</summary>
    public bool TryPop(out int node, out long key)
    {
        while (_heapSize == 0)
        {
            if (Count == 0)
            {
                (node, key) = (-1, 0);
                return false;
            }
            Advance();
        }
        Count--;
        var top = _heap[0];
        var last = _heap[--_heapSize];
        if (_heapSize > 0)
        {
            SiftDown(last);
        }
        key = top.Key;
        node = top.Node;
        return true;
    }

    /// <summary>Moves the next non-empty bucket on the ring into the heap (the queue must not be empty).</summary>
    private void Advance()
    {
        var slot = NextOccupied((int)((_current + 1) & (RingSize - 1)));
        // Every queued key lies less than one turn of the ring ahead of the current bucket, so the ring distance is the step.
        _current += (slot - (int)(_current & (RingSize - 1))) & (RingSize - 1);
        _occupied[slot >> 6] &= ~(1UL << slot);
        for (var entry = _head[slot]; entry >= 0; entry = _pool[entry].Next)
        {
            var queued = _pool[entry];
            if (_liveKeys is null || _liveKeys[queued.Node] == queued.Key)
            {
                HeapPush(queued);
            }
            else
            {
                Count--;
            }
        }
        _head[slot] = -1;
    }

    /// <summary>The first occupied ring slot at or after <paramref name="from"/>, wrapping around.</summary>
    private int NextOccupied(int from)
    {
        var word = from >> 6;
        var bits = _occupied[word] & (ulong.MaxValue << from);
        for (var step = 0; bits == 0; step++)
        {
            if (step > _occupied.Length)
            {
                throw new InvalidOperationException("The queue is empty.");
            }
            word = (word + 1) & (_occupied.Length - 1);
            bits = _occupied[word];
        }
        return (word << 6) | BitOperations.TrailingZeroCount(bits);
    }

    private void Append(int slot, long key, int node)
    {
        if (_pooled == _pool.Length)
        {
            Array.Resize(ref _pool, _pooled * 2);
        }
        _pool[_pooled] = new Entry(key, node, _head[slot]);
        _head[slot] = _pooled++;
        _occupied[slot >> 6] |= 1UL << slot;
    }

    private void HeapPush(Entry entry)
    {
        if (_heapSize == _heap.Length)
        {
            Array.Resize(ref _heap, _heapSize * 2);
        }
        var i = _heapSize++;
        while (i > 0)
        {
            var parent = (i - 1) >> 1;
            if (_heap[parent].Key <= entry.Key)
            {
                break;
            }
            _heap[i] = _heap[parent];
            i = parent;
        }
        _heap[i] = entry;
    }

    /// <summary>Puts <paramref name="entry"/> (the heap's old last entry) where the popped root was, and sifts it down.</summary>
    private void SiftDown(Entry entry)
    {
        var i = 0;
        while (true)
        {
            var child = (2 * i) + 1;
            if (child >= _heapSize)
            {
                break;
            }
            if (child + 1 < _heapSize && _heap[child + 1].Key < _heap[child].Key)
            {
                child++;
            }
            if (entry.Key <= _heap[child].Key)
            {
                break;
            }
            _heap[i] = _heap[child];
            i = child;
        }
        _heap[i] = entry;
    }

    // Next: the pool index of the next entry in the same bucket, −1 at the end (unused in the heap).
    private readonly record struct Entry(long Key, int Node, int Next);
}
