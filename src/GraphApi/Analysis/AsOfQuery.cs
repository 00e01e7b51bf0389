using System.Globalization;
using GraphApi.Core.Domain;

namespace GraphApi.Analysis;

/// <summary>
/// Reads the <c>asOf</c> query value every analysis takes: a full date (YYYY-MM-DD). The analysis then runs on the
/// graph of the ties in force that day (GraphSnapshot.InForceOn); absent, on the whole graph.
/// </summary>
public static class AsOfQuery
{
    public const string Description =
        " `asOf` (YYYY-MM-DD) runs the analysis on the graph of the ties in force that day: begun on or before it and not ended " +
        "before it, each date judged at its own precision (since 2015 = from 2015-01-01, until 2015 = to 2015-12-31); ties without " +
        "dates always count, and every actor stays (one without ties in force is an isolate). The same rule as the routes' asOf.";

    public static DateOnly? Read(string? asOf, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (asOf is null)
        {
            return null;
        }
        if (DateOnly.TryParseExact(asOf, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }
        errors.Add("asOf", $"'{asOf}' is not a date of the form YYYY-MM-DD");
        return null;
    }

    /// <summary>The date as the answers echo it, or null for the whole graph.</summary>
    public static string? Echo(DateOnly? asOf) => asOf?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
