namespace GraphApi.Core.Analysis.Communities;

/// <summary>
/// Newman–Girvan modularity with a resolution γ on the unweighted simple graph, as NetworkX's
/// <c>modularity(G, communities, resolution=γ)</c> and igraph's <c>modularity(membership, resolution=γ)</c> define it:
/// Q = Σ_c [ L_c / m − γ·(K_c / 2m)² ], L_c the edges inside c, K_c the degrees summed over c, m the edge count.
/// A graph without edges has no modularity to speak of: 0 here (NetworkX divides by zero).
/// </summary>
internal static class Modularity
{
    public static double Of(SimpleGraph graph, int[] community, int communities, double resolution)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(community);
        double m = graph.EdgeCount;
        if (m == 0)
        {
            return 0;
        }
        var inside = new long[communities];
        var degrees = new long[communities];
        for (var v = 0; v < graph.NodeCount; v++)
        {
            degrees[community[v]] += graph.Degree(v);
            foreach (var w in graph.Neighbours(v))
            {
                if (community[w] == community[v])
                {
                    inside[community[v]]++;
                }
            }
        }
        double q = 0;
        for (var c = 0; c < communities; c++)
        {
            // Each inside edge was counted from both ends.
            var share = degrees[c] / (2 * m);
            q += inside[c] / (2 * m) - resolution * share * share;
        }
        return q;
    }
}
