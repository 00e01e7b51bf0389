using System.Runtime.InteropServices;

namespace GraphApi.Core.Graph;

/// <summary>
/// What route searches and analyses read of a relationship in their inner loops, packed in one struct so a hop
/// touches one cache line: the two ends (actor slots), the introduction strength before decay, its cost −ln s
/// (also in whole nano-nats, what a query without decay or filters compares), the catalogue position of its
/// type, and its dates as day numbers.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal readonly record struct RelationshipFields(int Source, int Target, double Strength, double BaseCost, long QuantisedCost, int StartDay, int EndDay, int Type)
{
    /// <summary>Day number used when a relationship has no <c>since</c>: never decays, always started.</summary>
    public const int NoStart = int.MinValue;

    /// <summary>Day number used when a relationship has no <c>until</c>: never ended.</summary>
    public const int NoEnd = int.MaxValue;

    public RelationshipFields WithEnds(int source, int target) => this with { Source = source, Target = target };

    /// <summary>
    /// The one rule for "in force on a day", shared by routes (asOf) and the as-of analyses: begun on or before the
    /// day and not ended before it. Dates keep their precision (since = the first day of its year or month, until =
    /// the last), and a missing since or until is <see cref="NoStart"/> / <see cref="NoEnd"/>, so undated ties always count.
    /// </summary>
    public bool IsInForceOn(int day) => StartDay <= day && EndDay >= day;
}
