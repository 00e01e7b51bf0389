namespace GraphApi.Core.Routing;

/// <summary>
/// A route query's options: which ties a route may use and how their strength decays. <see cref="AsOf"/> drops every
/// relationship not in force that day (started after it or ended before it) and is also the date ages are measured
/// to; without it nothing is dropped and ages are measured to <see cref="Today"/>, which the caller reads from its
/// clock (the API from its <see cref="TimeProvider"/>), so a test or a replayed query can fix it.
/// </summary>
public sealed record RouteQueryOptions(DateOnly Today)
{
    public IReadOnlySet<string>? RelationshipTypes { get; init; }
    public DateOnly? AsOf { get; init; }

    /// <summary>
    /// The shortest half-life a query may ask for. A hop's decay cost is ln 2 × age / half-life; dates run from year
    /// 1000 to 9999, so with this floor it stays below 7·10⁴ nats a hop and a route's cost in nano-nats far below
    /// what a long holds, while the strength itself may underflow to 0 (a score of 0, never an infinite cost).
    /// </summary>
    public const double MinHalfLifeYears = 0.1;

    /// <summary>Beyond this the decay over any age the dates allow is below a part in a thousand: no decay, in effect.</summary>
    public const double MaxHalfLifeYears = 10_000;

    /// <summary>Null turns recency decay off; otherwise between <see cref="MinHalfLifeYears"/> and <see cref="MaxHalfLifeYears"/>.</summary>
    public double? HalfLifeYears
    {
        get => _halfLifeYears;
        init
        {
            if (value is { } years && !(years >= MinHalfLifeYears && years <= MaxHalfLifeYears))
            {
                throw new ArgumentOutOfRangeException(nameof(value), years, $"a half-life must be between {MinHalfLifeYears} and {MaxHalfLifeYears} years");
            }
            _halfLifeYears = value;
        }
    }

    private readonly double? _halfLifeYears;

    /// <summary>
    /// Strengths (0 &lt; s ≤ 1) used instead of the stated ones (the learned strengths of the introduction ledger);
    /// other relationships keep theirs. Decay and the cost rule apply to them unchanged.
    /// </summary>
    public StrengthOverrides? Strengths { get; init; }
}
