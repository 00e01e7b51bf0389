namespace GraphApi.Core.Storage;

/// <summary>One string instance per distinct value, for values that repeat across a loaded graph.</summary>
public sealed class StringPool
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public string Get(string value)
    {
        if (_values.TryGetValue(value, out var pooled))
        {
            return pooled;
        }
        _values[value] = value;
        return value;
    }

    public string? GetOrNull(string? value) => value is null ? null : Get(value);
}
