using GraphApi.Core.Domain;

namespace GraphApi.Endpoints;

/// <summary>What callers may see of an actor. Contact details are personal data and are withheld from public views.</summary>
public static class ActorViews
{
    public static Actor Public(Actor actor) => actor.Contact is null ? actor : actor with { Contact = null };
}
