using System.Security.Claims;
using GraphApi.Core.Domain;

namespace GraphApi.Actors;

/// <summary>What callers may see of an actor. Contact details are personal data: only editors (and admins) see them.</summary>
public static class ActorViews
{
    public static Actor Public(Actor actor) => actor.Contact is null ? actor : actor with { Contact = null };

    /// <summary>The actor as this caller may see it: whole for the editor role and above, public otherwise.</summary>
    public static Actor For(ClaimsPrincipal caller, Actor actor) =>
        caller.IsInRole(Security.Roles.Editor) ? actor : Public(actor);
}
