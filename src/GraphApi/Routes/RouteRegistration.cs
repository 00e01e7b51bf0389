using GraphApi.Http.Input;

namespace GraphApi.Routes;

/// <summary>The closed sets the route questions name (beyond the domain's kinds, regions and relationship types).</summary>
public static class RouteSets
{
    /// <summary>Which strengths a route question counts: each relationship's own, or what the introduction ledger learned of it.</summary>
    public const string StrengthSource = "strength source";

    public const string Stated = "stated";
    public const string Learned = "learned";

    /// <summary>How a route's step travels its relationship: along the stored source → target, or against it.</summary>
    public const string Direction = "direction";

    public const string Forward = "forward";
    public const string Backward = "backward";

    public static IServiceCollection AddRouteSets(this IServiceCollection services) => services
        .AddClosedSet(StrengthSource, _ => [Stated, Learned])
        .AddClosedSet(Direction, _ => [Forward, Backward]);
}
