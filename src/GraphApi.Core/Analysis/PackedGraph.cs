namespace GraphApi.Core.Analysis;

/// <summary>
/// The simple graph renumbered for the all-sources searches: nodes in breadth-first order from the best-connected
/// node of each component (hubs first, then their neighbourhoods), neighbour lists sorted in the new numbering and
/// packed into one int array, with the router's quantised costs aligned beside them. Nodes that are searched
/// together then sit together in memory, which is what a search that touches every node per source pays for.
/// </summary>
internal sealed class PackedGraph
{
    private PackedGraph(int[] offsets, int[] neighbours, long[] costs, int[] packedOf, int[] originalOf)
    {
        Arcs = new Routing.CostGraph(offsets, neighbours, costs);
        PackedOf = packedOf;
        OriginalOf = originalOf;
    }

    public int NodeCount => OriginalOf.Length;

    /// <summary>
    /// The arcs in the packed numbering, for the route engine's least-cost searches. Not in actor-id order, so not
    /// for choosing routes by the id-sequence tie rule, only for costs and path counts.
    /// </summary>
    public Routing.CostGraph Arcs { get; }

    /// <summary>Node v's arcs are <c>Neighbours[Offsets[v]..Offsets[v + 1]]</c>, in the packed numbering.</summary>
    public int[] Offsets => Arcs.Offsets;

    public int[] Neighbours => Arcs.Neighbours;

    /// <summary>Arc costs in nano-nats (<see cref="Routing.HopCosts.Quantise"/>), aligned with <see cref="Neighbours"/>.</summary>
    public long[] Costs => Arcs.Costs;

    /// <summary>Packed number of each original (snapshot) node.</summary>
    public int[] PackedOf { get; }

    /// <summary>Original (snapshot) number of each packed node.</summary>
    public int[] OriginalOf { get; }

    public int Degree(int node) => Offsets[node + 1] - Offsets[node];

    public static PackedGraph From(SimpleGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var originalOf = BreadthFirstOrder(graph);
        var n = originalOf.Length;
        var packedOf = new int[n];
        for (var p = 0; p < n; p++)
        {
            packedOf[originalOf[p]] = p;
        }
        var offsets = new int[n + 1];
        var neighbours = new int[2 * graph.EdgeCount];
        var costs = new long[neighbours.Length];
        for (var p = 0; p < n; p++)
        {
            var start = offsets[p];
            var original = graph.Neighbours(originalOf[p]);
            var quantised = graph.QuantisedCosts(originalOf[p]);
            for (var a = 0; a < original.Length; a++)
            {
                neighbours[start + a] = packedOf[original[a]];
                costs[start + a] = quantised[a];
            }
            Array.Sort(neighbours, costs, start, original.Length);
            offsets[p + 1] = start + original.Length;
        }
        return new PackedGraph(offsets, neighbours, costs, packedOf, originalOf);
    }

    /// <summary>
    /// Breadth-first visit order, each component started from its highest-degree node (lowest id on ties), the
    /// components taken in order of those start nodes' degrees. Deterministic for a given graph.
    /// </summary>
    private static int[] BreadthFirstOrder(SimpleGraph graph)
    {
        var n = graph.NodeCount;
        // Highest degree first, then lowest original number: one sort key per node, degree in the high half.
        var keys = new long[n];
        for (var v = 0; v < n; v++)
        {
            keys[v] = ((long)(int.MaxValue - graph.Degree(v)) << 32) | (uint)v;
        }
        Array.Sort(keys);
        var byDegree = Array.ConvertAll(keys, key => (int)(key & uint.MaxValue));
        var visited = new bool[n];
        var order = new int[n];
        var tail = 0;
        foreach (var start in byDegree)
        {
            if (visited[start])
            {
                continue;
            }
            visited[start] = true;
            var head = tail;
            order[tail++] = start;
            while (head < tail)
            {
                foreach (var w in graph.Neighbours(order[head++]))
                {
                    if (!visited[w])
                    {
                        visited[w] = true;
                        order[tail++] = w;
                    }
                }
            }
        }
        return order;
    }
}
