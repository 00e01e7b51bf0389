using GraphApi.Core.Graph;

namespace GraphApi.Core.Routing;

/// <summary>
/// One route, as snapshot indices: <see cref="Actors"/> has one more entry than <see cref="Relationships"/>, and
/// hop i goes from Actors[i] to Actors[i + 1] over Relationships[i] with strength Strengths[i] (after decay) and cost
/// Costs[i] = −ln Strengths[i]. The costs are carried rather than derived from the strengths: a steeply decayed hop's
/// strength underflows to 0 while its cost (stored cost + ln 2 × age / half-life) stays finite, and so must the route's.
/// </summary>
public sealed record Route(IReadOnlyList<int> Actors, IReadOnlyList<int> Relationships, IReadOnlyList<double> Strengths, IReadOnlyList<double> Costs)
{
    public int Hops => Relationships.Count;

    public int Source => Actors[0];

    public int Target => Actors[^1];

    /// <summary>Π s over the hops: 0..1, higher is better.</summary>
    public double Score
    {
        get
        {
            var score = 1.0;
            foreach (var strength in Strengths)
            {
                score *= strength;
            }
            return score;
        }
    }

    /// <summary>Σ −ln s over the hops: what the search minimises. Finite even when <see cref="Score"/> underflows to 0.</summary>
    public double Cost
    {
        get
        {
            var cost = 0.0;
            foreach (var hop in Costs)
            {
                cost += hop;
            }
            return cost;
        }
    }
}

/// <summary>The routes found, best first; when there are none, <see cref="Reason"/> says why in a sentence.</summary>
public sealed record RouteResult(IReadOnlyList<Route> Routes, string? Reason);

/// <summary>A route while it is being found: indices plus its exact (quantised) cost, and where Yen's algorithm branched off to find it.</summary>
internal sealed record RoutePath(int[] Actors, int[] Relationships, long Cost, int Deviation)
{
    public int Hops => Relationships.Length;
}

/// <summary>
/// The route order, the one tie rule of every route search: least cost in whole nano-nats (<see cref="HopCosts"/>),
/// then fewest hops, then the smaller actor-id sequence, then the smaller relationship-id sequence. The label search
/// applies it to partial routes (<see cref="LabelOrder"/>); the bidirectional search and the best-route tree reach
/// the same answer by walking tight hops in id order (their remarks say why), and tests check all three against
/// the brute-force reference.
/// </summary>
internal sealed class RouteOrder(GraphSnapshot graph) : IComparer<RoutePath>
{
    /// <summary>The first two keys of the order: cost, then hops.</summary>
    public static int CompareCostThenHops(long costX, int hopsX, long costY, int hopsY)
    {
        var c = costX.CompareTo(costY);
        return c != 0 ? c : hopsX.CompareTo(hopsY);
    }

    public int Compare(RoutePath? x, RoutePath? y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        var c = CompareCostThenHops(x.Cost, x.Hops, y.Cost, y.Hops);
        if (c == 0)
        {
            c = graph.CompareActorSequences(x.Actors, y.Actors);
        }
        return c != 0 ? c : graph.CompareRelationshipSequences(x.Relationships, y.Relationships);
    }
}

/// <summary>Equality of actor sequences: a route is identified by the actors it visits (each hop uses the best tie between them).</summary>
internal sealed class ActorSequenceComparer : IEqualityComparer<int[]>
{
    public static readonly ActorSequenceComparer Instance = new();

    public bool Equals(int[]? x, int[]? y) => x.AsSpan().SequenceEqual(y);

    public int GetHashCode(int[] obj)
    {
        var hash = new HashCode();
        foreach (var actor in obj)
        {
            hash.Add(actor);
        }
        return hash.ToHashCode();
    }
}
