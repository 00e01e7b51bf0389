using GraphApi.Core.Graph;

namespace GraphApi.Core.Routing;

/// <summary>
/// Strengths (0 &lt; s ≤ 1) that replace the stated ones of some relationships (the ledger's learned strengths),
/// resolved once against a snapshot: each replaced relationship's slot with its strength, −ln s and that cost
/// quantised, plus one bit per slot so the search's per-arc check is a bit test. Built once per (snapshot, ledger)
/// and shared by every query on them: building it per query allocated enough to set off a full collection of the
/// snapshot's heap now and then (measured: docs/performance.md).
/// </summary>
public sealed class StrengthOverrides
{
    private readonly Dictionary<int, (double Strength, double Cost, long Quantised)> _bySlot = [];
    private readonly ulong[] _bits;

    public StrengthOverrides(GraphSnapshot snapshot, IReadOnlyDictionary<string, double> strengths)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(strengths);
        Snapshot = snapshot;
        ById = strengths;
        _bits = new ulong[(snapshot.RelationshipSlots + 63) >> 6];
        foreach (var (id, strength) in strengths)
        {
            if (!(strength > 0 && strength <= 1))
            {
                throw new ArgumentOutOfRangeException(nameof(strengths), strength, $"the strength of '{id}' must be in (0, 1]");
            }
            if (snapshot.RelationshipSlotOf(id) is var slot and >= 0)
            {
                _bySlot[slot] = (strength, HopCosts.CostOf(strength), HopCosts.QuantisedCostOf(strength));
                _bits[slot >> 6] |= 1UL << slot;
            }
        }
    }

    /// <summary>The snapshot the slots belong to; a query on another snapshot resolves <see cref="ById"/> again.</summary>
    public GraphSnapshot Snapshot { get; }

    public IReadOnlyDictionary<string, double> ById { get; }

    public bool IsEmpty => _bySlot.Count == 0;

    internal bool IsReplaced(int relationship) => (_bits[relationship >> 6] & (1UL << relationship)) != 0;

    internal (double Strength, double Cost, long Quantised) this[int relationship] => _bySlot[relationship];
}
