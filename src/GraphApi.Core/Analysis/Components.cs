namespace GraphApi.Core.Analysis;

/// <summary>Connected components of the undirected graph.</summary>
internal static class Components
{
    /// <summary>
    /// Component number per node. Components are numbered 0, 1, … in the order of their first member by actor id,
    /// so the numbering is stable for a given graph.
    /// </summary>
    public static int[] Label(SimpleGraph graph)
    {
        var n = graph.NodeCount;
        var component = new int[n];
        Array.Fill(component, -1);
        var queue = new int[n];
        var next = 0;
        for (var start = 0; start < n; start++)
        {
            if (component[start] >= 0)
            {
                continue;
            }
            component[start] = next;
            queue[0] = start;
            int head = 0, tail = 1;
            while (head < tail)
            {
                foreach (var w in graph.Neighbours(queue[head++]))
                {
                    if (component[w] < 0)
                    {
                        component[w] = next;
                        queue[tail++] = w;
                    }
                }
            }
            next++;
        }
        return component;
    }
}
