using System.Runtime.CompilerServices;
using GraphApi.Core.Graph;

namespace GraphApi.Core.Routing;

/// <summary>
/// Per-snapshot arrays the route searches read in their inner loop: each relationship's base cost, type number
/// and date bounds as day numbers. Built once per snapshot (O(relationships)) and cached beside it, so a query
/// never touches the Relationship records until it describes the routes it found.
/// </summary>
internal sealed class RoutingIndex
{
    private static readonly ConditionalWeakTable<GraphSnapshot, RoutingIndex> Cache = [];

    /// <summary>Day number used when a relationship has no <c>since</c>: never decays, always started.</summary>
    public const int NoStart = int.MinValue;

    /// <summary>Day number used when a relationship has no <c>until</c>: never ended.</summary>
    public const int NoEnd = int.MaxValue;

    private RoutingIndex(GraphSnapshot snapshot)
    {
        var types = snapshot.Catalogue.All;
        var typeNumbers = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var t = 0; t < types.Count; t++)
        {
            typeNumbers[types[t].Name] = t;
        }
        var m = snapshot.RelationshipCount;
        BaseCost = new double[m];
        TypeNumber = new int[m];
        StartDay = new int[m];
        EndDay = new int[m];
        for (var e = 0; e < m; e++)
        {
            var relationship = snapshot.RelationshipAt(e);
            BaseCost[e] = -Math.Log(snapshot.BaseStrength(e));
            TypeNumber[e] = typeNumbers.TryGetValue(relationship.Type, out var number) ? number : -1;
            StartDay[e] = relationship.Since is { } since ? since.Start.DayNumber : NoStart;
            EndDay[e] = relationship.Until is { } until ? until.End.DayNumber : NoEnd;
        }
        TypeCount = types.Count;
    }

    public static RoutingIndex For(GraphSnapshot snapshot) => Cache.GetValue(snapshot, Build);

    /// <summary>A fresh index, bypassing the cache (benchmarks measure this).</summary>
    public static RoutingIndex Build(GraphSnapshot snapshot) => new(snapshot);

    /// <summary>−ln(base strength) of each relationship.</summary>
    public double[] BaseCost { get; }

    /// <summary>Position of the relationship's type in the catalogue, or −1 for a type the catalogue does not know.</summary>
    public int[] TypeNumber { get; }

    public int[] StartDay { get; }

    public int[] EndDay { get; }

    public int TypeCount { get; }
}
