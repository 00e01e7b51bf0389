namespace GraphApi.Core.Analysis.Communities;

/// <summary>
/// One level of the Leiden hierarchy: a weighted undirected graph in CSR form (no self-loops in the lists) whose
/// nodes are, above the first level, whole groups of actors. <see cref="SelfWeight"/> holds the weight of the edges
/// inside a node and <see cref="Strength"/> the node's total degree (inside edges counted from both ends), so the
/// modularity of any partition of a level equals that of the partition of the actors it stands for.
/// </summary>
internal sealed class LevelGraph
{
    private LevelGraph(int[] offsets, int[] neighbours, double[] weights, double[] selfWeight, double[] strength, double totalWeight)
    {
        Offsets = offsets;
        Neighbours = neighbours;
        Weights = weights;
        SelfWeight = selfWeight;
        Strength = strength;
        TotalWeight = totalWeight;
    }

    public int NodeCount => Strength.Length;

    /// <summary>Node v's edges are <c>Neighbours[Offsets[v]..Offsets[v + 1]]</c>, weights aligned in <see cref="Weights"/>.</summary>
    public int[] Offsets { get; }

    public int[] Neighbours { get; }

    public double[] Weights { get; }

    public double[] SelfWeight { get; }

    public double[] Strength { get; }

    /// <summary>m: the total edge weight of the actor graph (each edge once).</summary>
    public double TotalWeight { get; }

    /// <summary>The actor graph with every edge of weight 1: parallel relationships are already one edge in <see cref="SimpleGraph"/>.</summary>
    public static LevelGraph From(SimpleGraph graph)
    {
        var n = graph.NodeCount;
        var offsets = new int[n + 1];
        var neighbours = new int[2 * graph.EdgeCount];
        var strength = new double[n];
        for (var v = 0; v < n; v++)
        {
            var adjacent = graph.Neighbours(v);
            adjacent.CopyTo(neighbours.AsSpan(offsets[v]));
            offsets[v + 1] = offsets[v] + adjacent.Length;
            strength[v] = adjacent.Length;
        }
        var weights = new double[neighbours.Length];
        Array.Fill(weights, 1.0);
        return new LevelGraph(offsets, neighbours, weights, new double[n], strength, graph.EdgeCount);
    }

    /// <summary>
    /// One connected component of the actor graph on its own: <paramref name="nodes"/> (its actors, in increasing
    /// order) become nodes 0..k−1 in that order, so the component's level graph is the same whatever else the graph
    /// holds. <paramref name="localIndex"/> is scratch of the graph's size, overwritten for these nodes.
    /// </summary>
    public static LevelGraph OfComponent(SimpleGraph graph, int[] nodes, int[] localIndex)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(localIndex);
        for (var i = 0; i < nodes.Length; i++)
        {
            localIndex[nodes[i]] = i;
        }
        var offsets = new int[nodes.Length + 1];
        var strength = new double[nodes.Length];
        for (var i = 0; i < nodes.Length; i++)
        {
            strength[i] = graph.Degree(nodes[i]);
            offsets[i + 1] = offsets[i] + graph.Degree(nodes[i]);
        }
        var neighbours = new int[offsets[^1]];
        for (var i = 0; i < nodes.Length; i++)
        {
            var adjacent = graph.Neighbours(nodes[i]);
            for (var j = 0; j < adjacent.Length; j++)
            {
                // A component holds every neighbour of its actors; the mapping keeps the sorted order.
                neighbours[offsets[i] + j] = localIndex[adjacent[j]];
            }
        }
        var weights = new double[neighbours.Length];
        Array.Fill(weights, 1.0);
        return new LevelGraph(offsets, neighbours, weights, new double[nodes.Length], strength, neighbours.Length / 2);
    }

    /// <summary>
    /// Modularity with resolution γ of a partition of this level: Q = Σ_c [ W_c / m − γ·(K_c / 2m)² ], W_c the weight
    /// inside c (self weights included), K_c its strength; 0 without edges.
    /// </summary>
    public double Modularity(int[] community, int communities, double resolution)
    {
        ArgumentNullException.ThrowIfNull(community);
        if (TotalWeight == 0)
        {
            return 0;
        }
        var inside = new double[communities];
        var strength = new double[communities];
        for (var v = 0; v < NodeCount; v++)
        {
            var c = community[v];
            strength[c] += Strength[v];
            inside[c] += SelfWeight[v];
            for (var arc = Offsets[v]; arc < Offsets[v + 1]; arc++)
            {
                if (community[Neighbours[arc]] == c)
                {
                    // Seen from both ends: half each time.
                    inside[c] += Weights[arc] / 2;
                }
            }
        }
        double q = 0;
        for (var c = 0; c < communities; c++)
        {
            var share = strength[c] / (2 * TotalWeight);
            q += inside[c] / TotalWeight - resolution * share * share;
        }
        return q;
    }

    /// <summary>
    /// The graph with one node per group of <paramref name="group"/> (numbered 0..<paramref name="groups"/>−1):
    /// edge weights between groups summed, edges inside a group moved to its self weight.
    /// </summary>
    public LevelGraph Aggregate(int[] group, int groups)
    {
        var members = GroupMembers.Of(group, groups);
        var offsets = new int[groups + 1];
        // No group has more arcs than its members had, so the members' arc count bounds the whole list.
        var neighbours = new int[Neighbours.Length];
        var weights = new double[Neighbours.Length];
        var selfWeight = new double[groups];
        var strength = new double[groups];
        // Summed weight from the current group to each other group; the group's arcs so far list which are set.
        var toGroup = new double[groups];
        var count = 0;
        for (var g = 0; g < groups; g++)
        {
            foreach (var v in members.Of(g))
            {
                selfWeight[g] += SelfWeight[v];
                strength[g] += Strength[v];
                for (var arc = Offsets[v]; arc < Offsets[v + 1]; arc++)
                {
                    var h = group[Neighbours[arc]];
                    if (h == g)
                    {
                        // Seen from both ends inside the group: half each time makes the edge count once.
                        selfWeight[g] += Weights[arc] / 2;
                        continue;
                    }
                    if (toGroup[h] == 0)
                    {
                        neighbours[count++] = h;
                    }
                    toGroup[h] += Weights[arc];
                }
            }
            for (var arc = offsets[g]; arc < count; arc++)
            {
                weights[arc] = toGroup[neighbours[arc]];
                toGroup[neighbours[arc]] = 0;
            }
            offsets[g + 1] = count;
        }
        Array.Resize(ref neighbours, count);
        Array.Resize(ref weights, count);
        return new LevelGraph(offsets, neighbours, weights, selfWeight, strength, TotalWeight);
    }

    /// <summary>Each group's nodes in increasing order.</summary>
    public static int[][] MembersOf(int[] group, int groups)
    {
        var sizes = new int[groups];
        foreach (var g in group)
        {
            sizes[g]++;
        }
        var members = new int[groups][];
        for (var g = 0; g < groups; g++)
        {
            members[g] = new int[sizes[g]];
            sizes[g] = 0;
        }
        for (var v = 0; v < group.Length; v++)
        {
            members[group[v]][sizes[group[v]]++] = v;
        }
        return members;
    }
}
