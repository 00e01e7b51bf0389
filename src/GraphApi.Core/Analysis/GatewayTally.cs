namespace GraphApi.Core.Analysis;

/// <summary>
/// How far a sampled gateway share may be from the share over all sources: the ratio estimator's standard error
/// under simple random sampling of sources without replacement (Cochran, <i>Sampling Techniques</i>, §6.4, with the
/// finite-population correction), and the normal-approximation interval share ± 1.96 standard errors, clipped to
/// 0..1, which covers the true share about <see cref="Confidence"/> of the time when the sample is not tiny.
/// </summary>
public sealed record ShareError(double StandardError, double Low, double High)
{
    public const double Confidence = 0.95;

    /// <summary>The standard normal quantile for a two-sided <see cref="Confidence"/> interval.</summary>
    private const double Z = 1.959963984540054;

    public static ShareError Around(double share, double standardError) =>
        new(standardError, Math.Max(0, share - Z * standardError), Math.Min(1, share + Z * standardError));
}

/// <summary>
/// Sums over the searched sources: per node the routes it carries as an intermediate, and the pairs with a route.
/// For a sample it also sums what the standard error needs, per node Σ routes² and Σ routes × pairs (one term per
/// source) and Σ pairs². Everything is a whole number, so workers' tallies add up to the same totals in any order.
/// </summary>
internal sealed class GatewayTally(int n, bool sampled)
{
    private readonly long[]? _routesSquared = sampled ? new long[n] : null;
    private readonly long[]? _routesTimesPairs = sampled ? new long[n] : null;
    private long _pairsSquared;

    public long[] Routes { get; } = new long[n];

    public long Pairs { get; private set; }

    public bool IsSampled => _routesSquared is not null;

    /// <summary>One source's routes through <paramref name="node"/>; <paramref name="sourcePairs"/> is that source's pairs.</summary>
    public void AddRoutes(int node, long routes, long sourcePairs)
    {
        if (routes == 0)
        {
            return;
        }
        Routes[node] += routes;
        if (_routesSquared is not null)
        {
            _routesSquared[node] += routes * routes;
            _routesTimesPairs![node] += routes * sourcePairs;
        }
    }

    public void AddTree(long pairs)
    {
        Pairs += pairs;
        _pairsSquared += pairs * pairs;
    }

    public void Add(GatewayTally other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Pairs += other.Pairs;
        _pairsSquared += other._pairsSquared;
        AddAll(Routes, other.Routes);
        if (_routesSquared is not null)
        {
            AddAll(_routesSquared, other._routesSquared!);
            AddAll(_routesTimesPairs!, other._routesTimesPairs!);
        }
    }

    /// <summary>
    /// The error of node's share Σ routes / Σ pairs when <paramref name="sampled"/> of <paramref name="population"/>
    /// sources were searched: SE² = (1 − k/N) · k/(k − 1) · Σ (routes − share × pairs)² / (Σ pairs)².
    /// </summary>
    public ShareError Error(int node, int sampled, int population)
    {
        if (_routesSquared is null || sampled < 2 || Pairs == 0)
        {
            throw new InvalidOperationException("a share's error needs a tally of at least two sampled sources with a route");
        }
        var share = (double)Routes[node] / Pairs;
        // Σ (r − share·p)² expanded, so one pass over the sources was enough; rounding may leave a tiny negative.
        var residuals = Math.Max(0, _routesSquared[node] - 2 * share * _routesTimesPairs![node] + share * share * _pairsSquared);
        var unsampled = 1 - (double)sampled / population;
        var standardError = Math.Sqrt(unsampled * residuals * sampled / (sampled - 1)) / Pairs;
        return ShareError.Around(share, standardError);
    }

    private static void AddAll(long[] into, long[] from)
    {
        for (var i = 0; i < into.Length; i++)
        {
            into[i] += from[i];
        }
    }
}
