using GraphApi.Core.Analysis;

namespace GraphApi.Core.Tests.Analysis.Communities;

/// <summary>What the community tests score graphs with: the edge list a reference works from, and modularity by its definition.</summary>
internal static class CommunityGraphs
{
    /// <summary>Each undirected edge once, as (smaller, larger) node numbers.</summary>
    public static List<(int U, int V)> Edges(SimpleGraph graph)
    {
        var edges = new List<(int, int)>();
        for (var u = 0; u < graph.NodeCount; u++)
        {
            foreach (var v in graph.Neighbours(u))
            {
                if (u < v)
                {
                    edges.Add((u, v));
                }
            }
        }
        return edges;
    }

    /// <summary>Modularity from its definition, (1/2m) Σ_ij [A_ij − γ k_i k_j / 2m] δ(c_i, c_j), over all ordered pairs.</summary>
    public static double Modularity(SimpleGraph graph, IReadOnlyList<int> community, double resolution)
    {
        double twoM = 2 * graph.EdgeCount;
        double sum = 0;
        for (var i = 0; i < graph.NodeCount; i++)
        {
            var neighbours = new HashSet<int>(graph.Neighbours(i).ToArray());
            for (var j = 0; j < graph.NodeCount; j++)
            {
                if (community[i] == community[j])
                {
                    sum += (neighbours.Contains(j) ? 1 : 0) - resolution * graph.Degree(i) * graph.Degree(j) / twoM;
                }
            }
        }
        return sum / twoM;
    }

    /// <summary>Whether the actors of each community induce a connected subgraph (breadth-first search inside it).</summary>
    public static bool Connected(SimpleGraph graph, IReadOnlyList<int> community, int c)
    {
        var members = Enumerable.Range(0, graph.NodeCount).Where(v => community[v] == c).ToList();
        var seen = new HashSet<int> { members[0] };
        var queue = new Queue<int>([members[0]]);
        while (queue.TryDequeue(out var v))
        {
            foreach (var w in graph.Neighbours(v))
            {
                if (community[w] == c && seen.Add(w))
                {
                    queue.Enqueue(w);
                }
            }
        }
        return seen.Count == members.Count;
    }
}
