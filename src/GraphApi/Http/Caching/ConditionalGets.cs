using System.Security.Cryptography;
using System.Text;
using GraphApi.Security;
using GraphApi.Workspaces;
using Microsoft.Net.Http.Headers;

namespace GraphApi.Http.Caching;

/// <summary>Marks a GET whose answer is fixed by the graph version and the request (a list, an analysis, an export).</summary>
public sealed class GraphVersionETagMetadata;

/// <summary>
/// Conditional GETs, for every GET operation: an answer that carries an ETag (a record's revision, set by its handler)
/// is a 304 when <c>If-None-Match</c> names it; an answer fixed by the graph version (<see cref="GraphVersionETagMetadata"/>)
/// gets an ETag made of the caller's view's version, the request's path and canonical query, the caller's role (answers differ by
/// role: contact details) and workspace, and a matching <c>If-None-Match</c> is answered 304 before any work is done. The version is
/// read before the handler runs, so a tag never names a newer graph than the answer it labels.
/// </summary>
public static class ConditionalGets
{
    /// <summary>The answers of these GETs are fixed by the graph version and the request: tag them by it.</summary>
    public static TBuilder CachedByGraphVersion<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new GraphVersionETagMetadata());

    public static EndpointFilterDelegate Factory(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        return async invocation =>
        {
            var http = invocation.HttpContext;
            if (!HttpMethods.IsGet(http.Request.Method))
            {
                return await next(invocation).ConfigureAwait(false);
            }
            string? versionTag = null;
            if (http.GetEndpoint()?.Metadata.GetMetadata<GraphVersionETagMetadata>() is not null)
            {
                // The caller's view: the public graph's own version, or their workspace's, so another workspace's writes move no tag.
                versionTag = ForVersion(http, http.RequestServices.GetRequiredService<CallerGraph>().Snapshot.Version);
                if (Matches(http.Request, versionTag))
                {
                    http.Response.Headers.ETag = versionTag;
                    return TypedResults.StatusCode(StatusCodes.Status304NotModified);
                }
            }
            var result = await next(invocation).ConfigureAwait(false);
            if (result.Unwrapped() is IStatusCodeHttpResult { StatusCode: not (null or StatusCodes.Status200OK) })
            {
                return result;
            }
            if (http.Response.Headers.ETag.Count == 0 && versionTag is not null)
            {
                http.Response.Headers.ETag = versionTag;
            }
            return http.Response.Headers.ETag.ToString() is { Length: > 0 } tag && Matches(http.Request, tag)
                ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
                : result;
        };
    }

    private static bool Matches(HttpRequest request, string tag)
    {
        var header = request.Headers.IfNoneMatch;
        if (header.Count == 0)
        {
            return false;
        }
        if (!EntityTagHeaderValue.TryParseList(header, out var given))
        {
            return false;
        }
        var ours = EntityTagHeaderValue.Parse(tag);
        // If-None-Match compares weakly (RFC 9110 13.1.2): a W/ prefix on either side does not matter.
        return given.Any(g => g.Equals(EntityTagHeaderValue.Any) || g.Compare(ours, useStrongComparison: false));
    }

    private static string ForVersion(HttpContext http, long version) => ForState(http, $"g{version}");

    /// <summary>
    /// An ETag for an answer fixed by <paramref name="state"/> (a version or revision of what it was read from, in
    /// ETag-safe characters), the request's path and canonical query and the caller's role. For GETs whose source is
    /// not the graph (the introduction ledger): the handler sets it, and a matching If-None-Match becomes a 304 here.
    /// </summary>
    public static string ForState(HttpContext http, string state)
    {
        ArgumentNullException.ThrowIfNull(http);
        var query = string.Join('&', http.Request.Query.OrderBy(q => q.Key, StringComparer.OrdinalIgnoreCase)
            .Select(q => $"{q.Key.ToUpperInvariant()}={q.Value}"));
        var role = Roles.Ordered.LastOrDefault(http.User.IsInRole) ?? "anonymous";
        // The CSV and JSON answers of one question are two representations: tagged apart.
        var representation = GraphApi.Http.Csv.CsvTables.Wanted(http) ? "#csv" : "";
        var workspace = CallerGraph.WorkspaceOf(http.User) ?? "";
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes($"{http.Request.Path}?{query}#{role}#{workspace}{representation}"));
        return $"\"{state}-{Convert.ToHexStringLower(digest.AsSpan(0, 8))}\"";
    }
}
