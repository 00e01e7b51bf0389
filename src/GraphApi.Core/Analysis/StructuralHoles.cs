namespace GraphApi.Core.Analysis;

/// <summary>
/// Burt's structural-hole measures with NetworkX's definitions for an undirected, unweighted graph, where the
/// proportional tie p(u, v) is 1 / degree(u) for each neighbour v:
/// <list type="bullet">
/// <item>constraint(v) = Σ_{j ∈ N(v)} ( p(v, j) + Σ_{q ∈ N(v) ∩ N(j)} p(v, q) · p(q, j) )²;</item>
/// <item>effective size(v) = d − 2t / d, with d = degree(v) and t the ties among v's neighbours (Borgatti's form).</item>
/// </list>
/// Both are undefined for an isolate (NetworkX gives NaN): null here.
/// </summary>
internal static class StructuralHoles
{
    public static (double?[] Constraint, double?[] EffectiveSize) Compute(SimpleGraph graph, CancellationToken cancellationToken)
    {
        var n = graph.NodeCount;
        var constraint = new double?[n];
        var effectiveSize = new double?[n];
        var options = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount, TaskScheduler = TaskScheduler.Current };
        // marks[q] == v + 1 says "q is a neighbour of v"; stamps are unique per ego, so the array never needs clearing.
        Parallel.For(0, n, options, () => new int[n], (v, _, marks) =>
        {
            var d = graph.Degree(v);
            if (d == 0)
            {
                return marks;
            }
            foreach (var q in graph.Neighbours(v))
            {
                marks[q] = v + 1;
            }
            double sum = 0;
            long sharedTies = 0;
            foreach (var j in graph.Neighbours(v))
            {
                double indirect = 0;
                foreach (var q in graph.Neighbours(j))
                {
                    if (marks[q] == v + 1)
                    {
                        sharedTies++;
                        indirect += 1.0 / graph.Degree(q);
                    }
                }
                var local = (1.0 + indirect) / d;
                sum += local * local;
            }
            constraint[v] = sum;
            // Each tie among neighbours was seen from both of its ends: sharedTies = 2t.
            effectiveSize[v] = d - (double)sharedTies / d;
            return marks;
        }, _ => { });
        return (constraint, effectiveSize);
    }
}
