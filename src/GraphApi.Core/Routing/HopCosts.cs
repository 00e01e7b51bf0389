using GraphApi.Core.Graph;

namespace GraphApi.Core.Routing;

/// <summary>
/// The one cost rule: what travelling one relationship costs, the only place it is computed. Strength
/// s = base × 0.5^(age / halfLife), with age = reference date − since (in years of 365.2425 days, never negative); no
/// decay when since is unknown or no half-life is given; base is the stored strength (or the type's) unless the query
/// replaces it (<see cref="RouteQueryOptions.Strengths"/>, the learned strengths), and a replaced strength goes through
/// exactly this rule. Cost = −ln s (<see cref="CostOf"/>) = −ln base + ln 2 × age / halfLife (<see cref="DecayPerDay"/>),
/// so a route's cost is the sum of its hops' costs and its score Π s = e^−cost.
/// </summary>
/// <remarks>
/// The searches compare costs as whole nano-nats (<see cref="Quantise"/>: cost × 10⁹, rounded): integer sums are
/// exact and associative, so two routes whose costs agree to nine decimals are a true tie, settled by hop count and
/// then by id sequence, the same way whatever order the hops were added in. The static members are the rule for
/// everyone (the snapshot's precomputed costs, learned strengths, the best-next-tie's new tie, the API, tests); an
/// instance applies it to one query on one snapshot (type filter, asOf, decay, replaced strengths) for the searches.
/// </remarks>
public sealed class HopCosts
{
    public const double Resolution = 1e9;
    private const double DaysPerYear = 365.2425;

    private readonly GraphSnapshot _snapshot;
    private readonly bool[]? _allowedTypes;
    private readonly int _validOn;
    private readonly int _referenceDay;
    private readonly double _decayPerDay;

    internal HopCosts(GraphSnapshot snapshot, RouteQueryOptions options)
    {
        _snapshot = snapshot;
        if (options.RelationshipTypes is { } types)
        {
            var catalogue = snapshot.Catalogue.All;
            _allowedTypes = new bool[catalogue.Count];
            for (var t = 0; t < catalogue.Count; t++)
            {
                _allowedTypes[t] = types.Contains(catalogue[t].Name);
            }
        }
        _validOn = options.AsOf is { } asOf ? asOf.DayNumber : RelationshipFields.NoStart;
        _referenceDay = (options.AsOf ?? options.Today).DayNumber;
        _decayPerDay = options.HalfLifeYears is { } halfLife ? DecayPerDay(halfLife) : 0;
        _replaced = Resolve(snapshot, options.Strengths);
        _unfiltered = _allowedTypes is null && _validOn == RelationshipFields.NoStart && _decayPerDay == 0;
        _plain = _unfiltered && _replaced is null;
        _baseCosts = _plain ? snapshot.Base.RelationshipCosts : null;
    }

    // The default query's costs of the base's relationships, compact (GraphBase.RelationshipCosts); null otherwise.
    private readonly uint[]? _baseCosts;

    // No filter and no decay: a hop costs its base cost, the stored one or the query's replacement.
    private readonly bool _unfiltered;

    // The relationships whose strength the query replaces, resolved against this snapshot (null when none).
    private readonly StrengthOverrides? _replaced;

    private static StrengthOverrides? Resolve(GraphSnapshot snapshot, StrengthOverrides? strengths) =>
        strengths is null ? null
        : ReferenceEquals(strengths.Snapshot, snapshot) ? (strengths.IsEmpty ? null : strengths)
        : new StrengthOverrides(snapshot, strengths.ById) is { IsEmpty: false } resolved ? resolved : null;

    private bool IsReplaced(int relationship) => _replaced is not null && _replaced.IsReplaced(relationship);

    /// <summary>−ln of the hop's strength before decay: the query's replacement, or the stored one.</summary>
    private double BaseCost(int relationship, in RelationshipFields fields) =>
        IsReplaced(relationship) ? _replaced![relationship].Cost : fields.BaseCost;

    /// <summary>The hop's strength before decay: the query's replacement, or the stored one.</summary>
    private double BaseStrength(int relationship) =>
        IsReplaced(relationship) ? _replaced![relationship].Strength : _snapshot.BaseStrength(relationship);

    // No filter and no decay (the default query): every hop costs its precomputed base cost.
    private readonly bool _plain;

    /// <summary>Whether every hop costs its stored base cost (no type filter, asOf, decay or replaced strengths), so <see cref="GraphBase.ArcCosts"/> applies.</summary>
    internal bool IsPlain => _plain;

    /// <summary>Whether the query may use this relationship at all (type filter and asOf validity).</summary>
    internal bool IsUsable(int relationship) => IsUsable(in _snapshot.Fields(relationship));

    private bool IsUsable(in RelationshipFields fields)
    {
        if (_allowedTypes is not null && (fields.Type < 0 || !_allowedTypes[fields.Type]))
        {
            return false;
        }
        return _validOn == RelationshipFields.NoStart || fields.IsInForceOn(_validOn);
    }

    /// <summary>−ln s of the hop after decay, as a double.</summary>
    internal double Cost(int relationship)
    {
        ref readonly var fields = ref _snapshot.Fields(relationship);
        return BaseCost(relationship, in fields) + DecayCost(in fields);
    }

    /// <summary>ln 2 × age / halfLife: what recency decay adds to the hop's cost.</summary>
    private double DecayCost(in RelationshipFields fields) =>
        _decayPerDay > 0 && fields.StartDay != RelationshipFields.NoStart && _referenceDay > fields.StartDay
            ? _decayPerDay * (_referenceDay - fields.StartDay)
            : 0;

    /// <summary>The hop's cost in nano-nats, or −1 when the query may not use the relationship.</summary>
    internal long QuantisedCost(int relationship)
    {
        if (_baseCosts is { } compact && (uint)relationship < (uint)compact.Length && compact[relationship] != GraphBase.NoArcCost)
        {
            return compact[relationship];
        }
        ref readonly var fields = ref _snapshot.Fields(relationship);
        if (_plain)
        {
            return fields.QuantisedCost;
        }
        if (_unfiltered)
        {
            // Learned strengths alone: the precomputed quantised costs, exactly what Quantise(base cost) gives below.
            return IsReplaced(relationship) ? _replaced![relationship].Quantised : fields.QuantisedCost;
        }
        return IsUsable(in fields) ? Quantise(BaseCost(relationship, in fields) + DecayCost(in fields)) : -1;
    }

    /// <summary>The hop's strength after decay: base × 0.5^(age / halfLife), exactly the base when nothing decays.</summary>
    internal double Strength(int relationship) =>
        DecayCost(in _snapshot.Fields(relationship)) is var decay && decay > 0
            ? BaseStrength(relationship) * Math.Exp(-decay)
            : BaseStrength(relationship);

    /// <summary>−ln s: the cost of a hop of strength s (0 &lt; s ≤ 1), before decay.</summary>
    public static double CostOf(double strength) => -Math.Log(strength);

    /// <summary>−ln s in whole nano-nats, the unit every search compares.</summary>
    public static long QuantisedCostOf(double strength) => Quantise(CostOf(strength));

    /// <summary>A cost in whole nano-nats (× <see cref="Resolution"/>, rounded half away from zero).</summary>
    public static long Quantise(double cost) => (long)Math.Round(cost * Resolution, MidpointRounding.AwayFromZero);

    /// <summary>ln 2 / halfLife in days: what each day of a relationship's age adds to its cost under recency decay.</summary>
    public static double DecayPerDay(double halfLifeYears) => Math.Log(2) / (halfLifeYears * DaysPerYear);
}
