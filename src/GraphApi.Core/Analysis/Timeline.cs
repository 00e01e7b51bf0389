using GraphApi.Core.Domain;
using GraphApi.Core.Graph;

namespace GraphApi.Core.Analysis;

public enum TimelineMeasure
{
    Brokerage,
    Betweenness,
    Degree,
}

public enum TimelineStep
{
    Year,
    Month,
}

/// <summary>
/// One measure of some actors, repeated on the as-of graph of each step from <see cref="From"/> to <see cref="To"/>.
/// <see cref="Partition"/> and <see cref="Directed"/> apply to brokerage; <see cref="Sample"/> and <see cref="Seed"/>
/// estimate betweenness from pivot sources as the centrality analysis does.
/// </summary>
public sealed record TimelineQuery(
    IReadOnlyList<string> Actors, TimelineMeasure Measure, DateOnly From, DateOnly To, TimelineStep Step = TimelineStep.Year,
    ActorField Partition = ActorField.Region, bool Directed = false, int? Sample = null, int Seed = CentralityOptions.DefaultSeed);

/// <summary>One step of one actor's series: the measure's value and, for brokerage, the five roles it sums.</summary>
public sealed record TimelinePoint(DateOnly Date, double Value, BrokerageRoles? Roles);

public sealed record TimelineSeries(string Actor, IReadOnlyList<TimelinePoint> Points);

public sealed record TimelineResult(GraphSnapshot Snapshot, TimelineQuery Query, IReadOnlyList<DateOnly> Dates, IReadOnlyList<TimelineSeries> Series);

/// <summary>
/// The analyses over time: each step's point is exactly what the single-date analysis answers with asOf = the step's
/// date, because it runs the same computation on the same as-of graph (<see cref="GraphSnapshot.InForceOn"/>).
/// </summary>
public static class Timeline
{
    /// <summary>
    /// The step dates: the last day of each year (or month) from <paramref name="from"/>'s to <paramref name="to"/>'s.
    /// A year's point is the graph at the end of that year, so a tie dated only "2015" (in force from 2015-01-01)
    /// counts in 2015, and one that ended in 2015 (in force until 2015-12-31) still counts in 2015.
    /// </summary>
    public static IReadOnlyList<DateOnly> StepDates(DateOnly from, DateOnly to, TimelineStep step)
    {
        var dates = new List<DateOnly>();
        for (var start = PeriodStart(from, step); start <= to; start = step == TimelineStep.Year ? start.AddYears(1) : start.AddMonths(1))
        {
            dates.Add((step == TimelineStep.Year ? start.AddYears(1) : start.AddMonths(1)).AddDays(-1));
        }
        return dates;
    }

    /// <summary>How many steps <see cref="StepDates"/> gives, without listing them (for caps on user input).</summary>
    public static int StepCount(DateOnly from, DateOnly to, TimelineStep step) =>
        to < PeriodStart(from, step) ? 0
        : step == TimelineStep.Year ? to.Year - from.Year + 1
        : ((to.Year - from.Year) * 12) + to.Month - from.Month + 1;

    /// <summary>
    /// The timeline: one series per actor of the query that the snapshot knows, in the query's order. An id it does not
    /// know gets no series (callers check for that on the result's snapshot and answer 404).
    /// </summary>
    public static TimelineResult Compute(GraphSnapshot snapshot, TimelineQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(query);
        snapshot = snapshot.Compacted();
        var known = query.Actors.Where(id => snapshot.TryGetIndex(id, out _)).ToArray();
        var actors = known.Select(snapshot.IndexOf).ToArray();
        var dates = StepDates(query.From, query.To, query.Step);
        var points = actors.Select(_ => new TimelinePoint[dates.Count]).ToArray();
        for (var s = 0; s < dates.Count; s++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var measured = Measure(snapshot.InForceOn(dates[s]), query, actors, cancellationToken);
            for (var a = 0; a < actors.Length; a++)
            {
                points[a][s] = new TimelinePoint(dates[s], measured[a].Value, measured[a].Roles);
            }
        }
        var series = known.Select((id, a) => new TimelineSeries(id, points[a])).ToList();
        return new TimelineResult(snapshot, query, dates, series);
    }

    private static (double Value, BrokerageRoles? Roles)[] Measure(GraphSnapshot asOf, TimelineQuery query, int[] actors, CancellationToken cancellationToken)
    {
        switch (query.Measure)
        {
            case TimelineMeasure.Brokerage:
                var roles = Brokerage.Compute(asOf, query.Partition, query.Directed, cancellationToken).Roles;
                return [.. actors.Select(v => ((double)roles[v].Total, (BrokerageRoles?)roles[v]))];
            case TimelineMeasure.Betweenness:
                var options = new CentralityOptions(CentralityMeasures.Betweenness, Sample: query.Sample, Seed: query.Seed);
                var betweenness = Centrality.Compute(asOf, options, cancellationToken).Betweenness!;
                return [.. actors.Select(v => (betweenness[v], (BrokerageRoles?)null))];
            default:
                var degree = Centrality.Compute(asOf, new CentralityOptions(CentralityMeasures.Degree), cancellationToken).Degree;
                return [.. actors.Select(v => ((double)degree[v], (BrokerageRoles?)null))];
        }
    }

    /// <summary>The years in which some tie begins or ends, ascending: the years in which the as-of graph can change.</summary>
    public static IReadOnlyList<int> YearsOfChange(GraphSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var years = new SortedSet<int>();
        foreach (var r in snapshot.Relationships)
        {
            if (r.Since is { } since)
            {
                years.Add(since.Year);
            }
            if (r.Until is { } until)
            {
                years.Add(until.Year);
            }
        }
        return [.. years];
    }

    private static DateOnly PeriodStart(DateOnly day, TimelineStep step) =>
        step == TimelineStep.Year ? new DateOnly(day.Year, 1, 1) : new DateOnly(day.Year, day.Month, 1);
}
