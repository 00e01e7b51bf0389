namespace GraphApi.Core.Tests.Analysis.Communities;

/// <summary>
/// Louvain (Blondel et al. 2008) written plainly, as the baseline Leiden must not fall below: nodes in index order
/// move to the neighbouring community of best modularity gain until none moves, then communities become nodes of a
/// weighted graph (dictionaries, self-loops for inside weight) and it starts again, until a level moves nothing.
/// </summary>
internal static class ReferenceLouvain
{
    public static int[] Detect(int n, IReadOnlyList<(int U, int V)> edges, double resolution)
    {
        var membership = Enumerable.Range(0, n).ToArray();
        double m = edges.Count;
        if (m == 0)
        {
            return membership;
        }
        // Weighted adjacency per node; a self-loop key holds the inside weight once.
        var graph = Enumerable.Range(0, n).Select(_ => new Dictionary<int, double>()).ToList();
        foreach (var (u, v) in edges)
        {
            Add(graph, u, v, 1);
        }
        while (true)
        {
            var community = MoveNodes(graph, m, resolution);
            var groups = community.Distinct().Order().Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i);
            if (groups.Count == graph.Count)
            {
                return membership;
            }
            membership = [.. membership.Select(node => groups[community[node]])];
            var aggregate = Enumerable.Range(0, groups.Count).Select(_ => new Dictionary<int, double>()).ToList();
            for (var u = 0; u < graph.Count; u++)
            {
                foreach (var (v, w) in graph[u])
                {
                    // Each edge between distinct nodes is listed at both ends; a self-loop once.
                    if (u < v || u == v)
                    {
                        Add(aggregate, groups[community[u]], groups[community[v]], w);
                    }
                }
            }
            graph = aggregate;
        }
    }

    private static void Add(List<Dictionary<int, double>> graph, int u, int v, double w)
    {
        graph[u][v] = graph[u].GetValueOrDefault(v) + w;
        if (u != v)
        {
            graph[v][u] = graph[v].GetValueOrDefault(u) + w;
        }
    }

    private static int[] MoveNodes(List<Dictionary<int, double>> graph, double m, double resolution)
    {
        var n = graph.Count;
        var community = Enumerable.Range(0, n).ToArray();
        // A self-loop adds twice its weight to the node's degree.
        var strength = graph.Select((adjacent, u) => adjacent.Sum(p => p.Key == u ? 2 * p.Value : p.Value)).ToArray();
        var total = (double[])strength.Clone();
        var moved = true;
        while (moved)
        {
            moved = false;
            for (var u = 0; u < n; u++)
            {
                var own = community[u];
                total[own] -= strength[u];
                var links = new Dictionary<int, double> { [own] = 0 };
                foreach (var (v, w) in graph[u].Where(p => p.Key != u))
                {
                    links[community[v]] = links.GetValueOrDefault(community[v]) + w;
                }
                var best = own;
                var bestGain = links[own] - resolution * strength[u] * total[own] / (2 * m);
                foreach (var (c, w) in links)
                {
                    var gain = w - resolution * strength[u] * total[c] / (2 * m);
                    if (gain > bestGain + 1e-12)
                    {
                        (best, bestGain) = (c, gain);
                    }
                }
                total[best] += strength[u];
                community[u] = best;
                moved |= best != own;
            }
        }
        return community;
    }
}
