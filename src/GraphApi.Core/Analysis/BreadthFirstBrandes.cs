using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace GraphApi.Core.Analysis;

/// <summary>
/// Unweighted Brandes for <see cref="Lanes"/> sources at once, one vector lane per source: a node's hop counts,
/// path counts and coefficients for the batch sit side by side, so each arc is read once for the whole batch and
/// one vector operation does every lane's work. Sources next to each other in the packed order are close in the
/// graph, so a node lies on nearly the same level for every source of a batch and the batch's searches step
/// through nearly the same nodes: per source, far fewer arcs are scanned than by one search at a time.
/// <para>
/// Step L lists every node that is L hops from at least one of the batch's sources. The search pushes path counts
/// from step L to step L + 1, masked to the lanes where the arc goes one level down. The accumulation pulls, and
/// needs no predecessor lists and no distance test: in a lane where v lies on level L its neighbours lie on level
/// L − 1, L or L + 1, and while step L is summed only deeper levels hold a non-zero coefficient (1 + δ(w)) / σ(w),
/// because step L's coefficients are written after the whole step has been summed. Lanes where v lies on another
/// level are summed too and thrown away.
/// </para>
/// </summary>
internal sealed class BreadthFirstBrandes : BrandesSearch
{
    public const int Lanes = 4;

    private static readonly Vector256<long> Unreached = Vector256.Create(-1L);

    private readonly int[] _offsets;
    private readonly int[] _neighbours;
    private readonly Vector256<long>[] _level;
    private readonly Vector256<double>[] _sigma;
    private readonly Vector256<double>[] _coefficient;
    // The step a node was last listed on, so a node reached in several lanes at once is listed once.
    private readonly int[] _stepOf;
    // Step L lists _visits[_stepStart[L] .. _stepStart[L + 1]); a node is listed once per distinct level it has.
    private readonly int[] _visits;
    private readonly int[] _stepStart;
    // Per entry of _visits: the sum of the node's neighbours' coefficients.
    private readonly Vector256<double>[] _successorSum;
    private int _steps;
    private int _listed;

    public BreadthFirstBrandes(PackedGraph graph)
    {
        var n = graph.NodeCount;
        _offsets = graph.Offsets;
        _neighbours = graph.Neighbours;
        _level = new Vector256<long>[n];
        _sigma = new Vector256<double>[n];
        _coefficient = new Vector256<double>[n];
        _stepOf = new int[n];
        _visits = new int[Lanes * n];
        _stepStart = new int[n + 2];
        _successorSum = new Vector256<double>[Lanes * n];
        Array.Fill(_level, Unreached);
        Array.Fill(_stepOf, -1);
    }

    public override int BatchSize => Lanes;

    public override void Run(ReadOnlySpan<int> sources, double[]? dependencies, Span<int> reached, Span<double> distanceSums)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sources.Length, Lanes);
        Search(sources);
        Summarise(sources.Length, reached, distanceSums);
        if (dependencies is not null)
        {
            Accumulate(dependencies);
        }
        Reset();
    }

    private void Search(ReadOnlySpan<int> sources)
    {
        var level = _level;
        var sigma = _sigma;
        var visits = _visits;
        var neighbours = _neighbours;
        ref var levels = ref MemoryMarshal.GetArrayDataReference(level);
        ref var counts = ref MemoryMarshal.GetArrayDataReference(sigma);
        var tail = 0;
        for (var lane = 0; lane < sources.Length; lane++)
        {
            var s = sources[lane];
            if (_stepOf[s] != 0)
            {
                _stepOf[s] = 0;
                visits[tail++] = s;
            }
            level[s] = level[s].WithElement(lane, 0);
            sigma[s] = sigma[s].WithElement(lane, 1.0);
        }
        int head = 0, steps = 0;
        _stepStart[0] = 0;
        while (head < tail)
        {
            var end = tail;
            _stepStart[++steps] = end;
            var current = Vector256.Create((long)steps - 1);
            var next = Vector256.Create((long)steps);
            for (; head < end; head++)
            {
                var v = visits[head];
                var here = Vector256.Equals(level[v], current);
                var paths = sigma[v] & here.AsDouble();
                for (int a = _offsets[v], last = _offsets[v + 1]; a < last; a++)
                {
                    var w = neighbours[a];
                    // Unchecked element references: w comes from the graph, and a bounds check per lane array per
                    // arc is measurable in this loop, the hottest of every exact betweenness run.
                    ref var found = ref Unsafe.Add(ref levels, w);
                    var fresh = here & Vector256.Equals(found, Unreached);
                    if (fresh != Vector256<long>.Zero)
                    {
                        found = Vector256.ConditionalSelect(fresh, next, found);
                        if (_stepOf[w] != steps)
                        {
                            _stepOf[w] = steps;
                            visits[tail++] = w;
                        }
                    }
                    Unsafe.Add(ref counts, w) += paths & Vector256.Equals(found, next).AsDouble();
                }
            }
        }
        // The last pass found nothing new: steps 0 … steps − 1 hold nodes.
        _steps = steps;
        _listed = tail;
    }

    /// <summary>Per lane, the nodes reached and the sum of their hop counts.</summary>
    private void Summarise(int lanes, Span<int> reached, Span<double> distanceSums)
    {
        var count = Vector256<long>.Zero;
        var hops = Vector256<long>.Zero;
        for (var step = 0; step < _steps; step++)
        {
            var onStep = Vector256.Create((long)step);
            for (var i = _stepStart[step]; i < _stepStart[step + 1]; i++)
            {
                var here = Vector256.Equals(_level[_visits[i]], onStep);
                count -= here;
                hops += onStep & here;
            }
        }
        for (var lane = 0; lane < lanes; lane++)
        {
            reached[lane] = (int)count[lane];
            distanceSums[lane] = hops[lane];
        }
    }

    private void Accumulate(double[] dependencies)
    {
        var visits = _visits;
        var neighbours = _neighbours;
        var coefficient = _coefficient;
        var successorSum = _successorSum;
        var one = Vector256.Create(1.0);
        ref var coefficients = ref MemoryMarshal.GetArrayDataReference(coefficient);
        for (var step = _steps - 1; step >= 1; step--)
        {
            int start = _stepStart[step], end = _stepStart[step + 1];
            for (var i = start; i < end; i++)
            {
                var v = visits[i];
                var sum = Vector256<double>.Zero;
                for (int a = _offsets[v], last = _offsets[v + 1]; a < last; a++)
                {
                    sum += Unsafe.Add(ref coefficients, neighbours[a]);
                }
                successorSum[i] = sum;
            }
            var onStep = Vector256.Create((long)step);
            for (var i = start; i < end; i++)
            {
                var v = visits[i];
                var here = Vector256.Equals(_level[v], onStep).AsDouble();
                var paths = _sigma[v];
                var delta = paths * successorSum[i] & here;
                // Lanes added in lane order: the same sum on every run.
                dependencies[v] += Vector256.Sum(delta);
                coefficient[v] = Vector256.ConditionalSelect(here, (one + delta) / paths, coefficient[v]);
            }
        }
    }

    private void Reset()
    {
        for (var i = 0; i < _listed; i++)
        {
            var v = _visits[i];
            _level[v] = Unreached;
            _sigma[v] = Vector256<double>.Zero;
            _coefficient[v] = Vector256<double>.Zero;
            _stepOf[v] = -1;
        }
    }
}
