using GraphApi.Core.Domain;

namespace GraphApi.Routes;

/// <summary>The one check of a route target (<c>to</c>): an actor id or an actor filter, never both, each valid.</summary>
public static class RouteTargetRules
{
    /// <returns>The target's actor id when it names one and the id is well formed, else null (errors say why, if anything is wrong).</returns>
    public static string? Check(RouteTargetInput? to, Regions regions, ValidationErrors errors)
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
                return id;
            }
            errors.Add("to.id", $"'{id}' is not an actor id ({Ids.Pattern})");
            return null;
        }
        ActorFilterRules.Check(to.Filter, regions, errors, "to.");
        return null;
    }
}
