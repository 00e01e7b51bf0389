using System.Numerics;

namespace GraphApi.Core.Routing;

/// <summary>
/// A monotone priority queue of nodes keyed by non-negative integers (Ahuja, Mehlhorn, Orlin and Tarjan's radix
/// heap): a key goes to the bucket of the highest bit in which it differs from the last key popped, and only when
/// the bucket of equal keys runs dry is the next non-empty bucket split. Dijkstra's keys never decrease, which is
/// all it needs; each entry moves down at most 64 buckets, and in practice one or two. There is no decrease-key:
/// an improved node is pushed again and the caller skips stale entries. Equal keys pop in no particular order, so
/// a caller must not let that order decide anything.
/// </summary>
internal sealed class RadixHeap
{
    private const int BucketCount = 65;
    private const int FirstBucketCapacity = 16;

    private readonly Entry[][] _buckets = new Entry[BucketCount][];
    private readonly int[] _sizes = new int[BucketCount];
    private long _last;

    public RadixHeap()
    {
        for (var b = 0; b < BucketCount; b++)
        {
            _buckets[b] = new Entry[FirstBucketCapacity];
        }
    }

    public int Count { get; private set; }

    /// <summary>Adds a node; <paramref name="key"/> must be at least the last key popped.</summary>
    public void Push(long key, int node)
    {
        Add(new Entry(key, node));
        Count++;
    }

    public int Pop(out long key)
    {
        if (_sizes[0] == 0)
        {
            Refill();
        }
        Count--;
        var entry = _buckets[0][--_sizes[0]];
        key = entry.Key;
        return entry.Node;
    }

    /// <summary>The entry <see cref="Pop"/> would return next, left in place; the heap must not be empty.</summary>
    public (long Key, int Node) Peek()
    {
        if (_sizes[0] == 0)
        {
            Refill();
        }
        var entry = _buckets[0][_sizes[0] - 1];
        return (entry.Key, entry.Node);
    }

    /// <summary>Empties the heap and starts its keys again from zero.</summary>
    public void Reset()
    {
        Array.Clear(_sizes);
        Count = 0;
        _last = 0;
    }

    /// <summary>Splits the lowest non-empty bucket around its least key, which becomes the last key popped.</summary>
    private void Refill()
    {
        var b = 1;
        while (_sizes[b] == 0)
        {
            b++;
        }
        var bucket = _buckets[b];
        var size = _sizes[b];
        var least = long.MaxValue;
        for (var i = 0; i < size; i++)
        {
            least = Math.Min(least, bucket[i].Key);
        }
        _last = least;
        _sizes[b] = 0;
        // Every entry now differs from the new last key in a lower bit than before, so it lands in a lower bucket.
        for (var i = 0; i < size; i++)
        {
            Add(bucket[i]);
        }
    }

    private void Add(Entry entry)
    {
        var b = entry.Key == _last ? 0 : 64 - BitOperations.LeadingZeroCount((ulong)(entry.Key ^ _last));
        var bucket = _buckets[b];
        if (_sizes[b] == bucket.Length)
        {
            Array.Resize(ref _buckets[b], bucket.Length * 2);
            bucket = _buckets[b];
        }
        bucket[_sizes[b]++] = entry;
    }

    private readonly record struct Entry(long Key, int Node);
}
