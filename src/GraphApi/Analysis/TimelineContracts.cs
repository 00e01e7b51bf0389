using System.Globalization;
using GraphApi.Core.Analysis;
using GraphApi.Http.Input;
using GraphApi.Core.Domain;

namespace GraphApi.Analysis;

/// <summary>The five Gould–Fernandez roles of one actor at one step, and their total (as in GET /api/analysis/brokerage).</summary>
/// <param name="Coordinator">Two-paths A→A→A it brokers.</param>
/// <param name="Itinerant">Two-paths A→B→A it brokers.</param>
/// <param name="Representative">Two-paths A→A→B it brokers.</param>
/// <param name="Gatekeeper">Two-paths A→B→B it brokers.</param>
/// <param name="Liaison">Two-paths A→B→C it brokers.</param>
/// <param name="Total">Their sum.</param>
public sealed record TimelineRoles(long Coordinator, long Itinerant, long Representative, long Gatekeeper, long Liaison, long Total);

/// <summary>One step of a series.</summary>
/// <param name="Date">The step's date (YYYY-MM-DD): the last day of its year or month.</param>
/// <param name="Value">The measure's value that day (for brokerage, the total).</param>
/// <param name="Roles">For brokerage: the roles that day.</param>
public sealed record TimelinePointView(string Date, double Value, TimelineRoles? Roles = null);

/// <summary>One actor's series.</summary>
/// <param name="Actor">The actor's id.</param>
/// <param name="Name">The actor's name.</param>
/// <param name="Points">One point per step, in date order.</param>
/// <param name="Group">For brokerage: the actor's group under the partition.</param>
public sealed record TimelineSeriesView(string Actor, string Name, IReadOnlyList<TimelinePointView> Points, string? Group = null);

/// <summary>A timeline with the parameters it was computed on.</summary>
/// <param name="Measure">What was followed.</param>
/// <param name="Step">year or month.</param>
/// <param name="Dates">The step dates (YYYY-MM-DD), ascending.</param>
/// <param name="Series">One series per actor, in the order asked for.</param>
/// <param name="Version">The graph version it was computed on.</param>
/// <param name="Partition">For brokerage: the partition.</param>
/// <param name="Directed">For brokerage: whether directed types counted as one arc.</param>
/// <param name="Sample">For betweenness from pivot sources: how many.</param>
/// <param name="Seed">For betweenness from pivot sources: the seed.</param>
public sealed record TimelinePage(
    [property: OneOf(AnalysisSets.TimelineMeasure)] string Measure, [property: OneOf(AnalysisSets.TimelineStep)] string Step, IReadOnlyList<string> Dates, IReadOnlyList<TimelineSeriesView> Series, long Version,
    string? Partition = null, bool? Directed = null, int? Sample = null, int? Seed = null);

/// <summary>The years in which ties begin or end.</summary>
/// <param name="Years">The years, ascending.</param>
/// <param name="Version">The graph version they were read from.</param>
public sealed record TimelineYears(IReadOnlyList<int> Years, long Version);

public static class TimelineViews
{
    public static TimelinePage Page(TimelineResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var query = result.Query;
        var brokerage = query.Measure == TimelineMeasure.Brokerage;
        var series = result.Series.Select(s =>
        {
            var actor = result.Snapshot.FindActor(s.Actor)!;
            return new TimelineSeriesView(s.Actor, actor.Name, [.. s.Points.Select(Point)],
                brokerage ? ActorFields.GroupOf(actor, query.Partition) : null);
        });
        return new TimelinePage(Name(query.Measure), Name(query.Step), [.. result.Dates.Select(Text)], [.. series], result.Snapshot.Version,
            brokerage ? ActorFields.Names[(int)query.Partition] : null, brokerage ? query.Directed : null,
            query.Sample, query.Sample is null ? null : query.Seed);
    }

    private static TimelinePointView Point(TimelinePoint point) =>
        new(Text(point.Date), point.Value, point.Roles is { } r
            ? new TimelineRoles(r.Coordinator, r.Itinerant, r.Representative, r.Gatekeeper, r.Liaison, r.Total)
            : null);

    public static string Text(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Name<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();
}
