using GraphApi.Core.Domain;
using GraphApi.Core.Graph;

namespace GraphApi.Core.Layout;

/// <summary>
/// What the explorer's overview draws: the actors matching a filter (at most <c>limit</c> of them: the ones with
/// the most ties to other matching actors, then by id) and one edge per tied pair among them, laid out by
/// <see cref="ForceLayout"/>. Nodes are in id order; edges are index pairs (smaller index first), sorted.
/// </summary>
public sealed class OverviewGraph
{
    private OverviewGraph(int[] actors, int[] sources, int[] targets, int matching, float[] x, float[] y)
    {
        Actors = actors;
        Sources = sources;
        Targets = targets;
        Matching = matching;
        X = x;
        Y = y;
    }

    /// <summary>Snapshot actor slots, in id order.</summary>
    public IReadOnlyList<int> Actors { get; }

    /// <summary>Edge k joins Actors[Sources[k]] and Actors[Targets[k]] (one edge however many relationships tie them).</summary>
    public IReadOnlyList<int> Sources { get; }

    public IReadOnlyList<int> Targets { get; }

    /// <summary>How many actors matched the filter before the cap.</summary>
    public int Matching { get; }

    public bool Truncated => Matching > Actors.Count;

    public IReadOnlyList<float> X { get; }

    public IReadOnlyList<float> Y { get; }

    public static OverviewGraph Build(GraphSnapshot graph, Func<Actor, bool> include, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(include);
        var matching = graph.ActorSlotsInIdOrder().Where(slot => include(graph.ActorAt(slot))).ToArray();
        var kept = matching.Length <= limit ? matching : BestConnected(graph, matching, limit);
        var (sources, targets) = TiedPairs(graph, kept);
        var (x, y) = ForceLayout.Run(kept.Length, sources, targets, ForceLayout.IterationsFor(kept.Length), cancellationToken);
        return new OverviewGraph(kept, sources, targets, matching.Length, x, y);
    }

    /// <summary>The <paramref name="limit"/> actors with the most distinct neighbours among the matching ones, returned in id order.</summary>
    private static int[] BestConnected(GraphSnapshot graph, int[] matching, int limit)
    {
        var member = new HashSet<int>(matching);
        var degree = matching.Select(slot => DistinctNeighbours(graph, slot, member.Contains)).ToArray();
        var ranks = Enumerable.Range(0, matching.Length).OrderByDescending(i => degree[i]).ThenBy(i => i).Take(limit);
        return [.. ranks.Order().Select(i => matching[i])];
    }

    private static int DistinctNeighbours(GraphSnapshot graph, int slot, Func<int, bool> counts)
    {
        var arcs = graph.Arcs(slot);
        var count = 0;
        for (var k = 0; k < arcs.Length; k++)
        {
            var target = arcs.Targets[k];
            // Arcs are ordered by target, so repeated ties to one actor sit side by side.
            if (target != slot && (k == 0 || arcs.Targets[k - 1] != target) && counts(target))
            {
                count++;
            }
        }
        return count;
    }

    /// <summary>One (smaller index, larger index) pair per tied pair of kept actors, in index order.</summary>
    private static (int[] Sources, int[] Targets) TiedPairs(GraphSnapshot graph, int[] kept)
    {
        var indexOf = new Dictionary<int, int>(kept.Length);
        for (var i = 0; i < kept.Length; i++)
        {
            indexOf.Add(kept[i], i);
        }
        var sources = new List<int>();
        var targets = new List<int>();
        for (var i = 0; i < kept.Length; i++)
        {
            var neighbours = new SortedSet<int>();
            var arcs = graph.Arcs(kept[i]);
            for (var k = 0; k < arcs.Length; k++)
            {
                if (indexOf.TryGetValue(arcs.Targets[k], out var j) && j > i)
                {
                    neighbours.Add(j);
                }
            }
            foreach (var j in neighbours)
            {
                sources.Add(i);
                targets.Add(j);
            }
        }
        return ([.. sources], [.. targets]);
    }
}
