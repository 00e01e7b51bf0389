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
    /// From the deepest level up: δ(v) = σ(v) · Σ over v's neighbours of their coefficients (only the next level's
    /// are non-zero in v's lanes yet), added to v's dependency; then the level's coefficients (1 + δ)/σ are written.
    /// </summary>
    private void Accumulate(double[] dependencies)
    {
        // Unchecked references throughout: nodes and arcs come from the graph, list positions from the search.
        ref var offsets = ref MemoryMarshal.GetArrayDataReference(_offsets);
        ref var neighbours = ref MemoryMarshal.GetArrayDataReference(_neighbours);
        ref var listedNode = ref MemoryMarshal.GetArrayDataReference(_listedNode);
        ref var listedLanes = ref MemoryMarshal.GetArrayDataReference(_listedLanes);
        ref var levelSums = ref MemoryMarshal.GetArrayDataReference(_levelSums);
        ref var dependency = ref MemoryMarshal.GetArrayDataReference(dependencies);
        ref var sigma = ref _sigma.First;
        ref var coefficients = ref _coefficient.First;
        for (var level = _levels - 1; level >= 1; level--)
        {
            int start = _levelStart[level], end = _levelStart[level + 1];
            for (var i = start; i < end; i++)
            {
                var v = Unsafe.Add(ref listedNode, i);
                // Four sums, so consecutive additions do not wait for each other (arcs come in padded groups of four).
                TLanes s0 = TLanes.Zero, s1 = TLanes.Zero, s2 = TLanes.Zero, s3 = TLanes.Zero;
                for (int a = Unsafe.Add(ref offsets, v), last = Unsafe.Add(ref offsets, v + 1); a < last; a += ArcGroup)
                {
                    s0 += Unsafe.Add(ref coefficients, Unsafe.Add(ref neighbours, a));
                    s1 += Unsafe.Add(ref coefficients, Unsafe.Add(ref neighbours, a + 1));
                    s2 += Unsafe.Add(ref coefficients, Unsafe.Add(ref neighbours, a + 2));
                    s3 += Unsafe.Add(ref coefficients, Unsafe.Add(ref neighbours, a + 3));
                }
                var paths = Unsafe.Add(ref sigma, v);
                var delta = TLanes.Keep(Unsafe.Add(ref listedLanes, i), paths * ((s0 + s1) + (s2 + s3)));
                Unsafe.Add(ref dependency, v) += TLanes.Sum(delta);
                Unsafe.Add(ref levelSums, i - start) = (TLanes.One + delta) / paths;
            }
            for (var i = start; i < end; i++)
            {
                ref var coefficient = ref Unsafe.Add(ref coefficients, Unsafe.Add(ref listedNode, i));
                coefficient = TLanes.Select(Unsafe.Add(ref listedLanes, i), Unsafe.Add(ref levelSums, i - start), coefficient);
            }
        }
    }

    private void Reset()
    {
        // A batch that listed most nodes (any connected graph) is undone faster by clearing whole arrays in order
        // than by writing at each listed node's scattered place, once per level it was listed on.
        if (_listed >= _seen.Length / 2)
        {
            _sigma.Span.Clear();
            _coefficient.Span.Clear();
            Array.Clear(_seen);
            _seen[^1] = ushort.MaxValue;
            return;
        }
        for (var i = 0; i < _listed; i++)
        {
            var v = _listedNode[i];
            _sigma.Span[v] = TLanes.Zero;
            _coefficient.Span[v] = TLanes.Zero;
            _seen[v] = 0;
        }
    }
}
