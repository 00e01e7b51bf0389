namespace GraphApi.Core.Analysis;

/// <summary>
/// A binary min-heap of node indices keyed by a double (then by a secondary int, then by index), with decrease-key. Dijkstra with it pushes each node once,
/// where <see cref="PriorityQueue{TElement, TPriority}"/> (no decrease-key) would push once per improvement; on
/// all-sources runs that difference dominates the cost. Ties pop in node-index order, so runs are repeatable.
/// </summary>
internal sealed class IndexedMinHeap
{
    private readonly int[] _heap;
    private readonly int[] _position;
    private readonly double[] _key;
    private readonly int[] _secondary;

    public IndexedMinHeap(int capacity)
    {
        _heap = new int[capacity];
        _position = new int[capacity];
        _key = new double[capacity];
        _secondary = new int[capacity];
        Array.Fill(_position, -1);
    }

    public int Count { get; private set; }

    /// <summary>Adds <paramref name="node"/>, or changes its keys if it is already queued (either way, up or down).</summary>
    public void Upsert(int node, double key, int secondary = 0)
    {
        var at = _position[node];
        if (at < 0)
        {
            at = Count++;
            _heap[at] = node;
            _position[node] = at;
        }
        _key[node] = key;
        _secondary[node] = secondary;
        SiftUp(at);
        SiftDown(_position[node]);
    }

    public int Pop()
    {
        var top = _heap[0];
        _position[top] = -1;
        var last = _heap[--Count];
        if (Count > 0)
        {
            _heap[0] = last;
            _position[last] = 0;
            SiftDown(0);
        }
        return top;
    }

    private bool Less(int a, int b) =>
        _key[a] < _key[b] || (_key[a] == _key[b] && (_secondary[a] < _secondary[b] || (_secondary[a] == _secondary[b] && a < b)));

    public void Clear()
    {
        for (var i = 0; i < Count; i++)
        {
            _position[_heap[i]] = -1;
        }
        Count = 0;
    }

    private void SiftUp(int at)
    {
        var node = _heap[at];
        while (at > 0)
        {
            var parent = (at - 1) / 2;
            if (!Less(node, _heap[parent]))
            {
                break;
            }
            Move(_heap[parent], at);
            at = parent;
        }
        Move(node, at);
    }

    private void SiftDown(int at)
    {
        var node = _heap[at];
        while (true)
        {
            var child = 2 * at + 1;
            if (child >= Count)
            {
                break;
            }
            if (child + 1 < Count && Less(_heap[child + 1], _heap[child]))
            {
                child++;
            }
            if (!Less(_heap[child], node))
            {
                break;
            }
            Move(_heap[child], at);
            at = child;
        }
        Move(node, at);
    }

    private void Move(int node, int at)
    {
        _heap[at] = node;
        _position[node] = at;
    }
}
