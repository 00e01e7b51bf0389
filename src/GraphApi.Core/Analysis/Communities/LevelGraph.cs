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
