using Microsoft.Net.Http.Headers;

namespace GraphApi.Http.Csv;

/// <summary>
/// Marks a GET whose answer is also a table: with <c>Accept: text/csv</c> (preferred to JSON) the same answer, for the
/// same parameters (<c>asOf</c>, <c>partition</c>, paging …), comes back as CSV, one row per element of
/// <see cref="Rows"/> (e.g. <c>items</c>; <c>series.points</c> repeats each series' fields on each of its points).
/// </summary>
/// <param name="Rows">The JSON path of the rows: property names, each an array, outermost first.</param>
public sealed record CsvTableMetadata(IReadOnlyList<string> Rows);

/// <summary>
/// CSV for analysis answers, written once for every table: the endpoint filter turns the answer a handler returned
/// into <see cref="CsvTableResult"/> when the caller asks for CSV; the OpenAPI document declares the <c>text/csv</c>
/// response (<see cref="OpenApiCsvTables"/>); conditional GETs tag the two representations apart.
/// </summary>
public static class CsvTables
{
    public const string MediaType = "text/csv";

    /// <summary>This GET also answers CSV, its rows the elements of <paramref name="rows"/> (default <c>items</c>).</summary>
    public static TBuilder ProducesCsv<TBuilder>(this TBuilder builder, params string[] rows) where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.WithMetadata(new CsvTableMetadata(rows.Length == 0 ? ["items"] : rows));
        return builder.AddEndpointFilterFactory(Factory);
    }

    /// <summary>Whether this request is for an endpoint with a CSV table and prefers <c>text/csv</c> to JSON.</summary>
    public static bool Wanted(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.GetEndpoint()?.Metadata.GetMetadata<CsvTableMetadata>() is not null && PrefersCsv(http.Request);
    }

    /// <summary>
    /// text/csv named explicitly with a quality above every other acceptable media type (ties go to the one listed
    /// first); no Accept, */* or JSON first keep the JSON answer.
    /// </summary>
    public static bool PrefersCsv(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var accepted))
        {
            return false;
        }
        var best = accepted.Where(a => (a.Quality ?? 1) > 0).OrderByDescending(a => a.Quality ?? 1).FirstOrDefault();
        return best is not null && best.MediaType.Equals(MediaType, StringComparison.OrdinalIgnoreCase);
    }

    private static EndpointFilterDelegate Factory(EndpointFilterFactoryContext context, EndpointFilterDelegate next) => async invocation =>
    {
        var http = invocation.HttpContext;
        // Caches keep the two representations apart.
        http.Response.Headers.Append(HeaderNames.Vary, HeaderNames.Accept);
        var result = await next(invocation).ConfigureAwait(false);
        if (!Wanted(http) || result.Unwrapped() is not IValueHttpResult { Value: { } value } || result.Unwrapped() is IStatusCodeHttpResult { StatusCode: not (null or StatusCodes.Status200OK) })
        {
            return result;
        }
        var rows = http.GetEndpoint()!.Metadata.GetRequiredMetadata<CsvTableMetadata>().Rows;
        return new CsvTableResult(value, rows);
    };
}
