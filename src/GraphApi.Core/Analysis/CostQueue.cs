namespace GraphApi.Core.Analysis;

/// <summary>
/// A binary min-heap of (integer cost, node) entries without decrease-key: an improved node is pushed again and
/// the stale entry skipped when it surfaces. Integer keys compare in one instruction, and the entries sit in one
/// array, which makes this cheaper per operation than an indexed heap even with the extra pushes.
/// Ties pop in node order, so every run pops the same sequence.
/// </summary>
internal sealed class CostQueue(int capacity)
{
    private Entry[] _entries = new Entry[Math.Max(16, capacity)];

    public int Count { get; private set; }

    public void Push(long cost, int node)
    {
        if (Count == _entries.Length)
        {
            Array.Resize(ref _entries, 2 * _entries.Length);
        }
        var entry = new Entry(cost, node);
        var at = Count++;
        while (at > 0)
        {
            var parent = (at - 1) >> 1;
            if (!entry.Before(_entries[parent]))
            {
                break;
            }
            _entries[at] = _entries[parent];
            at = parent;
        }
        _entries[at] = entry;
    }

    public (long Cost, int Node) Pop()
    {
        var top = _entries[0];
        var last = _entries[--Count];
        var at = 0;
        while (true)
        {
            var child = 2 * at + 1;
            if (child >= Count)
            {
                break;
            }
            if (child + 1 < Count && _entries[child + 1].Before(_entries[child]))
            {
                child++;
            }
            if (!_entries[child].Before(last))
            {
                break;
            }
            _entries[at] = _entries[child];
            at = child;
        }
        if (Count > 0)
        {
            _entries[at] = last;
        }
        return (top.Cost, top.Node);
    }

    private readonly record struct Entry(long Cost, int Node)
    {
        public bool Before(Entry other) => Cost < other.Cost || (Cost == other.Cost && Node < other.Node);
    }
}
