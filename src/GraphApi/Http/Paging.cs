using GraphApi.Core.Domain;
using Microsoft.AspNetCore.Http.Extensions;

namespace GraphApi.Http;

/// <summary>
/// The one paging model of every list: <c>limit</c> and <c>offset</c> in, <c>total</c> and a <c>next</c> link out (also sent
/// as <c>Link: &lt;…&gt;; rel="next"</c>). Offsets suit these lists: each is read from one immutable snapshot (or, for the
/// audit log, anchored at its newest entry), so a page boundary cannot shift under a caller walking the list.
/// </summary>
public static class Paging
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;

    public static (int Limit, int Offset) Read(int? limit, int? offset, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
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

    public static Page<T> Of<T>(IEnumerable<T> matches, int limit, int offset, HttpRequest request)
    {
        var all = matches as IReadOnlyCollection<T> ?? [.. matches];
        return new Page<T>([.. all.Skip(offset).Take(limit)], all.Count, limit, offset, Next(request, limit, offset, all.Count));
    }

    /// <summary>
    /// The next page's URL (path and query, the same question with <c>offset</c> moved on, <paramref name="extra"/> pinned),
    /// or null on the last page.
    /// </summary>
    public static string? Next(HttpRequest request, int limit, int offset, long total, params (string Name, string Value)[] extra)
    {
        ArgumentNullException.ThrowIfNull(request);
        if ((long)offset + limit >= total)
        {
            return null;
        }
        var query = new QueryBuilder(request.Query
            .Where(q => !string.Equals(q.Key, "offset", StringComparison.OrdinalIgnoreCase) && !extra.Any(e => string.Equals(e.Name, q.Key, StringComparison.OrdinalIgnoreCase)))
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string>(q.Key, v ?? ""))));
        foreach (var (name, value) in extra)
        {
            query.Add(name, value);
        }
        query.Add("offset", (offset + limit).ToString(System.Globalization.CultureInfo.InvariantCulture));
        return $"{request.PathBase}{request.Path}{query.ToQueryString()}";
    }
}

/// <summary>A page of a list: its <see cref="Next"/> link is also sent as a <c>Link</c> header.</summary>
public interface IPaged
{
    string? Next { get; }
}

/// <summary>One page of a list: <c>total</c> counts every match, <c>items</c> holds at most <c>limit</c> of them, <c>next</c> links the next page.</summary>
/// <param name="Items">This page's items, at most `limit` of them, in the list's order.</param>
/// <param name="Total">How many items the whole list has.</param>
/// <param name="Limit">The page size asked for.</param>
/// <param name="Offset">How many items of the list come before this page.</param>
/// <param name="Next">The next page's URL (the same question with `offset` moved on), also sent as a `Link` header; absent on the last page.</param>
public sealed record Page<T>(IReadOnlyList<T> Items, int Total, int Limit, int Offset, string? Next) : IPaged;

/// <summary>Sends a paged answer's next link as <c>Link: &lt;…&gt;; rel="next"</c> (RFC 8288), for clients that follow headers.</summary>
public static class PageLinks
{
    public static EndpointFilterDelegate Factory(EndpointFilterFactoryContext context, EndpointFilterDelegate next) => async invocation =>
    {
        var result = await next(invocation).ConfigureAwait(false);
        if (result.Unwrapped() is IValueHttpResult { Value: IPaged { Next: { } link } })
        {
            invocation.HttpContext.Response.Headers.Link = $"<{link}>; rel=\"next\"";
        }
        return result;
    };
}
