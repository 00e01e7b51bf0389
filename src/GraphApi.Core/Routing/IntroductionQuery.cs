namespace GraphApi.Core.Routing;

/// <summary>An introduction-route question. Actor ids must exist in the snapshot it is asked of.</summary>
public sealed record IntroductionQuery(IReadOnlyList<string> From, RouteTarget To)
{
    public const int DefaultK = 3;
    public const int MaxK = 10;
    public const int DefaultMaxHops = 6;
    public const int MaxMaxHops = 8;

    public int K { get; init; } = DefaultK;
    public int MaxHops { get; init; } = DefaultMaxHops;
    /// <summary>Which ties count and how they decay; its date is the caller's today.</summary>
    public required RouteQueryOptions Options { get; init; }
    public IReadOnlyList<string> Avoid { get; init; } = [];

    /// <summary>Each route ends at a different target actor.</summary>
    public bool DistinctTargets { get; init; }

    /// <summary>No route passes through or ends at an actor an earlier route passes through, nor reuses a direct tie.</summary>
    public bool Disjoint { get; init; }
}
