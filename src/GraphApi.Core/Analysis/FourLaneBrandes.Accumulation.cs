using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace GraphApi.Core.Analysis;

/// <summary>The batched Brandes' second half: per-lane closeness sums and the dependency accumulation.</summary>
internal sealed partial class FourLaneBrandes
{
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
            // Pull into step L, or push from step L + 1 when its arcs are much fewer (a push writes where a pull reads).
            // The deepest step has no successors: nothing to push, and its sums are the zeros _pushed already holds.
            var deeperArcs = step + 1 < _steps ? _stepArcs[step + 1] : 0;
            if (2 * deeperArcs < _stepArcs[step])
            {
                if (step + 1 < _steps)
                {
                    PushFromStep(step + 1);
                }
                for (var i = start; i < end; i++)
                {
                    successorSum[i] = _pushed[visits[i]];
                }
            }
            else
            {
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

    /// <summary>
    /// Adds each coefficient of step <paramref name="step"/>'s nodes to all their neighbours. Nothing needs clearing
    /// between steps: what lands in a lane where the receiver lies on the level being summed is exactly its
    /// successors' coefficients (other neighbours' coefficients in that lane were still zero when pushed), and
    /// every other lane is thrown away by the lane mask when the receiver's own step comes.
    /// </summary>
    private void PushFromStep(int step)
    {
        ref var pushed = ref MemoryMarshal.GetArrayDataReference(_pushed);
        for (var i = _stepStart[step]; i < _stepStart[step + 1]; i++)
        {
            var w = _visits[i];
            var coefficient = _coefficient[w];
            for (int a = _offsets[w], last = _offsets[w + 1]; a < last; a++)
            {
                Unsafe.Add(ref pushed, _neighbours[a]) += coefficient;
            }
        }
    }
}
