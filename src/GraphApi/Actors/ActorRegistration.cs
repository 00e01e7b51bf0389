using GraphApi.Http.Input;

namespace GraphApi.Actors;

/// <summary>The closed sets of the actor operations.</summary>
public static class ActorRegistration
{
    /// <summary>How a merge handles duplicate relationships: <see cref="Keep"/> or <see cref="Collapse"/>.</summary>
    public const string DuplicateTies = "duplicateTies value";

    public const string Keep = "keep";
    public const string Collapse = "collapse";

    public static IServiceCollection AddActorOperations(this IServiceCollection services) =>
        services.AddClosedSet(DuplicateTies, _ => [Keep, Collapse]);
}
