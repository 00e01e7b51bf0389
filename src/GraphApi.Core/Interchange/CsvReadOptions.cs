namespace GraphApi.Core.Interchange;

/// <summary>Limits and progress reporting for reading import files.</summary>
public sealed record CsvReadOptions
{
    public static CsvReadOptions Default { get; } = new();

    /// <summary>Data rows allowed per file; more is refused as a whole rather than half-read.</summary>
    public int MaxRows { get; init; } = int.MaxValue;

    /// <summary>How many rows between two <see cref="Progress"/> calls.</summary>
    public int ProgressEvery { get; init; } = 10_000;

    /// <summary>Called with the file name and the rows read so far, for progress output on large files.</summary>
    public Action<string, int>? Progress { get; init; }

    /// <summary>Why a row may not take its id (the graph's ownership rules: see <c>GraphService.WhyIdRefused</c>), or null; none: no such rule.</summary>
    public Func<BatchPart, string, string?>? IdRule { get; init; }
}
