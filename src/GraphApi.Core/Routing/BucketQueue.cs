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
    private const int RingBits = 10;
    private const int RingSize = 1 << RingBits;
    private const int FirstBucketCapacity = 8;

    private readonly Entry[][] _buckets = new Entry[RingSize][];
    private readonly int[] _sizes = new int[RingSize];
    // One bit per ring bucket that holds entries, so the next non-empty bucket is found a word at a time.
    private readonly ulong[] _occupied = new ulong[RingSize / 64];
    private Entry[] _heap = new Entry[FirstBucketCapacity];
    private int _heapSize;
    private int _shift;
    // The bucket number (key >> shift) whose entries are in the heap; every key still queued is in it or later.
    private long _current;

    public BucketQueue()
    {
        for (var b = 0; b < RingSize; b++)
        {
            _buckets[b] = new Entry[FirstBucketCapacity];
        }
    }

    public int Count { get; private set; }

    /// <summary>
    /// Empties the queue and starts its keys again from zero, with buckets just wide enough that a step of
    /// <paramref name="maxStep"/> above the last key popped spans under half the ring, so every queued key lies
    /// within one turn of it.
    /// </summary>
    public void Reset(long maxStep)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxStep);
        _shift = Math.Max(0, 64 - BitOperations.LeadingZeroCount((ulong)maxStep) - (RingBits - 1));
        Array.Clear(_sizes);
        Array.Clear(_occupied);
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
            HeapPush(new Entry(key, node));
        }
        else
        {
            Append((int)(bucket & (RingSize - 1)), new Entry(key, node));
        }
        Count++;
    }

    public int Pop(out long key)
    {
        if (_heapSize == 0)
        {
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
        return top.Node;
    }

    /// <summary>Moves the next non-empty bucket on the ring into the heap (the queue must not be empty).</summary>
    private void Advance()
    {
        var slot = NextOccupied((int)((_current + 1) & (RingSize - 1)));
        // Every queued key lies less than one turn of the ring ahead of the current bucket, so the ring distance is the step.
        _current += (slot - (int)(_current & (RingSize - 1))) & (RingSize - 1);
        var entries = _buckets[slot];
        var size = _sizes[slot];
        _sizes[slot] = 0;
        _occupied[slot >> 6] &= ~(1UL << slot);
        for (var i = 0; i < size; i++)
        {
            HeapPush(entries[i]);
        }
    }

    /// <summary>The first occupied ring slot at or after <paramref name="from"/>, wrapping around.</summary>
    private int NextOccupied(int from)
    {
        var word = from >> 6;
        var bits = _occupied[word] & (ulong.MaxValue << from);
        for (var step = 0; bits == 0; step++)
        {
            word = (word + 1) & (_occupied.Length - 1);
            bits = _occupied[word];
            if (step > _occupied.Length)
            {
                throw new InvalidOperationException("The queue is empty.");
            }
        }
        return (word << 6) | BitOperations.TrailingZeroCount(bits);
    }

    private void Append(int slot, Entry entry)
    {
        var bucket = _buckets[slot];
        var size = _sizes[slot];
        if (size == bucket.Length)
        {
            Array.Resize(ref _buckets[slot], size * 2);
            bucket = _buckets[slot];
        }
        bucket[size] = entry;
        _sizes[slot] = size + 1;
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

    private readonly record struct Entry(long Key, int Node);
}
