using GraphApi.Core.Graph;

namespace GraphApi.Core.Analysis;

[Flags]
public enum CentralityMeasures
{
    None = 0,
    Degree = 1,
    Betweenness = 2,
    Closeness = 4,
    Constraint = 8,
    EffectiveSize = 16,
    All = Degree | Betweenness | Closeness | Constraint | EffectiveSize,
}

/// <summary>
/// What to compute. <paramref name="Weighted"/> makes betweenness and closeness use route costs −ln(strength) as
/// edge lengths, quantised to whole nano-nats exactly as the router compares them, so equally short paths are exact
/// integer ties (constraint and effective size stay unweighted). <paramref name="Sample"/> estimates betweenness
/// from that many pivot sources drawn with <paramref name="Seed"/>; null (or a sample of at least n) is exact.
/// <paramref name="Epsilon"/> instead estimates it from sampled shortest paths with the guarantee of
/// <see cref="BetweennessGuarantee"/> (failure probability <paramref name="Delta"/>, <see cref="DefaultDelta"/> when
/// null); unweighted only.
/// </summary>
public sealed record CentralityOptions(
    CentralityMeasures Measures, bool Weighted = false, int? Sample = null, int Seed = CentralityOptions.DefaultSeed,
    double? Epsilon = null, double? Delta = null)
{
    public const int DefaultSeed = 42;
    public const double DefaultDelta = 0.1;
}

/// <summary>
/// Measures per actor, indexed like the snapshot; arrays of measures that were not asked for are null.
/// <see cref="Pivots"/> is the number of sampled sources when betweenness was estimated from pivots, else null;
/// <see cref="Guarantee"/> is what an (ε, δ) estimate met, else null.
/// </summary>
public sealed record CentralityResult(
    GraphSnapshot Snapshot,
    CentralityOptions Options,
    int? Pivots,
    BetweennessGuarantee? Guarantee,
    IReadOnlyList<int> Degree,
    IReadOnlyList<double>? Betweenness,
    IReadOnlyList<double>? BetweennessNormalized,
    IReadOnlyList<double>? Closeness,
    IReadOnlyList<double?>? Constraint,
    IReadOnlyList<double?>? EffectiveSize,
    IReadOnlyList<int> Component);

/// <summary>
/// Degree, betweenness, closeness, Burt's constraint and effective size, and connected components, on the
/// undirected simple graph (see <see cref="SimpleGraph"/>). Definitions follow NetworkX for undirected graphs:
/// <list type="bullet">
/// <item>degree: the number of distinct neighbours;</item>
/// <item>betweenness: Σ over unordered pairs {s, t} (s ≠ v ≠ t) of σ_st(v) / σ_st — betweenness_centrality(normalized=False);
/// normalised: × 2 / ((n − 1)(n − 2)), NetworkX's normalized=True;</item>
/// <item>sampled betweenness: the sum over k pivot sources drawn with a fixed seed, scaled by n / k (an estimate, so its
/// normalised value may slightly exceed 1);</item>
/// <item>(ε, δ) betweenness: see <see cref="SampledBetweenness"/>;</item>
/// <item>closeness: closeness_centrality with the Wasserman–Faust scaling (see <see cref="ShortestPathPass"/>);</item>
/// <item>constraint and effective size: see <see cref="StructuralHoles"/>.</item>
/// </list>
/// </summary>
public static class Centrality
{
    public static CentralityResult Compute(GraphSnapshot snapshot, CentralityOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        snapshot = snapshot.Compacted();
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(options);
        var graph = SimpleGraph.From(snapshot);
        var n = graph.NodeCount;
        var wants = options.Measures;
        var betweenness = wants.HasFlag(CentralityMeasures.Betweenness);
        var closeness = wants.HasFlag(CentralityMeasures.Closeness);
        var paths = betweenness || closeness ? ShortestPaths(graph, options, betweenness, closeness, cancellationToken) : default;
        var (constraint, effectiveSize) = wants.HasFlag(CentralityMeasures.Constraint) || wants.HasFlag(CentralityMeasures.EffectiveSize)
            ? StructuralHoles.Compute(graph, cancellationToken)
            : (null, null);
        return new CentralityResult(
            snapshot,
            options,
            paths.Pivots,
            paths.Guarantee,
            [.. Enumerable.Range(0, n).Select(graph.Degree)],
            paths.Betweenness,
            paths.Betweenness is null ? null : Normalise(paths.Betweenness, n),
            paths.Closeness,
            wants.HasFlag(CentralityMeasures.Constraint) ? constraint : null,
            wants.HasFlag(CentralityMeasures.EffectiveSize) ? effectiveSize : null,
            Components.Label(graph));
    }

