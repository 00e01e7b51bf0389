using GraphApi.Core.Graph;

namespace GraphApi.Core.Routing;

/// <summary>
/// Queue key of a label: its cost so far (plus the cost still to go, under A*) and its hops; ties on both are broken
/// by the label's sequences (see <see cref="LabelOrder"/>).
/// </summary>
internal readonly record struct LabelKey(long Cost, int Hops, int Label);

/// <summary>
/// The route order (<see cref="RouteOrder"/>: least cost, then fewest hops, then actor-id sequence, then
/// relationship-id sequence) on the partial routes of a <see cref="LabelSearch"/>, read from the workspace's label
/// arrays. It orders the workspace's label queue, so it belongs to the workspace; each search names its snapshot.
/// </summary>
internal sealed class LabelOrder(SearchWorkspace workspace) : IComparer<LabelKey>
{
    // Routes have at most IntroductionQuery.MaxMaxHops hops; chains are unwound onto the stack.
    private const int MaxChain = 16;

    /// <summary>The snapshot of the search using the workspace (ids are compared in it).</summary>
    public GraphSnapshot? Graph { get; set; }

    public int Compare(LabelKey x, LabelKey y)
    {
        var c = RouteOrder.CompareCostThenHops(x.Cost, x.Hops, y.Cost, y.Hops);
        return c != 0 ? c : CompareSequences(x.Label, y.Label);
    }

    /// <summary>Two labels by their own cost and hops (no potentials), then sequences.</summary>
    public int Compare(int a, int b) =>
        Compare(new LabelKey(workspace.LabelCost[a], workspace.LabelHops[a], a), new LabelKey(workspace.LabelCost[b], workspace.LabelHops[b], b));

    /// <summary>Orders two labels by their actor sequences, then relationship sequences, from the start of the route.</summary>
    public int CompareSequences(int a, int b)
    {
        if (a == b)
        {
            return 0;
        }
        var graph = Graph ?? throw new InvalidOperationException("no search has named its snapshot");
        if (workspace.LabelHops[a] == workspace.LabelHops[b])
        {
            return CompareEqualLengths(graph, a, b);
        }
        Span<int> chainA = stackalloc int[MaxChain];
        Span<int> chainB = stackalloc int[MaxChain];
        var lengthA = Unwind(a, chainA);
        var lengthB = Unwind(b, chainB);
        var common = Math.Min(lengthA, lengthB);
        for (var i = 0; i < common; i++)
        {
            var c = graph.CompareActors(workspace.LabelNode[chainA[i]], workspace.LabelNode[chainB[i]]);
            if (c != 0)
            {
                return c;
            }
        }
        if (lengthA != lengthB)
        {
            return lengthA.CompareTo(lengthB);
        }
        for (var i = 1; i < common; i++)
        {
            var c = graph.CompareRelationships(workspace.LabelRelationship[chainA[i]], workspace.LabelRelationship[chainB[i]]);
            if (c != 0)
            {
                return c;
            }
        }
        return a.CompareTo(b);
    }

    /// <summary>
    /// <see cref="CompareSequences"/> for two chains of the same length, which is every comparison the label queue
    /// makes (it compares sequences only on equal cost and hops). Labels form a tree, so the two chains share a
    /// prefix of the very same labels (same actors, same ties) up to their last common ancestor; stepping back from
    /// both ends in lockstep finds it, and only the positions after it are compared, from the start, as the full
    /// comparison would. Siblings (the usual tie) cost one step instead of unwinding both chains.
    /// </summary>
    private int CompareEqualLengths(GraphSnapshot graph, int a, int b)
    {
        var last = workspace.LabelHops[a];
        Span<int> suffixA = stackalloc int[MaxChain];
        Span<int> suffixB = stackalloc int[MaxChain];
        var first = last + 1;
        while (first > 0 && a != b)
        {
            first--;
            suffixA[first] = a;
            suffixB[first] = b;
            a = workspace.LabelPred[a];
            b = workspace.LabelPred[b];
        }
        for (var i = first; i <= last; i++)
        {
            var c = graph.CompareActors(workspace.LabelNode[suffixA[i]], workspace.LabelNode[suffixB[i]]);
            if (c != 0)
            {
                return c;
            }
        }
        for (var i = Math.Max(first, 1); i <= last; i++)
        {
            var c = graph.CompareRelationships(workspace.LabelRelationship[suffixA[i]], workspace.LabelRelationship[suffixB[i]]);
            if (c != 0)
            {
                return c;
            }
        }
        return suffixA[last].CompareTo(suffixB[last]);
    }

    /// <summary>Writes the label's chain, source first, and returns its length.</summary>
    private int Unwind(int label, Span<int> chain)
    {
        var length = workspace.LabelHops[label] + 1;
        for (var i = length - 1; i >= 0; i--)
        {
            chain[i] = label;
            label = workspace.LabelPred[label];
        }
        return length;
    }
}
