using System.Numerics;
using GraphApi.Core.Graph;

namespace GraphApi.Core.Routing;

/// <summary>
/// Hop-bounded reachability counts: for every actor, how many of a given set of targets it reaches in at most h
/// hops over the ties a query may use, never passing through an excluded actor (a from actor). Targets go 64 at a time as the
/// bits of one word per actor, spread back from the targets layer by layer, and only the bits new at an actor in
/// the last layer are spread on; so a batch costs the arcs of the actors its bits reach, not 64 searches.
/// </summary>
internal static class TargetReach
{
    /// <summary>Per actor slot, the number of <paramref name="targets"/> within <paramref name="hops"/> hops of it.</summary>
    public static int[] Count(GraphSnapshot graph, HopCosts costs, IReadOnlyList<int> targets, bool[] excluded, int hops,
        BestNextTieScratch scratch, CancellationToken cancellationToken)
    {
        var counts = scratch.Counts;
        if (targets.Count == 0)
        {
            return counts;
        }
        var reach = scratch.Reach;
        var fresh = scratch.Fresh;
        var nextFresh = scratch.NextFresh;
        for (var start = 0; start < targets.Count; start += 64)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batch = Math.Min(64, targets.Count - start);
            var touched = new List<int>(batch);
            for (var i = 0; i < batch; i++)
            {
                var target = targets[start + i];
                reach[target] |= 1UL << i;
                fresh[target] |= 1UL << i;
                touched.Add(target);
            }
            var frontier = new List<int>(touched);
            for (var layer = 1; layer <= hops && frontier.Count > 0; layer++)
            {
                frontier = Spread(graph, costs, excluded, frontier, reach, fresh, nextFresh, touched);
                (fresh, nextFresh) = (nextFresh, fresh);
            }
            foreach (var actor in touched)
            {
                counts[actor] += BitOperations.PopCount(reach[actor]);
                reach[actor] = 0;
                fresh[actor] = 0;
            }
        }
        return counts;
    }

    /// <summary>One layer: the bits new at each frontier actor reach its neighbours; returns the actors that gained bits.</summary>
    private static List<int> Spread(GraphSnapshot graph, HopCosts costs, bool[] excluded, List<int> frontier,
        ulong[] reach, ulong[] fresh, ulong[] nextFresh, List<int> touched)
    {
        var next = new List<int>();
        foreach (var v in frontier)
        {
            var bits = fresh[v];
            fresh[v] = 0;
            var arcs = graph.Arcs(v);
            for (var i = 0; i < arcs.Length; i++)
            {
                var u = arcs.Targets[i];
                var gained = bits & ~reach[u];
                if (gained == 0 || excluded[u] || costs.QuantisedCost(arcs.Relationships[i]) < 0)
                {
                    continue;
                }
                if (reach[u] == 0)
                {
                    touched.Add(u);
                }
                if (nextFresh[u] == 0)
                {
                    next.Add(u);
                }
                reach[u] |= gained;
                nextFresh[u] |= gained;
            }
        }
        return next;
    }

    /// <summary>
    /// Which of <paramref name="targets"/> lie within <paramref name="hops"/> hops of one of <paramref name="sources"/>
    /// (breadth first from all of them at once, so never through another one), as marks per actor slot. Stops as soon as every target is reached;
    /// with <paramref name="everyTieUsable"/> it skips the per-tie check, which would read every relationship's fields.
    /// </summary>
    public static bool[] Within(GraphSnapshot graph, HopCosts costs, bool everyTieUsable, IReadOnlyList<int> sources, IReadOnlyList<int> targets, int hops,
        BestNextTieScratch scratch, CancellationToken cancellationToken)
    {
        var seen = scratch.Seen;
        var isTarget = scratch.IsTarget;
        foreach (var target in targets)
        {
            isTarget[target] = true;
        }
        var missing = targets.Count;
        var frontier = new List<int>(sources.Count);
        foreach (var source in sources)
        {
            seen[source] = true;
            frontier.Add(source);
        }
        for (var layer = 1; layer <= hops && frontier.Count > 0 && missing > 0; layer++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var next = new List<int>();
            foreach (var v in frontier)
            {
                var arcs = graph.Arcs(v);
                for (var i = 0; i < arcs.Length; i++)
                {
                    var u = arcs.Targets[i];
                    if (!seen[u] && (everyTieUsable || costs.QuantisedCost(arcs.Relationships[i]) >= 0))
                    {
                        seen[u] = true;
                        missing -= isTarget[u] ? 1 : 0;
                        next.Add(u);
                    }
                }
            }
            frontier = next;
        }
        return seen;
    }
}
