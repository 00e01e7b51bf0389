using System.ComponentModel;
using System.Globalization;
using GraphApi.Core.Domain;

namespace GraphApi.Http;

/// <summary>
/// The <c>asOf</c> date every analysis, route and neighbourhood takes (bound with <c>[AsParameters]</c>, or read from a
/// body with <see cref="Parse"/>): a full date, YYYY-MM-DD. The question is then answered on the graph of the ties in
/// force that day (GraphSnapshot.InForceOn); without it, on the whole graph.
/// </summary>
public sealed record AsOfQuery([property: Description(AsOfQuery.Description)] string? AsOf)
{
    public const string Description =
        "Answer on the graph of the ties in force on this day (YYYY-MM-DD): begun on or before it and not ended before it, each date " +
        "judged at its own precision (since 2015 = from 2015-01-01, until 2015 = to 2015-12-31); ties without dates always count. " +
        "Left out: the whole graph.";

    /// <summary>The day asked for, or null for the whole graph; a malformed date is an error on <c>asOf</c>.</summary>
    public DateOnly? Day(ValidationErrors errors) => Parse(AsOf, errors);

    public static DateOnly? Parse(string? asOf, ValidationErrors errors, string field = "asOf")
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
        errors.Add(field, $"'{(asOf.Length <= 40 ? asOf : asOf[..40] + "…")}' is not a date of the form YYYY-MM-DD");
        return null;
    }

    /// <summary>The date as the answers echo it, or null for the whole graph.</summary>
    public static string? Echo(DateOnly? asOf) => asOf?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Today, from the injected clock (tests pin it), as every "age" and default date is measured.</summary>
    public static DateOnly Today(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
    }
}
