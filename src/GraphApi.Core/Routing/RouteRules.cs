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
