namespace GraphApi.Core.Layout;

/// <summary>Compact undirected adjacency (CSR) of a layout's pairs, for degrees and the starting order.</summary>
internal sealed class Adjacency
{
    private readonly int[] _offsets;
    private readonly int[] _neighbours;

    private Adjacency(int[] offsets, int[] neighbours)
    {
        _offsets = offsets;
        _neighbours = neighbours;
    }

    public int Nodes => _offsets.Length - 1;

    public static Adjacency Of(int nodes, int[] sources, int[] targets)
    {
        var offsets = new int[nodes + 1];
        foreach (var v in sources.Concat(targets))
        {
            offsets[v + 1]++;
        }
        for (var v = 0; v < nodes; v++)
        {
            offsets[v + 1] += offsets[v];
        }
        var fill = offsets[..^1];
        var neighbours = new int[offsets[nodes]];
        for (var k = 0; k < sources.Length; k++)
        {
            neighbours[fill[sources[k]]++] = targets[k];
            neighbours[fill[targets[k]]++] = sources[k];
        }
        return new Adjacency(offsets, neighbours);
    }

    public int Degree(int v) => _offsets[v + 1] - _offsets[v];

    /// <summary>Every node once: component by component, each from its highest-degree node (lowest index on ties), breadth first.</summary>
    public int[] BreadthFirstOrder()
    {
        var byDegree = Enumerable.Range(0, Nodes).OrderByDescending(Degree).ThenBy(v => v).ToArray();
        var seen = new bool[Nodes];
        var order = new int[Nodes];
        var tail = 0;
        foreach (var root in byDegree)
        {
            if (seen[root])
            {
                continue;
            }
            seen[root] = true;
            var head = tail;
            order[tail++] = root;
            while (head < tail)
            {
                var v = order[head++];
                for (var k = _offsets[v]; k < _offsets[v + 1]; k++)
                {
                    if (!seen[_neighbours[k]])
                    {
                        seen[_neighbours[k]] = true;
                        order[tail++] = _neighbours[k];
                    }
                }
            }
        }
        return order;
    }
}
