using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace GraphApi.Core.Analysis;

/// <summary>The widest batched breadth-first Brandes this machine runs well.</summary>
internal static class BreadthFirstBrandes
{
    public static BrandesSearch For(PackedGraph graph) =>
        Vector512.IsHardwareAccelerated ? new BreadthFirstBrandes<EightLanes>(graph) : new BreadthFirstBrandes<FourLanes>(graph);
}

/// <summary>
/// Unweighted Brandes for a batch of sources at once, one lane of <typeparamref name="TLanes"/> per source: a node's
/// path counts σ and coefficients (1 + δ)/σ for the whole batch sit side by side, so an arc is read once per batch and
/// one vector operation does every lane's work. Sources next to each other in the packed order are close in the
/// graph, so a node lies on nearly the same level for every source of a batch.
/// <para>
/// Level L lists each node that is L hops from at least one source of the batch, with the set of those sources'
/// lanes. The levels themselves come from a bit-parallel breadth-first search on one byte per node (the lanes that
/// reached it), which stays in the first-level cache. Both passes over the arcs then only pull, with no distance test
/// and no predecessor lists: in a lane where v lies on level L its neighbours lie on L − 1, L or L + 1, so while level
/// L is summed only the neighbours on L − 1 (going down) or on L + 1 (coming back) hold a non-zero σ or coefficient,
/// because a level's own values are written only once the whole level has been summed. Lanes where v lies on another
/// level are summed too and thrown away. The level's walk over v's arcs also marks v's lanes on its neighbours, which
/// finds the next level.
/// </para>
/// </summary>
internal sealed partial class BreadthFirstBrandes<TLanes> : BrandesSearch where TLanes : struct, ILaneBlock<TLanes>
{
    private readonly int[] _offsets;
    private readonly int[] _neighbours;
    private readonly AlignedBlocks<TLanes> _sigma;
    private readonly AlignedBlocks<TLanes> _coefficient;
    // One level's sums, written back once the whole level has been summed.
    private readonly TLanes[] _levelSums;
    // Per node, the lanes that have reached it, and the lanes whose current level has an arc to it.
    private readonly ushort[] _seen;
    private readonly ushort[] _marked;
    // Level L lists (_listedNode[i], _listedLanes[i]) for i in _levelStart[L] .. _levelStart[L + 1].
    private readonly int[] _listedNode;
    private readonly ushort[] _listedLanes;
    private readonly int[] _levelStart;
    // Nodes marked by a level too small for a scan of every node's mark to pay.
    private readonly int[] _touched;
    private int _levels;
    private int _listed;

    public BreadthFirstBrandes(PackedGraph graph)
    {
        var n = graph.NodeCount;
        (_offsets, _neighbours) = PadArcs(graph.Offsets, graph.Neighbours, n);
        // Node n is the padding: its σ and coefficient stay zero, and every lane has always seen it.
        _sigma = new AlignedBlocks<TLanes>(n + 1);
        _coefficient = new AlignedBlocks<TLanes>(n + 1);
        _levelSums = new TLanes[n];
        _seen = new ushort[n + 1];
        _marked = new ushort[n + 1];
        _seen[n] = ushort.MaxValue;
        _listedNode = new int[TLanes.Width * n];
        _listedLanes = new ushort[TLanes.Width * n];
        _levelStart = new int[n + 2];
        _touched = new int[n];
    }

    public override int BatchSize => TLanes.Width;

    private const int ArcGroup = 4;

    /// <summary>
    /// Each node's arcs padded with arcs to <paramref name="padding"/> up to a multiple of <see cref="ArcGroup"/>, so
    /// the pulls read four arcs per step into four independent sums and their loops run one or two steps for most
    /// nodes: fewer mispredicted loop exits than a loop over the exact degree.
    /// </summary>
    private static (int[] Offsets, int[] Neighbours) PadArcs(int[] offsets, int[] neighbours, int padding)
    {
        var n = offsets.Length - 1;
        var padded = new int[n + 1];
        for (var v = 0; v < n; v++)
        {
            padded[v + 1] = padded[v] + (offsets[v + 1] - offsets[v] + ArcGroup - 1) / ArcGroup * ArcGroup;
        }
        var arcs = new int[padded[n]];
        for (var v = 0; v < n; v++)
        {
            var degree = offsets[v + 1] - offsets[v];
            Array.Copy(neighbours, offsets[v], arcs, padded[v], degree);
            Array.Fill(arcs, padding, padded[v] + degree, padded[v + 1] - padded[v] - degree);
        }
        return (padded, arcs);
    }

