namespace GraphApi.Analysis;

/// <summary>The timeline operations' OpenAPI descriptions.</summary>
public static class TimelineDocs
{
    public const string Timeline =
        "For each of `actors`, a series of the `measure` on the graph of the ties in force at each step, exactly what the single-date " +
        "analysis answers with `asOf` = the step's date: **brokerage** (the value is the Gould–Fernandez total and `roles` gives " +
        "coordinator, itinerant, representative, gatekeeper, liaison and total, as GET /api/analysis/brokerage), **betweenness** (raw, " +
        "unweighted, as `betweenness` in GET /api/analysis/centrality) or **degree** (distinct neighbours). **Step dates**: the last day of " +
        "each year (or month) from `from`'s to `to`'s, e.g. from=2013&to=2017 gives 2013-12-31 … 2017-12-31, so a tie dated only \"2015\" " +
        "counts from the 2015 point on and one that ended in 2015 still counts in 2015. At most 120 steps. A tie is in force on a day when " +
        "it began on or before it and did not end before it (dates at their own precision); undated ties always count. The whole timeline " +
        "is one computation on the analyses' time budget (over it: 503 with advice) and is cached per graph version and parameters. " +
        "Not a paged list: at most 10 series.";

    public const string Years =
        "The distinct years of every relationship's `since` and `until`, ascending: the years in which the graph of the ties in force can " +
        "change, e.g. for an as-of slider or a timeline's `from` and `to`.";

    public const string Actors = "The actors to follow: 1-10 ids, comma-separated, e.g. `kicox,pole-eau`. Required; 404 if one names no actor.";

    public const string Measure = "What to follow (any case): brokerage (default), betweenness or degree.";

    public const string Partition = "For brokerage: how actors are grouped, region (default), country, kind or sector (any case), as in GET /api/analysis/brokerage.";

    public const string Directed = "For brokerage: whether directed types count as one arc (default false), as in GET /api/analysis/brokerage.";

    public const string From = "The first step's date: YYYY, YYYY-MM or YYYY-MM-DD (its year's or month's last day is the step). Required.";

    public const string To = "The last step's date, in the same forms as from, not before it. Required.";

    public const string Step = "year (default) or month (any case).";

    public const string Sample = "For betweenness only: estimate it from this many pivot sources (1-1000000), drawn with seed.";

    public const string Seed = "The seed of a betweenness sample (default 42).";
}
