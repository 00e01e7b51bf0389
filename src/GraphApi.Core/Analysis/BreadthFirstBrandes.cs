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
/// path counts σ and coefficients (1 + δ)/σ for the whole batch sit side by side in one block (a cache line for eight
/// lanes), so an arc is read once per batch and one vector operation does every lane's work. Sources next to each
/// other in the packed order are close in the graph, so a node lies on nearly the same level for every source of a
/// batch (about two levels per node for eight lanes on the service's graphs).
/// <para>
/// Level L lists each node that is L hops from at least one source of the batch, with the set of those sources'
/// lanes (one byte). The levels come from a bit-parallel breadth-first search on one byte per node, the lanes that
/// reached it, which stays in the first-level cache; the walk that sums a level's path counts marks the next level on
/// the way. Both passes over the arcs only pull, with no distance test and no predecessor lists: in a lane where v
/// lies on level L its neighbours lie on L − 1, L or L + 1, and of those only the ones on L − 1 (going down) or on
/// L + 1 (coming back) hold a non-zero value in the half being read (see <see cref="Parity"/>). Lanes where v lies on
/// another level are summed too and thrown away.
/// </para>
/// </summary>
internal sealed partial class BreadthFirstBrandes<TLanes> : BrandesSearch where TLanes : struct, ILaneBlock<TLanes>
{
    private const int ArcGroup = 8;

    private readonly int _nodes;
    private readonly int[] _offsets;
    private readonly int[] _neighbours;
    // σ and coefficients, each in two halves of _nodes + 1 blocks: level L writes half L mod 2 and reads the other, so
    // a level's values can be written as soon as they are summed (see Parity).
    private readonly AlignedBlocks<TLanes> _sigma;
    private readonly AlignedBlocks<TLanes> _coefficient;
    // Per node, the lanes that have reached it, and the lanes whose current level has an arc to it.
    private readonly byte[] _seen;
    private readonly byte[] _marked;
    // Level L lists (_listedNode[i], _listedLanes[i]) for i in _levelStart[L] .. _levelStart[L + 1].
    private readonly int[] _listedNode;
    private readonly byte[] _listedLanes;
    private readonly int[] _levelStart;
    private int _levels;
    private int _listed;

    public BreadthFirstBrandes(PackedGraph graph)
    {
        _nodes = graph.NodeCount;
        (_offsets, _neighbours) = PadArcs(graph.Offsets, graph.Neighbours, _nodes);
        // Node _nodes is the padding: its σ and coefficients stay zero, and every lane has always seen it.
        _sigma = new AlignedBlocks<TLanes>(2 * (_nodes + 1));
        _coefficient = new AlignedBlocks<TLanes>(2 * (_nodes + 1));
        _seen = new byte[_nodes + 1];
        _marked = new byte[_nodes + 1];
        _seen[_nodes] = byte.MaxValue;
        _listedNode = new int[TLanes.Width * _nodes];
        _listedLanes = new byte[TLanes.Width * _nodes];
        _levelStart = new int[_nodes + 2];
    }

