using GraphApi.Core.Graph;

namespace GraphApi.Core.Routing;

/// <summary>
/// The plain shortest path by number of hops, every relationship usable both ways, no decay or filters. Among
/// equally short paths the lexicographically smallest actor-id sequence wins; each hop uses the strongest tie
/// between its two actors (then the smallest relationship id). From several actors it is the fewest hops from any
/// of them: the id-sequence rule then picks, among the nearest, the one first in id order. Such a path never passes
/// through another of them, which would be nearer.
/// </summary>
public static class FewestHops
{
    public static Route? Find(GraphSnapshot graph, string fromId, string toId, CancellationToken cancellationToken = default) =>
        Find(graph, [fromId], toId, cancellationToken);

    public static Route? Find(GraphSnapshot graph, IReadOnlyList<string> fromIds, string toId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(fromIds);
        var sources = fromIds.Select(graph.IndexOf).ToHashSet();
        var to = graph.IndexOf(toId);
        if (sources.Contains(to))
        {
            return new Route([to], [], [], []);
        }
        // Distances are measured from the target so that walking forward from the source can pick, at each step,
        // the smallest-id neighbour that is one hop closer: that yields the smallest id sequence.
        var distance = new int[graph.ActorSlots];
        Array.Fill(distance, -1);
        distance[to] = 0;
        var queue = new Queue<int>();
        queue.Enqueue(to);
        var visited = 0;
        var from = -1;
        // Once the nearest source is found at distance d, the rest of its layer still comes from the actors at d − 1
        // in the queue: every source at distance d is known when the first actor at d is taken out.
        while (queue.TryDequeue(out var v) && (from < 0 || distance[v] < distance[from]))
        {
            if (++visited % 4096 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
            foreach (var w in graph.Arcs(v).Targets)
            {
                if (distance[w] < 0)
                {
                    distance[w] = distance[v] + 1;
                    queue.Enqueue(w);
                    if (sources.Contains(w) && (from < 0 || graph.CompareActors(w, from) < 0))
                    {
                        from = w;
                    }
                }
            }
        }
        return from < 0 ? null : Walk(graph, from, distance);
    }

    private static Route Walk(GraphSnapshot graph, int from, int[] distance)
    {
        var hops = distance[from];
        var actors = new int[hops + 1];
        var relationships = new int[hops];
        var strengths = new double[hops];
        var costs = new double[hops];
        actors[0] = from;
        for (var i = 0; i < hops; i++)
        {
            var (next, relationship) = BestStep(graph, actors[i], distance[actors[i]] - 1, distance);
            actors[i + 1] = next;
            relationships[i] = relationship;
            strengths[i] = graph.BaseStrength(relationship);
            costs[i] = HopCosts.CostOf(strengths[i]);
        }
        return new Route(actors, relationships, strengths, costs);
    }

    private static (int Next, int Relationship) BestStep(GraphSnapshot graph, int v, int wantedDistance, int[] distance)
    {
        int next = -1, best = -1;
        var arcs = graph.Arcs(v);
        for (var arc = 0; arc < arcs.Length; arc++)
        {
            var w = arcs.Targets[arc];
            if (distance[w] != wantedDistance || (next >= 0 && graph.CompareActors(w, next) > 0))
            {
                continue;
            }
            var relationship = arcs.Relationships[arc];
            if (next < 0 || graph.CompareActors(w, next) < 0 || IsStronger(graph, relationship, best))
            {
                next = w;
                best = relationship;
            }
        }
        return (next, best);
    }

    private static bool IsStronger(GraphSnapshot graph, int relationship, int than)
    {
        var c = graph.BaseStrength(relationship).CompareTo(graph.BaseStrength(than));
        return c > 0 || (c == 0 && graph.CompareRelationships(relationship, than) < 0);
    }
}
