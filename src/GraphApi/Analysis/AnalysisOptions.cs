using System.ComponentModel.DataAnnotations;

namespace GraphApi.Analysis;

/// <summary>Limits on the network analyses. Bound from the "Analysis" section.</summary>
public sealed class AnalysisOptions
{
    public const string Section = "Analysis";

    /// <summary>
    /// How long one analysis may compute before the caller gets a 503 with advice (e.g. to sample betweenness).
    /// 0 refuses every uncached analysis: a kill switch for an overloaded deployment.
    /// </summary>
    [Range(0.0, 3600.0)]
    public double TimeBudgetSeconds { get; set; } = 20;
}
