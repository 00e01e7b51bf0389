namespace GraphApi.Core.Routing;

/// <summary>
/// Scratch arrays for route searches, reused across queries so a query allocates almost nothing.
/// Marks are "stamps": an entry counts only when it equals the current generation, so starting a search is O(1)
/// instead of clearing arrays the size of the graph.
/// </summary>
/// <remarks>
/// Workspaces sit in one process-wide pool, not one per thread: a web server runs requests on whichever pool thread
/// is free, so a per-thread cache left each of dozens of threads holding its own ~11 MB (at 100k actors) and made
/// most requests allocate and fault in a fresh one. The pool hands out the most recently returned workspace, whose
/// arrays are still warm in the cache, and keeps no more than the searches that can run at once.
/// </remarks>
internal sealed class SearchWorkspace
{
    private static readonly ScratchPool<SearchWorkspace> s_pool = new(() => new SearchWorkspace(), Math.Max(2, Environment.ProcessorCount * 2));

    private int _generation;

    // Node state of the running search: settled hop count and best pushed label.
    public int[] NodeStamp = [];
    public byte[] MinSettledHops = [];
    public int[] BestPushed = [];

    // Query-level marks (stamped with the query generation).
    public int[] FromStamp = [];
    public int[] BlockedStamp = [];
    public int[] ExcludedTargetStamp = [];
    public int[] TargetMemoStamp = [];
    public bool[] TargetMemo = [];
    public int[] PotentialStamp = [];
    public long[] Potential = [];

    // Search-level marks (stamped with the search generation).
    public int[] RootStamp = [];
    public int[] PairStamp = [];
    public int[] CollectedStamp = [];

    // The bidirectional search (stamped with its own generation): distances, settled marks, tight-hop counts.
    public int[] ForwardStamp = [];
    public long[] ForwardDistance = [];
    public int[] ForwardSettled = [];
    public int[] BackwardStamp = [];
    public long[] BackwardDistance = [];
    public int[] BackwardSettled = [];
    public int[] TightStamp = [];
    public int[] TightHops = [];
    public int[] TightNext = [];
    public int[] TightVia = [];
    public int[] TightQueue = new int[256];
    public int[] BackwardSettledList = new int[256];
    public int[] HopBoundStamp = [];
    public int[] HopBound = [];
    public int BackwardSettledCount;
    public RadixHeap ForwardHeap { get; } = new();
    public RadixHeap BackwardHeap { get; } = new();

    // Labels: one per pushed partial route, linked to their predecessor.
    public int[] LabelNode = new int[1024];
    public int[] LabelPred = new int[1024];
    public int[] LabelRelationship = new int[1024];
    public byte[] LabelHops = new byte[1024];
    public long[] LabelCost = new long[1024];
    public int LabelCount;

    // The label search's queue, in the route order. The BCL's heap: measured as fast as a hand-written one here
    // (docs/performance.md, "One heap").
    public PriorityQueue<int, LabelKey> Labels { get; }

    public LabelOrder Order { get; }

    private SearchWorkspace()
    {
        Order = new LabelOrder(this);
        Labels = new PriorityQueue<int, LabelKey>(1024, Order);
    }

    public static SearchWorkspace Rent(int nodeCount)
    {
        var workspace = s_pool.Rent();
        workspace.EnsureNodes(nodeCount);
        return workspace;
    }

    public static void Return(SearchWorkspace workspace) => s_pool.Return(workspace);

    /// <summary>A fresh stamp value; every mark made under an older one is void.</summary>
    public int NextGeneration()
    {
        if (_generation == int.MaxValue)
        {
            ClearStamps();
            _generation = 0;
        }
        return ++_generation;
    }

    public int AddLabel(int node, int pred, int relationship, int hops, long cost)
    {
        if (LabelCount == LabelNode.Length)
        {
            var size = LabelCount * 2;
            Array.Resize(ref LabelNode, size);
            Array.Resize(ref LabelPred, size);
            Array.Resize(ref LabelRelationship, size);
            Array.Resize(ref LabelHops, size);
            Array.Resize(ref LabelCost, size);
        }
        var label = LabelCount++;
        LabelNode[label] = node;
        LabelPred[label] = pred;
        LabelRelationship[label] = relationship;
        LabelHops[label] = (byte)hops;
        LabelCost[label] = cost;
        return label;
    }

    private void EnsureNodes(int count)
    {
        if (NodeStamp.Length >= count)
        {
            return;
        }
        NodeStamp = new int[count];
        MinSettledHops = new byte[count];
        BestPushed = new int[count];
        FromStamp = new int[count];
        BlockedStamp = new int[count];
        ExcludedTargetStamp = new int[count];
        TargetMemoStamp = new int[count];
        TargetMemo = new bool[count];
        PotentialStamp = new int[count];
        Potential = new long[count];
        RootStamp = new int[count];
        PairStamp = new int[count];
        CollectedStamp = new int[count];
        ForwardStamp = new int[count];
        ForwardDistance = new long[count];
        ForwardSettled = new int[count];
        BackwardStamp = new int[count];
        BackwardDistance = new long[count];
        BackwardSettled = new int[count];
        TightStamp = new int[count];
        TightHops = new int[count];
        TightNext = new int[count];
        TightVia = new int[count];
        HopBoundStamp = new int[count];
        HopBound = new int[count];
    }

    private void ClearStamps()
    {
        foreach (var stamps in (int[][])[NodeStamp, FromStamp, BlockedStamp, ExcludedTargetStamp, TargetMemoStamp, PotentialStamp, RootStamp, PairStamp, CollectedStamp,
            ForwardStamp, ForwardSettled, BackwardStamp, BackwardSettled, TightStamp, HopBoundStamp])
        {
            Array.Clear(stamps);
        }
    }
}
