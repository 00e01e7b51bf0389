namespace GraphApi.Core.Graph;

/// <summary>
/// A buffer that only grows, shared by every snapshot of one base: a snapshot reads only the first
/// <c>count</c> items it was published with, so appending for the next snapshot never changes what an older one
/// sees. Appends come from the single writer and are published by the snapshot swap (a release write), which
/// makes them visible to readers of the new snapshot. When the array is full a bigger copy is made; older
/// snapshots keep the old array.
/// </summary>
internal sealed class AppendBuffer<T>
{
    private readonly T[] _items;

    private AppendBuffer(T[] items, int used)
    {
        _items = items;
        Used = used;
    }

    public static AppendBuffer<T> Empty { get; } = new([], 0);

    /// <summary>Items appended so far, over every snapshot that shares this buffer.</summary>
    public int Used { get; private set; }

    public ref readonly T this[int index] => ref _items[index];

    /// <summary>
    /// Appends after the first <paramref name="count"/> items (the caller's snapshot's view) and returns the buffer
    /// that holds the result. Appending where another snapshot already appended (a replayed merge) copies first.
    /// </summary>
    public AppendBuffer<T> Append(int count, T item)
    {
        if (count == Used && count < _items.Length)
        {
            _items[count] = item;
            Used = count + 1;
            return this;
        }
        var grown = new T[Math.Max(16, Math.Max(count + 1, _items.Length * 2))];
        Array.Copy(_items, grown, count);
        grown[count] = item;
        return new AppendBuffer<T>(grown, count + 1);
    }
}
