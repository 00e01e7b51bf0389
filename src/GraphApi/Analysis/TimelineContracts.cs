using System.Globalization;
using GraphApi.Core.Analysis;
using GraphApi.Core.Domain;

namespace GraphApi.Analysis;

/// <summary>The five Gould–Fernandez roles of one actor at one step, and their total.</summary>
public sealed record TimelineRoles(long Coordinator, long Itinerant, long Representative, long Gatekeeper, long Liaison, long Total);

/// <summary>One step: its date (the last day of the year or month), the measure's value, and for brokerage the roles.</summary>
public sealed record TimelinePointView(string Date, double Value, TimelineRoles? Roles = null);

/// <summary>One actor's series; <c>group</c> is its group under the partition (brokerage only).</summary>
public sealed record TimelineSeriesView(string Actor, string Name, IReadOnlyList<TimelinePointView> Points, string? Group = null);

/// <summary>
/// A timeline with the parameters it was computed on: <c>partition</c> and <c>directed</c> for brokerage, <c>sample</c>
/// and <c>seed</c> for betweenness estimated from pivot sources.
/// </summary>
public sealed record TimelinePage(
    string Measure, string Step, IReadOnlyList<string> Dates, IReadOnlyList<TimelineSeriesView> Series, long Version,
    string? Partition = null, bool? Directed = null, int? Sample = null, int? Seed = null);

/// <summary>The years in which ties begin or end, ascending, and the graph version they were read from.</summary>
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
