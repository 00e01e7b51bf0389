using GraphApi.Core.Domain;
using GraphApi.Core.Routing;

namespace GraphApi.Routes;

/// <summary>The one check of a route target (<c>to</c>): an actor id or an actor filter, never both, each valid.</summary>
public static class RouteTargetRules
{
    /// <returns>
    /// The target, a filter in the catalogues' spelling (<c>minicluster</c> → <c>MiniCluster</c>), or null with the errors
    /// saying why. Whether an id names an actor is for the caller to ask the graph (404).
    /// </returns>
    public static RouteTarget? Read(RouteTargetInput? to, Regions regions, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (to is null || (to.Id is null && !to.HasFilter))
        {
            errors.Add("to", "give either an actor id ({\"id\":…}) or a filter ({\"kind\",\"country\",\"region\",\"sector\"})");
            return null;
        }
        if (to.Id is not null && to.HasFilter)
        {
            errors.Add("to", "give either an actor id or a filter, not both");
            return null;
        }
        if (to.Id is { } id)
        {
            if (Ids.IsValid(id))
            {
                return RouteTarget.Actor(id);
            }
            errors.Add("to.id", $"'{id}' is not an actor id ({Ids.Pattern})");
            return null;
        }
        return ActorFilterRules.Check(to.Filter, regions, errors, "to.") is { } filter ? RouteTarget.Matching(filter.Matches) : null;
    }
}
