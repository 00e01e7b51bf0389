using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace GraphApi.Core.Analysis;

/// <summary>The batched Brandes' second half: per-lane closeness sums, the dependency accumulation, the reset.</summary>
internal sealed partial class BreadthFirstBrandes<TLanes>
{
    /// <summary>Per lane, the nodes reached (the source included) and the sum of their hop counts.</summary>
    private void Summarise(int lanes, Span<int> reached, Span<double> distanceSums)
    {
        var count = TLanes.Zero;
        var hops = TLanes.Zero;
        for (var level = 0; level < _levels; level++)
        {
            var onLevel = TLanes.Fill(level);
            for (var i = _levelStart[level]; i < _levelStart[level + 1]; i++)
            {
                count += TLanes.Keep(_listedLanes[i], TLanes.One);
                hops += TLanes.Keep(_listedLanes[i], onLevel);
            }
        }
        for (var lane = 0; lane < lanes; lane++)
        {
            reached[lane] = (int)TLanes.Lane(count, lane);
            distanceSums[lane] = TLanes.Lane(hops, lane);
        }
    }

    /// <summary>
    /// From the deepest level up: δ(v) = σ(v) · S(v), S(v) the sum of v's neighbours' coefficients (only the next
    /// level's are non-zero in v's lanes: see Parity), is added to v's dependency, and v's coefficient
    /// (1 + δ(v))/σ(v) is written at once.
    /// </summary>
    private void Accumulate(double[] dependencies)
    {
        // Unchecked references throughout: nodes and arcs come from the graph, list positions from the search.
        ref var offsets = ref MemoryMarshal.GetArrayDataReference(_offsets);
        ref var neighbours = ref MemoryMarshal.GetArrayDataReference(_neighbours);
        ref var listedNode = ref MemoryMarshal.GetArrayDataReference(_listedNode);
        ref var listedLanes = ref MemoryMarshal.GetArrayDataReference(_listedLanes);
        ref var dependency = ref MemoryMarshal.GetArrayDataReference(dependencies);
        for (var level = _levels - 1; level >= 1; level--)
        {
            ref var sigma = ref Parity(_sigma, level);
            ref var read = ref Parity(_coefficient, level + 1);
            ref var write = ref Parity(_coefficient, level);
            for (nint i = _levelStart[level], end = _levelStart[level + 1]; i < end; i++)
            {
                nint v = Unsafe.Add(ref listedNode, i);
                var lanes = Unsafe.Add(ref listedLanes, i);
                TLanes s0 = TLanes.Zero, s1 = TLanes.Zero, s2 = TLanes.Zero, s3 = TLanes.Zero;
                for (nint a = Unsafe.Add(ref offsets, v), last = Unsafe.Add(ref offsets, v + 1); a < last; a += ArcGroup)
                {
                    s0 += Unsafe.Add(ref read, Unsafe.Add(ref neighbours, a));
                    s1 += Unsafe.Add(ref read, Unsafe.Add(ref neighbours, a + 1));
                    s2 += Unsafe.Add(ref read, Unsafe.Add(ref neighbours, a + 2));
                    s3 += Unsafe.Add(ref read, Unsafe.Add(ref neighbours, a + 3));
                    s0 += Unsafe.Add(ref read, Unsafe.Add(ref neighbours, a + 4));
                    s1 += Unsafe.Add(ref read, Unsafe.Add(ref neighbours, a + 5));
                    s2 += Unsafe.Add(ref read, Unsafe.Add(ref neighbours, a + 6));
                    s3 += Unsafe.Add(ref read, Unsafe.Add(ref neighbours, a + 7));
                }
                ref var pathsOfV = ref Unsafe.Add(ref sigma, v);
                var paths = pathsOfV;
                // The last read of v's σ on this level: clear it now, while its line is at hand.
                pathsOfV = TLanes.Keep(~lanes, paths);
                var delta = TLanes.Keep(lanes, paths * ((s0 + s1) + (s2 + s3)));
                Unsafe.Add(ref dependency, v) += TLanes.Sum(delta);
                // v's other lanes in this half are either on deeper levels, already read by every neighbour, or on
                // shallower ones, still zero: all can be written as zero.
                Unsafe.Add(ref write, v) = TLanes.Keep(lanes, (TLanes.One + delta) / paths);
            }
        }
    }

    /// <summary>
    /// Zeroes what the batch wrote and the accumulation did not: the coefficients (cleared whole, in order: faster than
    /// a scattered store per listing), the sources' σ, and the lanes that saw each node.
    /// </summary>
    private void Reset(bool accumulated)
    {
        if (!accumulated || _listed < _nodes / 2)
        {
            ResetListed();
            return;
        }
        _coefficient.Span.Clear();
        Array.Clear(_seen);
        _seen[_nodes] = byte.MaxValue;
        ref var sigma = ref Parity(_sigma, 0);
        for (var i = 0; i < _levelStart[1]; i++)
        {
            Unsafe.Add(ref sigma, _listedNode[i]) = TLanes.Zero;
        }
    }

    /// <summary>Zeroes the blocks of each listed node in its level's half, one store per listing.</summary>
    private void ResetListed()
    {
        ref var listedNode = ref MemoryMarshal.GetArrayDataReference(_listedNode);
        ref var seen = ref MemoryMarshal.GetArrayDataReference(_seen);
        for (var level = 0; level < _levels; level++)
        {
            ref var sigma = ref Parity(_sigma, level);
            ref var coefficient = ref Parity(_coefficient, level);
            for (nint i = _levelStart[level], end = _levelStart[level + 1]; i < end; i++)
            {
                nint v = Unsafe.Add(ref listedNode, i);
                Unsafe.Add(ref sigma, v) = TLanes.Zero;
                Unsafe.Add(ref coefficient, v) = TLanes.Zero;
                Unsafe.Add(ref seen, v) = 0;
            }
        }
    }
}
