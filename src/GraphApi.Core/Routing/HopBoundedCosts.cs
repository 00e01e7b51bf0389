namespace GraphApi.Core.Routing;

/// <summary>
/// Every node's least cost to one target over routes of at most a given number of hops: one backward search gives
/// each actor's best score e^−cost toward that target under <c>maxHops</c>, exactly as the router counts it.
/// </summary>
/// <remarks>
/// Bellman–Ford by rounds: after round h a node holds the least cost of its routes of at most h hops, and only nodes
/// improved in the previous round relax their arcs, so a round costs the arcs of the nodes it changed (at most
/// maxHops × arcs in all). Costs are non-negative, so the least walk of at most h hops costs what the least simple
/// route of at most h hops does: dropping a loop never costs more or takes more hops. Unlike the Dijkstra tree, a
/// cheap route that is too long cannot hide a dearer short one.
/// </remarks>
internal static class HopBoundedCosts
{
    /// <summary>Least cost in nano-nats from each node to <paramref name="target"/> within <paramref name="maxHops"/> hops; <see cref="long.MaxValue"/> when none.</summary>
    public static long[] Toward(CostGraph graph, int target, int maxHops)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentOutOfRangeException.ThrowIfNegative(maxHops);
        var n = graph.NodeCount;
        var cost = new long[n];
        Array.Fill(cost, long.MaxValue);
        cost[target] = 0;
        // A round reads the previous round's costs of the nodes it relaxes from, never costs written this round.
        var previous = new long[n];
        var changed = new List<int> { target };
        var next = new List<int>();
        var marked = new bool[n];
        for (var round = 0; round < maxHops && changed.Count > 0; round++)
        {
            foreach (var v in changed)
            {
                previous[v] = cost[v];
            }
            next.Clear();
            foreach (var v in changed)
            {
                for (int a = graph.Offsets[v], last = graph.Offsets[v + 1]; a < last; a++)
                {
                    var u = graph.Neighbours[a];
                    var through = previous[v] + graph.Costs[a];
                    if (through < cost[u])
                    {
                        cost[u] = through;
                        if (!marked[u])
                        {
                            marked[u] = true;
                            next.Add(u);
                        }
                    }
                }
            }
            foreach (var u in next)
            {
                marked[u] = false;
            }
            (changed, next) = (next, changed);
        }
        return cost;
    }
}
