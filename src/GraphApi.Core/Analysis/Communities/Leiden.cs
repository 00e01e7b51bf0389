namespace GraphApi.Core.Analysis.Communities;

/// <summary>
/// The Leiden algorithm (Traag, Waltman and van Eck 2019, "From Louvain to Leiden: guaranteeing well-connected
/// communities") maximising modularity with resolution γ, Q = Σ_c [ L_c / m − γ·(K_c / 2m)² ], on the undirected
/// actor graph with every tie of weight 1 (parallel relationships are one edge, as in <see cref="SimpleGraph"/>).
/// One iteration repeats local moving, refinement and aggregation until local moving leaves every aggregate node
/// alone; iterations repeat, each starting from the last one's partition, until one raises modularity by less than
/// <see cref="MinGain"/> (the best partition is kept). Every
/// community is connected. The same graph, resolution and seed give the same partition.
/// </summary>
internal static class Leiden
{
    /// <summary>
    /// A guard only: iterations stop earlier, once one gains less than <see cref="MinGain"/>. Each iteration's
    /// partition is connected, so stopping here still keeps that promise.
    /// </summary>
    public const int MaxIterations = 50;

    /// <summary>
    /// The modularity an iteration must add for another to run. Later iterations add ever less while each costs a full
    /// pass: on the synthetic 100k-actor / 400k-tie network (no strong groups) the tenth adds 5·10⁻⁴ and the fortieth
    /// still 4·10⁻⁵, so waiting for a gain of 0 would take forty passes for the last 0.004 (docs/performance.md).
    /// </summary>
    public const double MinGain = 5e-4;

    /// <summary>
    /// Community of each node of <paramref name="actors"/> (a level graph of actors, e.g. one component:
    /// <see cref="ByComponent"/>), numbered 0..k−1 in order of first member.
    /// </summary>
    public static int[] Detect(LevelGraph actors, double resolution, int seed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actors);
        var random = new SplitMix(seed, 0);
        var membership = Partitions.Singletons(actors.NodeCount);
        var quality = actors.Modularity(membership, membership.Length, resolution);
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            var next = Iterate(actors, membership, resolution, ref random, cancellationToken);
            var gain = actors.Modularity(next, next.Length == 0 ? 0 : next.Max() + 1, resolution) - quality;
            if (gain > 0)
            {
                (membership, quality) = (next, quality + gain);
            }
            // Refinement is random, so iterations never quite settle: each reshuffles a little and gains a little
            // less. Stop once one gains less than MinGain, keeping the best partition seen.
            if (gain < MinGain)
            {
                break;
            }
        }
        return membership;
    }

    /// <summary>One Leiden iteration from <paramref name="initial"/>; the result is compacted in order of first member.</summary>
    private static int[] Iterate(LevelGraph actors, int[] initial, double resolution, ref SplitMix random, CancellationToken cancellationToken)
    {
        var level = actors;
        var community = (int[])initial.Clone();
        // Which node of the current level each actor belongs to.
        var nodeOf = Partitions.Singletons(actors.NodeCount);
        while (true)
        {
            LocalMoving.Run(level, community, resolution, ref random, cancellationToken);
            var communities = Partitions.Compact(community);
            if (communities == level.NodeCount)
            {
                break;
            }
            var refined = Refinement.Run(level, community, communities, resolution, ref random, cancellationToken);
            var nodes = Partitions.Compact(refined);
            if (nodes == level.NodeCount)
            {
                // Refinement merged nothing, so aggregating would repeat this level forever. The level's nodes are
                // connected groups of actors: answer them, and let the next iteration's local moving start from there.
                community = Partitions.Singletons(nodes);
                break;
            }
            var aggregateCommunity = new int[nodes];
            for (var v = 0; v < level.NodeCount; v++)
            {
                aggregateCommunity[refined[v]] = community[v];
            }
            level = level.Aggregate(refined, nodes);
            for (var a = 0; a < nodeOf.Length; a++)
            {
                nodeOf[a] = refined[nodeOf[a]];
            }
            community = aggregateCommunity;
        }
        var membership = new int[actors.NodeCount];
        for (var a = 0; a < membership.Length; a++)
        {
            membership[a] = community[nodeOf[a]];
        }
        Partitions.Compact(membership);
        return membership;
    }
}
