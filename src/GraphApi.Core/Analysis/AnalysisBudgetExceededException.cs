namespace GraphApi.Core.Analysis;

/// <summary>An analysis did not finish within its time budget; the caller should ask for less (e.g. sampled betweenness).</summary>
public sealed class AnalysisBudgetExceededException(string analysis, TimeSpan budget)
    : Exception($"The {analysis} analysis did not finish within its time budget of {budget.TotalSeconds:0.###} s.")
{
    public string Analysis { get; } = analysis;

    public TimeSpan Budget { get; } = budget;
}
