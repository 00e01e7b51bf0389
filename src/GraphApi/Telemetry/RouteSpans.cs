using GraphApi.Core.Telemetry;

namespace GraphApi.Telemetry;

/// <summary>
/// A span around a route search, under the request's span: it separates the search from reading the request and
/// writing the answer. Null (and free) when nobody traces.
/// </summary>
public static class RouteSpans
{
    public const string Name = "graphapi.route.search";

    /// <summary>Runs <paramref name="search"/> in a span named <see cref="Name"/>; a failure marks the span failed and goes on.</summary>
    /// <param name="kind"><c>introductions</c>, <c>shortest</c> or <c>best_next_tie</c>.</param>
    public static T Traced<T>(string kind, Func<T> search)
    {
        ArgumentNullException.ThrowIfNull(search);
        using var span = GraphTelemetry.Source.StartActivity(Name);
        span?.SetTag("graphapi.route.search", kind);
        try
        {
            return search();
        }
        catch (Exception ex)
        {
            GraphTelemetry.Failed(span, ex);
            throw;
        }
    }
}
