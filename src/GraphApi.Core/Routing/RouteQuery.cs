using GraphApi.Core.Domain;

namespace GraphApi.Core.Routing;

/// <summary>
/// Which ties a route may use and how their strength decays. <see cref="AsOf"/> drops every relationship not in
/// force that day (started after it or ended before it) and is also the date ages are measured to; without it
/// nothing is dropped and ages are measured to <see cref="Today"/>.
/// </summary>
public sealed record RouteRules
{
    public IReadOnlySet<string>? RelationshipTypes { get; init; }
    public DateOnly? AsOf { get; init; }
    public DateOnly Today { get; init; } = DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>Null turns recency decay off.</summary>
    public double? HalfLifeYears { get; init; }

    /// <summary>
    /// Strengths (0 &lt; s ≤ 1) used instead of the stated ones (the learned strengths of the introduction ledger);
    /// other relationships keep theirs. Decay and the cost rule apply to them unchanged.
    /// </summary>
    public StrengthOverrides? Strengths { get; init; }
}

/// <summary>Where routes may end: one actor, or any actor the predicate accepts (never one of the <c>from</c> actors).</summary>
public sealed record RouteTarget
{
    private RouteTarget(string? actorId, Func<Actor, bool>? predicate)
    {
        ActorId = actorId;
        Predicate = predicate;
    }

    public string? ActorId { get; }
    public Func<Actor, bool>? Predicate { get; }

    public static RouteTarget Actor(string id) => new(id, null);

    public static RouteTarget Matching(Func<Actor, bool> predicate) => new(null, predicate);
}

/// <summary>An introduction-route question. Actor ids must exist in the snapshot it is asked of.</summary>
public sealed record IntroductionQuery(IReadOnlyList<string> From, RouteTarget To)
{
    public const int DefaultK = 3;
    public const int MaxK = 10;
    public const int DefaultMaxHops = 6;
    public const int MaxMaxHops = 8;

    public int K { get; init; } = DefaultK;
    public int MaxHops { get; init; } = DefaultMaxHops;
    public RouteRules Rules { get; init; } = new();
    public IReadOnlyList<string> Avoid { get; init; } = [];

    /// <summary>Each route ends at a different target actor.</summary>
    public bool DistinctTargets { get; init; }

    /// <summary>No route passes through or ends at an actor an earlier route passes through, nor reuses a direct tie.</summary>
    public bool Disjoint { get; init; }
}
