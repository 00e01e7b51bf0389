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
            var next = new SortedSet<int>();
            foreach (var v in layer)
            {
                for (int arc = graph.ArcStart(v), end = graph.ArcEnd(v); arc < end; arc++)
                {
                    var w = graph.ArcTarget(arc);
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
        var relationships = new SortedSet<int>();
        foreach (var node in nodes)
        {
            for (int arc = graph.ArcStart(node.Actor), end = graph.ArcEnd(node.Actor); arc < end; arc++)
            {
                if (distance.ContainsKey(graph.ArcTarget(arc)))
                {
                    relationships.Add(graph.ArcRelationship(arc));
                }
            }
        }
        return new Neighbourhood(nodes, [.. relationships], truncated);
    }
}

public sealed record NeighbourhoodNode(int Actor, int Depth);
