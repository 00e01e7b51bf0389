namespace GraphApi.Core.Analysis;

/// <summary>
/// Route costs as the introduction routes define them: a hop of strength s costs −ln s, so the least total cost
/// is the most probable chain of introductions. The searches compare them quantised to whole nano-nats
/// (<see cref="Routing.HopCosts.Quantise"/>), where sums are exact and equal costs are true ties.
/// </summary>
public static class RouteCost
{
    public static double Of(double strength) => -Math.Log(strength);
}
