namespace GraphApi.Core.Analysis;

/// <summary>
/// An analysis did not finish within its time budget. <see cref="Advice"/> says what to ask for instead, the same
/// wherever the analysis was asked for (its own endpoint, or an export's analysis columns).
/// </summary>
public sealed class AnalysisBudgetExceededException(string analysis, TimeSpan budget)
    : Exception($"The {analysis} analysis did not finish within its time budget of {budget.TotalSeconds:0.###} s.")
{
    public string Analysis { get; } = analysis;

    public TimeSpan Budget { get; } = budget;

    public string Advice { get; } = analysis switch
    {
        "brokerage" => "Brokerage work grows with the number of two-paths (the sum of squared degrees); the operator can raise Analysis:TimeBudgetSeconds.",
        "centrality" => "Exact betweenness and closeness need a shortest-path search from every actor. Estimate betweenness with a stated error " +
            "instead, e.g. epsilon=0.01&delta=0.1 (or from pivot sources, sample=500), and leave closeness out of measures, which is always exact.",
        "overview" => "Narrow the overview (kind, country, region or sector) or lower limit: the layout's work grows with the actors and ties drawn.",
        "gateways" => "The work grows with the number of source actors: estimate from a sample of them instead, " +
            "e.g. sample=500 (each share then states its standard error), or narrow the groups (e.g. country:FR instead of region:EU).",
        "timeline" => "Each step recomputes the measure on that day's graph: ask for fewer steps (a shorter from..to, or step=year), " +
            "or for betweenness estimate it from pivot sources (sample=500).",
        "communities" => "Leiden's work grows with the ties (about a second per 100k actors and 400k ties); each resolution and seed is " +
            "computed once per graph version, so ask again with the same ones, or the operator can raise Analysis:TimeBudgetSeconds.",
        _ => "The operator can raise Analysis:TimeBudgetSeconds.",
    };
}
