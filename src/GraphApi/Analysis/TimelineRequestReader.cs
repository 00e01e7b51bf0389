using GraphApi.Core.Analysis;
using GraphApi.Core.Domain;

namespace GraphApi.Analysis;

/// <summary>Reads and checks the timeline's query values, one error per bad field.</summary>
public static class TimelineRequestReader
{
    /// <summary>Each actor's series costs little; the cap keeps answers (and the chart they feed) readable.</summary>
    public const int MaxActors = 10;

    /// <summary>Each step recomputes the analysis on a whole graph: ten years by month is the most one request may ask.</summary>
    public const int MaxSteps = 120;

    public static TimelineQuery? Read(string? actors, string? measure, string? partition, bool? directed, string? from, string? to,
        string? step, int? sample, int? seed, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var ids = AnalysisRequestReader.ActorIds(actors, errors);
        if (ids is null)
        {
            errors.Add("actors", "is required: one or more actor ids, comma-separated");
        }
        else if (ids.Count > MaxActors)
        {
            errors.Add("actors", $"must list at most {MaxActors} actor ids");
        }
        var what = Measure(measure, errors);
        var field = AnalysisRequestReader.Partition(partition, errors);
        var period = Step(step, errors);
        var start = Date("from", from, errors)?.Start;
        var end = Date("to", to, errors)?.End;
        CheckSpan(start, end, period, errors);
        AnalysisRequestReader.CheckSample(sample, errors);
        if (sample is not null && what != TimelineMeasure.Betweenness)
        {
            errors.Add("sample", "applies only to measure=betweenness");
        }
        return ids is null || start is null || end is null ? null
            : new TimelineQuery(ids, what, start.Value, end.Value, period, field, directed ?? false, sample, seed ?? CentralityOptions.DefaultSeed);
    }

    private static void CheckSpan(DateOnly? start, DateOnly? end, TimelineStep step, ValidationErrors errors)
    {
        if (start is not { } first || end is not { } last)
        {
            return;
        }
        if (last < first)
        {
            errors.Add("to", "must not be before from");
            return;
        }
        var steps = Timeline.StepCount(first, last, step);
        if (steps > MaxSteps)
        {
            errors.Add("to", $"from..to spans {steps} steps of a {TimelineViews.Name(step)}; at most {MaxSteps} are allowed");
        }
    }

    private static TimelineMeasure Measure(string? measure, ValidationErrors errors)
    {
        switch (measure?.ToLowerInvariant())
        {
            case null or "brokerage": return TimelineMeasure.Brokerage;
            case "betweenness": return TimelineMeasure.Betweenness;
            case "degree": return TimelineMeasure.Degree;
            default:
                errors.Add("measure", $"'{measure}' is not a timeline measure; use brokerage, betweenness or degree");
                return TimelineMeasure.Brokerage;
        }
    }

    private static TimelineStep Step(string? step, ValidationErrors errors)
    {
        switch (step?.ToLowerInvariant())
        {
            case null or "year": return TimelineStep.Year;
            case "month": return TimelineStep.Month;
            default:
                errors.Add("step", $"'{step}' is not a step; use year or month");
                return TimelineStep.Year;
        }
    }

    private static PartialDate? Date(string field, string? text, ValidationErrors errors)
    {
        if (text is null)
        {
            errors.Add(field, "is required: a date of the form YYYY, YYYY-MM or YYYY-MM-DD");
            return null;
        }
        if (PartialDate.TryParse(text, out var date))
        {
            return date;
        }
        errors.Add(field, $"'{text}' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD");
        return null;
    }
}
