using GraphApi.Core.Domain;

namespace GraphApi.Core.Routing;

/// <summary>Where routes may end: one actor, or any actor the predicate accepts (never one of the <c>from</c> actors).</summary>
public sealed record RouteTarget
{
    private RouteTarget(string? actorId, Func<Actor, bool>? predicate)
    {
        ActorId = actorId;
        Predicate = predicate;
    }

    public string? ActorId { get; }
    public Func<Actor, bool>? Predicate { get; }

    public static RouteTarget Actor(string id) => new(id, null);

    public static RouteTarget Matching(Func<Actor, bool> predicate) => new(null, predicate);
}