    public override void Run(ReadOnlySpan<int> sources, double[]? dependencies, Span<int> reached, Span<double> distanceSums)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sources.Length, TLanes.Width);
        Search(sources);
        if (!reached.IsEmpty)
        {
            Summarise(sources.Length, reached, distanceSums);
        }
        if (dependencies is not null)
        {
            Accumulate(dependencies);
        }
        Reset();
    }

    private void Search(ReadOnlySpan<int> sources)
    {
        var active = (1 << sources.Length) - 1;
        _listed = 0;
        for (var lane = 0; lane < sources.Length; lane++)
        {
            var s = sources[lane];
            _listedNode[_listed] = s;
            _listedLanes[_listed++] = (ushort)(1 << lane);
            _seen[s] |= (ushort)(1 << lane);
            _sigma.Span[s] = TLanes.Select(1 << lane, TLanes.One, _sigma.Span[s]);
        }
        _levelStart[0] = 0;
        _levelStart[1] = _listed;
        var level = 0;
        while (_levelStart[level + 1] > _levelStart[level])
        {
            int start = _levelStart[level], end = _levelStart[level + 1];
            long arcs = 0;
            for (var i = start; i < end; i++)
            {
                arcs += _offsets[_listedNode[i] + 1] - _offsets[_listedNode[i]];
            }
            // A level with few arcs marks few nodes: keep a list of them rather than scanning every node's mark
            // (a long path has as many levels as nodes).
            var sparse = arcs * 16 < _seen.Length;
            if (level == 0)
            {
                Mark(start, end, sparse);
            }
            else
            {
                PullPathCounts(start, end, sparse);
            }
            level++;
            _levelStart[level + 1] = sparse ? ListTouched(active) : ListMarked(active);
        }
        _levels = level;
    }

    /// <summary>Level 0 (the sources, whose path counts are set): only marks the next level.</summary>
    private void Mark(int start, int end, bool sparse)
    {
        var touched = 0;
        for (var i = start; i < end; i++)
        {
            var v = _listedNode[i];
            var lanes = _listedLanes[i];
            for (int a = _offsets[v], last = _offsets[v + 1]; a < last; a++)
            {
                var w = _neighbours[a];
                if (sparse && _marked[w] == 0)
                {
                    _touched[touched++] = w;
                }
                _marked[w] |= lanes;
            }
        }
        _touchedCount = touched;
    }

    private int _touchedCount;

    /// <summary>
    /// σ(v) = Σ σ(w) over v's neighbours, for each listed v of the level; then the level's sums are written to its
    /// lanes. Marks v's lanes on each neighbour on the way.
    /// </summary>
    private void PullPathCounts(int start, int end, bool sparse)
    {
        ref var offsets = ref MemoryMarshal.GetArrayDataReference(_offsets);
        ref var neighbours = ref MemoryMarshal.GetArrayDataReference(_neighbours);
        ref var listedNode = ref MemoryMarshal.GetArrayDataReference(_listedNode);
        ref var listedLanes = ref MemoryMarshal.GetArrayDataReference(_listedLanes);
        ref var levelSums = ref MemoryMarshal.GetArrayDataReference(_levelSums);
        ref var sigma = ref _sigma.First;
        ref var marked = ref MemoryMarshal.GetArrayDataReference(_marked);
        ref var touchedList = ref MemoryMarshal.GetArrayDataReference(_touched);
        var touched = 0;
        for (var i = start; i < end; i++)
        {
            var v = Unsafe.Add(ref listedNode, i);
            var lanes = Unsafe.Add(ref listedLanes, i);
            TLanes s0 = TLanes.Zero, s1 = TLanes.Zero, s2 = TLanes.Zero, s3 = TLanes.Zero;
            for (int a = Unsafe.Add(ref offsets, v), last = Unsafe.Add(ref offsets, v + 1); a < last; a += ArcGroup)
            {
                int w0 = Unsafe.Add(ref neighbours, a), w1 = Unsafe.Add(ref neighbours, a + 1);
                int w2 = Unsafe.Add(ref neighbours, a + 2), w3 = Unsafe.Add(ref neighbours, a + 3);
                s0 += Unsafe.Add(ref sigma, w0);
                s1 += Unsafe.Add(ref sigma, w1);
                s2 += Unsafe.Add(ref sigma, w2);
                s3 += Unsafe.Add(ref sigma, w3);
                if (sparse)
                {
                    touched = Touch(ref touchedList, touched, ref marked, w0);
                    touched = Touch(ref touchedList, touched, ref marked, w1);
                    touched = Touch(ref touchedList, touched, ref marked, w2);
                    touched = Touch(ref touchedList, touched, ref marked, w3);
                }
                Unsafe.Add(ref marked, w0) |= lanes;
                Unsafe.Add(ref marked, w1) |= lanes;
                Unsafe.Add(ref marked, w2) |= lanes;
                Unsafe.Add(ref marked, w3) |= lanes;
            }
            Unsafe.Add(ref levelSums, i - start) = (s0 + s1) + (s2 + s3);
        }
        _touchedCount = touched;
        for (var i = start; i < end; i++)
        {
            ref var paths = ref Unsafe.Add(ref sigma, Unsafe.Add(ref listedNode, i));
            paths = TLanes.Select(Unsafe.Add(ref listedLanes, i), Unsafe.Add(ref levelSums, i - start), paths);
        }
    }

    /// <summary>Appends w to the touched list if nothing has marked it yet (without a branch).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Touch(ref int touchedList, int touched, ref ushort marked, int w)
    {
        Unsafe.Add(ref touchedList, touched) = w;
        return touched + (Unsafe.Add(ref marked, w) == 0 ? 1 : 0);
    }

    /// <summary>Lists the next level from every node's mark: the lanes that reached it just now.</summary>
    private int ListMarked(int active)
    {
        var listed = _listed;
        var n = _marked.Length - 1;
        var v = 0;
        for (; v + Vector256<ushort>.Count <= n; v += Vector256<ushort>.Count)
        {
            var marks = Vector256.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(_marked), (nuint)v);
            if (marks == Vector256<ushort>.Zero)
            {
                continue;
            }
            var nonZero = Vector256.GreaterThan(marks, Vector256<ushort>.Zero).ExtractMostSignificantBits();
            Vector256<ushort>.Zero.StoreUnsafe(ref MemoryMarshal.GetArrayDataReference(_marked), (nuint)v);
            for (var bits = nonZero; bits != 0; bits &= bits - 1)
            {
                var w = v + System.Numerics.BitOperations.TrailingZeroCount(bits);
                var fresh = marks[w - v] & ~_seen[w] & active;
                if (fresh != 0)
                {
                    _seen[w] |= (ushort)fresh;
                    _listedNode[listed] = w;
                    _listedLanes[listed++] = (ushort)fresh;
                }
            }
        }
        for (; v < n; v++)
        {
            var fresh = _marked[v] & ~_seen[v] & active;
            _marked[v] = 0;
            if (fresh != 0)
            {
                _seen[v] |= (ushort)fresh;
                _listedNode[listed] = v;
                _listedLanes[listed++] = (ushort)fresh;
            }
        }
        _listed = listed;
        return listed;
    }

    /// <summary>Lists the next level from the nodes the level marked, in the order it first marked them.</summary>
    private int ListTouched(int active)
    {
        var listed = _listed;
        for (var i = 0; i < _touchedCount; i++)
        {
            var w = _touched[i];
            var fresh = _marked[w] & ~_seen[w] & active;
            _marked[w] = 0;
            if (fresh != 0)
            {
                _seen[w] |= (ushort)fresh;
                _listedNode[listed] = w;
                _listedLanes[listed++] = (ushort)fresh;
            }
        }
        _listed = listed;
        return listed;
    }
}
