namespace GraphApi.Core.Analysis.Communities;

/// <summary>Each actor's ties inside its community and its participation coefficient across communities.</summary>
internal static class CommunityRoles
{
    /// <summary>
    /// Fills degree, neighbours in the own community, how many communities the neighbours are in, and the participation coefficient
    /// P_i = 1 − Σ_s (k_is / k_i)² (Guimerà and Amaral 2005; 0 for an isolate).
    /// </summary>
    public static void Measure(SimpleGraph graph, int[] community, int[] degree, int[] inside, int[] reach, double[] participation)
    {
        var perCommunity = new int[graph.NodeCount];
        var touched = new List<int>();
        for (var v = 0; v < graph.NodeCount; v++)
        {
            foreach (var w in graph.Neighbours(v))
            {
                if (perCommunity[community[w]]++ == 0)
                {
                    touched.Add(community[w]);
                }
            }
            var k = graph.Degree(v);
            degree[v] = k;
            inside[v] = perCommunity[community[v]];
            reach[v] = touched.Count;
            // P = (k² − Σ k_s²) / k² in whole numbers first, so an actor with 4 of 5 ties inside gets exactly 8/25.
            long squares = 0;
            foreach (var c in touched)
            {
                squares += (long)perCommunity[c] * perCommunity[c];
                perCommunity[c] = 0;
            }
            touched.Clear();
            participation[v] = k == 0 ? 0 : ((long)k * k - squares) / ((double)k * k);
        }
    }
}
