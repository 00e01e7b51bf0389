namespace GraphApi.Core.Analysis;

/// <summary>
/// Route costs as the introduction routes define them: a hop of strength s costs −ln s, so the least total cost
/// is the most probable chain of introductions. Sums of logarithms reached along different paths can differ in
/// the last bits, so two costs count as equal when they agree to a relative 1e-9.
/// </summary>
public static class RouteCost
{
    private const double RelativeTolerance = 1e-9;

    public static double Of(double strength) => -Math.Log(strength);

    public static bool Equal(double a, double b) =>
        Math.Abs(a - b) <= RelativeTolerance * Math.Max(1.0, Math.Max(Math.Abs(a), Math.Abs(b)));

    /// <summary>True when <paramref name="a"/> is smaller than <paramref name="b"/> beyond the tolerance.</summary>
    public static bool Less(double a, double b) => a < b && !Equal(a, b);
}
