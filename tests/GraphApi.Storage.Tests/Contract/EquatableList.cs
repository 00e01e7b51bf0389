using System.Collections;

namespace GraphApi.Storage.Tests.Contract;

/// <summary>A list that equals another with the same items in the same order, so records holding it compare by content.</summary>
internal sealed class EquatableList<T>(IEnumerable<T> items) : IReadOnlyList<T>, IEquatable<EquatableList<T>>
{
    private readonly List<T> _items = [.. items];

    public T this[int index] => _items[index];

    public int Count => _items.Count;

    public bool Equals(EquatableList<T>? other) => other is not null && _items.SequenceEqual(other._items);

    public override bool Equals(object? obj) => obj is EquatableList<T> other && Equals(other);

    public override int GetHashCode() => _items.Aggregate(0, (hash, item) => HashCode.Combine(hash, item));

    public IEnumerator<T> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => $"[{string.Join(", ", _items)}]";
}
