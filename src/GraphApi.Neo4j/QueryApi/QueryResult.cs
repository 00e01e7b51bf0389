using System.Globalization;

namespace GraphApi.Neo4j.QueryApi;

/// <summary>The decoded answer to one statement: its fields and rows, and the bookmarks of the state it saw.</summary>
public sealed record QueryResult(IReadOnlyList<string> Fields, IReadOnlyList<IReadOnlyList<object?>> Values, IReadOnlyList<string> Bookmarks)
{
    public static QueryResult Empty { get; } = new([], [], []);

    public IEnumerable<QueryRecord> Records => Values.Select(v => new QueryRecord(Fields, v));

    /// <summary>The first row, or null when there is none.</summary>
    public QueryRecord? FirstOrNull => Values.Count == 0 ? null : new QueryRecord(Fields, Values[0]);
}

/// <summary>One row, read by field name.</summary>
public readonly record struct QueryRecord(IReadOnlyList<string> Fields, IReadOnlyList<object?> Values)
{
    public object? this[string field]
    {
        get
        {
            for (var i = 0; i < Fields.Count; i++)
            {
                if (Fields[i] == field)
                {
                    return Values[i];
                }
            }
            throw new KeyNotFoundException($"the result has no field '{field}' (fields: {string.Join(", ", Fields)})");
        }
    }

    public long? GetInt64(string field) => this[field] is { } value ? Convert.ToInt64(value, CultureInfo.InvariantCulture) : null;

    public T Get<T>(string field) => this[field] is T value
        ? value
        : throw new InvalidCastException($"field '{field}' holds {this[field]?.GetType().Name ?? "null"}, not {typeof(T).Name}");
}
