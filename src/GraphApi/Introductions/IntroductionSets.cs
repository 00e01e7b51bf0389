using GraphApi.Core.Introductions;
using GraphApi.Http.Input;

namespace GraphApi.Introductions;

/// <summary>The ledger's closed sets, from the members' API names (<see cref="IntroductionNames"/>).</summary>
public static class IntroductionSets
{
    public const string Status = "introduction status";
    public const string EventType = "introduction event type";

    public static IServiceCollection AddIntroductionSets(this IServiceCollection services) => services
        .AddClosedSet(Status, _ => [.. IntroductionNames.Statuses.Select(IntroductionNames.Of)])
        .AddClosedSet(EventType, _ => [.. IntroductionNames.EventKinds.Select(IntroductionNames.Of)]);
}
