namespace GraphApi.Core.Analysis.Communities;

/// <summary>
/// The Leiden algorithm (Traag, Waltman and van Eck 2019, "From Louvain to Leiden: guaranteeing well-connected
/// communities") maximising modularity with resolution γ, Q = Σ_c [ L_c / m − γ·(K_c / 2m)² ], on the undirected
/// actor graph with every tie of weight 1 (parallel relationships are one edge, as in <see cref="SimpleGraph"/>).
/// One iteration repeats local moving, refinement and aggregation until local moving leaves every aggregate node
/// alone; iterations repeat, each starting from the last one's partition, until one changes nothing. Every
/// community is connected. The same graph, resolution and seed give the same partition.
/// </summary>
internal static class Leiden
{
    /// <summary>
    /// A guard only: iterations normally stop within a handful, when the partition no longer changes. Each iteration's
    /// partition is connected, so stopping here still keeps that promise.
    /// </summary>
    public const int MaxIterations = 50;

    /// <summary>Community of each node of <paramref name="graph"/>, numbered 0..k−1 in order of first member.</summary>
    public static int[] Detect(SimpleGraph graph, double resolution, int seed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var actors = LevelGraph.From(graph);
        var random = new SplitMix(seed, 0);
        var membership = Partitions.Singletons(actors.NodeCount);
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            var next = Iterate(actors, membership, resolution, ref random, cancellationToken);
            var stable = next.AsSpan().SequenceEqual(membership);
            membership = next;
            if (stable)
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
