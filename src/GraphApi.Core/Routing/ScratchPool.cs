namespace GraphApi.Core.Routing;

/// <summary>
/// A small process-wide pool of per-actor scratch objects. They are megabytes at 100k actors: allocated per request
/// they land on the large-object heap and soon cost full collections, and ASP.NET runs requests on any pool thread,
/// so a per-thread cache would miss. Keeps at most <c>capacity</c> idle objects; more are simply dropped.
/// </summary>
internal sealed class ScratchPool<T>(Func<T> create, int capacity) where T : class
{
    private readonly Stack<T> _idle = new();
    private readonly Lock _gate = new();

    public T Rent()
    {
        lock (_gate)
        {
            if (_idle.TryPop(out var item))
            {
                return item;
            }
        }
        return create();
    }

    public void Return(T item)
    {
        lock (_gate)
        {
            if (_idle.Count < capacity)
            {
                _idle.Push(item);
            }
        }
    }
}
