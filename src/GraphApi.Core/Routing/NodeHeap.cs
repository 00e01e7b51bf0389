namespace GraphApi.Core.Routing;

/// <summary>
/// A binary min-heap of (key, node) pairs with lazy deletion (a node may be pushed again with a smaller key; the
/// caller skips stale entries when it pops). Reused across queries, so pushing allocates nothing once warm.
/// </summary>
internal sealed class NodeHeap
{
    private (long Key, int Node)[] _items = new (long, int)[256];

    public int Count { get; private set; }

    public void Clear() => Count = 0;

    public long PeekKey() => _items[0].Key;

    public int PeekNode() => _items[0].Node;

    public void Push(long key, int node)
    {
        if (Count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }
        var i = Count++;
        while (i > 0)
        {
            var parent = (i - 1) >> 1;
            if (_items[parent].Key <= key)
            {
                break;
            }
            _items[i] = _items[parent];
            i = parent;
        }
        _items[i] = (key, node);
    }

    public (long Key, int Node) Pop()
    {
        var top = _items[0];
        var last = _items[--Count];
        var i = 0;
        while (true)
        {
            var child = (2 * i) + 1;
            if (child >= Count)
            {
                break;
            }
            if (child + 1 < Count && _items[child + 1].Key < _items[child].Key)
            {
                child++;
            }
            if (last.Key <= _items[child].Key)
            {
                break;
            }
            _items[i] = _items[child];
            i = child;
        }
        if (Count > 0)
        {
            _items[i] = last;
        }
        return top;
    }
}