    public override int BatchSize => TLanes.Width;

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
        Reset(accumulated: dependencies is not null);
    }

    /// <summary>
    /// Each node's arcs padded with arcs to <paramref name="padding"/> (whose blocks stay zero) up to a multiple of
    /// <see cref="ArcGroup"/>, so the pulls read eight arcs per step into four independent sums and their loop runs
    /// once for three nodes in four on the service's graphs: far fewer mispredicted loop exits than a loop over the
    /// exact degree, for reads of a block that stays in the first-level cache.
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

    /// <summary>
    /// The half of σ or of the coefficients that level <paramref name="level"/> writes. In a lane where v lies on
    /// level L its neighbours lie on L − 1, L or L + 1, so going down level L reads only half (L − 1) mod 2, where the
    /// neighbours on L + 1 are not written yet (zero) and those on L − 1 are complete; coming back it reads half
    /// (L + 1) mod 2, where those on L − 1 are still zero. Neighbours on L itself are in the half being written and
    /// never read, so each node's value is written as soon as it is summed, with no second pass over the level.
    /// </summary>
    private ref TLanes Parity(AlignedBlocks<TLanes> blocks, int level) => ref Unsafe.Add(ref blocks.First, (level & 1) * (_nodes + 1));

    private void Search(ReadOnlySpan<int> sources)
    {
        var active = (1 << sources.Length) - 1;
        _listed = 0;
        ref var sigma = ref Parity(_sigma, 0);
        for (var lane = 0; lane < sources.Length; lane++)
        {
            var s = sources[lane];
            _listedNode[_listed] = s;
            _listedLanes[_listed++] = (byte)(1 << lane);
            _seen[s] |= (byte)(1 << lane);
            Unsafe.Add(ref sigma, s) = TLanes.Select(1 << lane, TLanes.One, Unsafe.Add(ref sigma, s));
        }
        _levelStart[0] = 0;
        _levelStart[1] = _listed;
        var level = 0;
        while (_levelStart[level + 1] > _levelStart[level])
        {
            int start = _levelStart[level], end = _levelStart[level + 1];
            if (level == 0)
            {
                Mark(start, end);
            }
            else
            {
                PullPathCounts(start, end, ref Parity(_sigma, level - 1), ref Parity(_sigma, level));
            }
            level++;
            // A level with few arcs marks few nodes: walking its arcs again beats scanning every node's mark (a long
            // path has as many levels as nodes).
            _levelStart[level + 1] = end - start < _nodes / 64 ? ListFromArcs(start, end, active) : ListMarked(active);
        }
        _levels = level;
    }

    /// <summary>Level 0 (the sources, whose path counts are set): only marks the next level.</summary>
    private void Mark(int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            var v = _listedNode[i];
            for (int a = _offsets[v], last = _offsets[v + 1]; a < last; a++)
            {
                _marked[_neighbours[a]] |= _listedLanes[i];
            }
        }
    }

    /// <summary>
    /// σ(v) = Σ σ(w) over v's neighbours for each listed v of the level, written to v's lanes on the level. Marks v's
    /// lanes on each neighbour on the way, which is how the next level is found.
    /// </summary>
    private void PullPathCounts(int start, int end, ref TLanes read, ref TLanes write)
    {
        // Unchecked references throughout: nodes and arcs come from the graph, list positions from the search.
        ref var offsets = ref MemoryMarshal.GetArrayDataReference(_offsets);
        ref var neighbours = ref MemoryMarshal.GetArrayDataReference(_neighbours);
        ref var listedNode = ref MemoryMarshal.GetArrayDataReference(_listedNode);
        ref var listedLanes = ref MemoryMarshal.GetArrayDataReference(_listedLanes);
        ref var marked = ref MemoryMarshal.GetArrayDataReference(_marked);
        for (nint i = start; i < end; i++)
        {
            nint v = Unsafe.Add(ref listedNode, i);
            var lanes = Unsafe.Add(ref listedLanes, i);
            // Four sums, so consecutive additions do not wait for each other.
            TLanes s0 = TLanes.Zero, s1 = TLanes.Zero, s2 = TLanes.Zero, s3 = TLanes.Zero;
            for (nint a = Unsafe.Add(ref offsets, v), last = Unsafe.Add(ref offsets, v + 1); a < last; a += ArcGroup)
            {
                nint w0 = Unsafe.Add(ref neighbours, a), w1 = Unsafe.Add(ref neighbours, a + 1);
                nint w2 = Unsafe.Add(ref neighbours, a + 2), w3 = Unsafe.Add(ref neighbours, a + 3);
                nint w4 = Unsafe.Add(ref neighbours, a + 4), w5 = Unsafe.Add(ref neighbours, a + 5);
                nint w6 = Unsafe.Add(ref neighbours, a + 6), w7 = Unsafe.Add(ref neighbours, a + 7);
                s0 += Unsafe.Add(ref read, w0);
                s1 += Unsafe.Add(ref read, w1);
                s2 += Unsafe.Add(ref read, w2);
                s3 += Unsafe.Add(ref read, w3);
                s0 += Unsafe.Add(ref read, w4);
                s1 += Unsafe.Add(ref read, w5);
                s2 += Unsafe.Add(ref read, w6);
                s3 += Unsafe.Add(ref read, w7);
                Unsafe.Add(ref marked, w0) |= lanes;
                Unsafe.Add(ref marked, w1) |= lanes;
                Unsafe.Add(ref marked, w2) |= lanes;
                Unsafe.Add(ref marked, w3) |= lanes;
                Unsafe.Add(ref marked, w4) |= lanes;
                Unsafe.Add(ref marked, w5) |= lanes;
                Unsafe.Add(ref marked, w6) |= lanes;
                Unsafe.Add(ref marked, w7) |= lanes;
            }
            ref var paths = ref Unsafe.Add(ref write, v);
            paths = TLanes.Select(lanes, (s0 + s1) + (s2 + s3), paths);
        }
    }

    /// <summary>Lists the next level from every node's mark: the lanes that reached it just now.</summary>
    private int ListMarked(int active)
    {
        var listed = _listed;
        ref var marked = ref MemoryMarshal.GetArrayDataReference(_marked);
        var v = 0;
        for (; v + Vector256<byte>.Count <= _nodes; v += Vector256<byte>.Count)
        {
            var marks = Vector256.LoadUnsafe(ref marked, (nuint)v);
            if (marks == Vector256<byte>.Zero)
            {
                continue;
            }
            Vector256<byte>.Zero.StoreUnsafe(ref marked, (nuint)v);
            var fresh = Vector256.AndNot(marks, Vector256.LoadUnsafe(ref _seen[0], (nuint)v)) & Vector256.Create((byte)active);
            for (var bits = Vector256.GreaterThan(fresh, Vector256<byte>.Zero).ExtractMostSignificantBits(); bits != 0; bits &= bits - 1)
            {
                var offset = System.Numerics.BitOperations.TrailingZeroCount(bits);
                listed = List(v + offset, fresh.GetElement(offset), listed);
            }
        }
        for (; v < _nodes; v++)
        {
            var fresh = _marked[v] & ~_seen[v] & active;
            _marked[v] = 0;
            if (fresh != 0)
            {
                listed = List(v, fresh, listed);
            }
        }
        _listed = listed;
        return listed;
    }

    /// <summary>Lists the next level from the neighbours of the level's nodes, in the order the walk meets them.</summary>
    private int ListFromArcs(int start, int end, int active)
    {
        var listed = _listed;
        for (var i = start; i < end; i++)
        {
            var v = _listedNode[i];
            for (int a = _offsets[v], last = _offsets[v + 1]; a < last; a++)
            {
                var w = _neighbours[a];
                var fresh = _marked[w] & ~_seen[w] & active;
                _marked[w] = 0;
                if (fresh != 0)
                {
                    listed = List(w, fresh, listed);
                }
            }
        }
        _listed = listed;
        return listed;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int List(int node, int lanes, int listed)
    {
        _seen[node] |= (byte)lanes;
        _listedNode[listed] = node;
        _listedLanes[listed] = (byte)lanes;
        return listed + 1;
    }
}
