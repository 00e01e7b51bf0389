using GraphApi.Core.Graph;

namespace GraphApi.Core.Routing;

/// <summary>The actors within <c>depth</c> hops of a centre and every relationship among them, for a graph view.</summary>
public sealed record Neighbourhood(IReadOnlyList<NeighbourhoodNode> Nodes, IReadOnlyList<int> Relationships, bool Truncated)
{
    public const int MaxDepth = 3;

    /// <summary>
    /// Breadth-first from the centre, both directions. Nodes come nearest first, then by id; when more than
    /// <paramref name="limit"/> are in reach the farthest are cut and <see cref="Truncated"/> says so. Edges are the
    /// relationships whose both ends were kept, in relationship-id order.
    /// </summary>
    public static Neighbourhood Of(GraphSnapshot graph, string centreId, int depth, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentOutOfRangeException.ThrowIfLessThan(depth, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(depth, MaxDepth);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var centre = graph.IndexOf(centreId);
        var distance = new Dictionary<int, int> { [centre] = 0 };
        var layer = new List<int> { centre };
        var nodes = new List<NeighbourhoodNode> { new(centre, 0) };
        var truncated = false;
        for (var d = 1; d <= depth && layer.Count > 0 && !truncated; d++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var next = new SortedSet<int>(Comparer<int>.Create(graph.CompareActors));
            foreach (var v in layer)
            {
                foreach (var w in graph.Arcs(v).Targets)
                {
                    if (!distance.ContainsKey(w))
                    {
                        next.Add(w);
                    }
                }
            }
            layer = [];
            foreach (var w in next)
            {
                if (nodes.Count == limit)
                {
                    truncated = true;
                    break;
                }
                distance[w] = d;
                nodes.Add(new NeighbourhoodNode(w, d));
                layer.Add(w);
            }
        }
        var relationships = new SortedSet<int>(Comparer<int>.Create(graph.CompareRelationships));
        foreach (var node in nodes)
        {
            var arcs = graph.Arcs(node.Actor);
            for (var arc = 0; arc < arcs.Length; arc++)
            {
                if (distance.ContainsKey(arcs.Targets[arc]))
                {
                    relationships.Add(arcs.Relationships[arc]);
                }
            }
        }
        return new Neighbourhood(nodes, [.. relationships], truncated);
    }
}

public sealed record NeighbourhoodNode(int Actor, int Depth);
