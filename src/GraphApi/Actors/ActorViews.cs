using System.Security.Claims;
using GraphApi.Core.Domain;

namespace GraphApi.Actors;

/// <summary>What callers may see of an actor. Contact details are personal data: only editors (and admins) see them.</summary>
public static class ActorViews
{
    /// <summary>The actor as this caller may see it: whole for the editor role and above, without contact details otherwise.</summary>
    public static ActorView For(ClaimsPrincipal caller, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(actor);
        return new ActorView(actor.Id, actor.Name, actor.Aliases, actor.Kind, actor.Country, actor.Region, actor.Sectors, actor.City,
            actor.Website, actor.Description, actor.Sources, caller.IsInRole(Security.Roles.Editor) ? actor.Contact : null,
            Workspaces.Visibility.Of(actor.Workspace), actor.Workspace);
    }
}