    private readonly record struct PathMeasures(double[]? Betweenness, double[]? Closeness, int? Pivots, BetweennessGuarantee? Guarantee);

    /// <summary>
    /// Betweenness (exact, from pivots, or (ε, δ)) and closeness (always exact). Exact betweenness and closeness share
    /// one pass over all sources; an estimate needs its own, and closeness then gets a pass of its own too.
    /// </summary>
    private static PathMeasures ShortestPaths(SimpleGraph simple, CentralityOptions options, bool betweenness, bool closeness, CancellationToken cancellationToken)
    {
        var graph = PackedGraph.From(simple);
        var n = graph.NodeCount;
        var guaranteed = betweenness && options.Epsilon is not null;
        if (guaranteed && options.Weighted)
        {
            throw new ArgumentException("(epsilon, delta) sampling estimates unweighted betweenness only", nameof(options));
        }
        var pivots = betweenness && !guaranteed && options.Sample is { } k && k < n ? Pivots(n, k, options.Seed) : null;
        var shared = !guaranteed && pivots is null;
        double[]? raw = null;
        double[]? closenessValues = null;
        BetweennessGuarantee? guarantee = null;
        if ((betweenness && !guaranteed) || (closeness && shared))
        {
            var pass = ShortestPathPass.Run(graph, pivots ?? AllNodes(n), options.Weighted, betweenness && !guaranteed, closeness && shared, cancellationToken);
            raw = pass.DependencySums;
            closenessValues = pass.Closeness;
        }
        if (raw is not null)
        {
            // Each unordered pair was counted from both ends; a sample stands for n / k times as many sources.
            var scale = 0.5 * (pivots is null ? 1.0 : (double)n / pivots.Length);
            for (var v = 0; v < n; v++)
            {
                raw[v] *= scale;
            }
        }
        if (guaranteed)
        {
            (raw, guarantee) = SampledBetweenness.Estimate(graph, options.Epsilon!.Value, options.Delta ?? CentralityOptions.DefaultDelta, options.Seed, cancellationToken);
        }
        if (closeness && !shared)
        {
            closenessValues = ShortestPathPass.Run(graph, AllNodes(n), options.Weighted, betweenness: false, closeness: true, cancellationToken).Closeness;
        }
        return new PathMeasures(raw, closenessValues, pivots?.Length, guarantee);
    }

    /// <summary>k distinct sources drawn by a partial Fisher–Yates shuffle seeded with <paramref name="seed"/>, in node order.</summary>
    internal static int[] Pivots(int n, int k, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        var nodes = AllNodes(n);
        var random = new Random(seed);
        for (var i = 0; i < k; i++)
        {
            var j = random.Next(i, n);
            (nodes[i], nodes[j]) = (nodes[j], nodes[i]);
        }
        var pivots = nodes[..k];
        Array.Sort(pivots);
        return pivots;
    }

    private static double[] Normalise(double[] raw, int n)
    {
        var scale = n > 2 ? 2.0 / ((n - 1.0) * (n - 2.0)) : 0.0;
        return [.. raw.Select(b => b * scale)];
    }

    private static int[] AllNodes(int n) => [.. Enumerable.Range(0, n)];
}
