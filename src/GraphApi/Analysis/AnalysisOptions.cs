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

    /// <summary>
    /// How many uncached analyses, overview layouts and analysis exports may compute at once (default: one per core).
    /// Cached answers never count. Most analyses use several cores each, so more than this only makes all of them, and
    /// every read meanwhile, slower.
    /// </summary>
    [Range(1, 1024)]
    public int MaxConcurrent { get; set; } = Environment.ProcessorCount;

    /// <summary>How long a new analysis waits for a free slot before it is refused with 503 and Retry-After.</summary>
    [Range(0.0, 60.0)]
    public double SlotWaitSeconds { get; set; } = 2;

    /// <summary>The Retry-After of that 503: about how long a typical analysis holds its slot.</summary>
    [Range(1, 3600)]
    public int RetryAfterSeconds { get; set; } = 5;
}
