using GraphApi.Core.Domain;

namespace GraphApi.Http;

/// <summary>Checks <c>limit</c> / <c>offset</c> query values; lists are capped so no call can ask for everything at once.</summary>
public static class Paging
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;

    public static (int Limit, int Offset) Read(int? limit, int? offset, ValidationErrors errors)
    {
        if (limit is < 1 or > MaxLimit)
        {
            errors.Add("limit", $"must be between 1 and {MaxLimit}");
        }
        if (offset is < 0)
        {
            errors.Add("offset", "must not be negative");
        }
        return (limit ?? DefaultLimit, offset ?? 0);
    }

    public static Page<T> Of<T>(IEnumerable<T> matches, int limit, int offset)
    {
        var all = matches as IReadOnlyCollection<T> ?? [.. matches];
        return new Page<T>([.. all.Skip(offset).Take(limit)], all.Count, limit, offset);
    }
}
