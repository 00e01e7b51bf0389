using GraphApi.Core.Domain;
using GraphApi.Core.Graph;
using GraphApi.Core.Routing;

namespace GraphApi.Core.Introductions;

/// <summary>Checks that an ask's route is a route of the current graph, as a route answer gives it.</summary>
public static class IntroductionRoute
{
    /// <summary>
    /// Adds an error per broken rule: the path runs from the requester to the target, has 1..<see cref="IntroductionQuery.MaxMaxHops"/>
    /// hops, visits no actor twice, and relationship k exists and joins path[k−1] and path[k] (either way round).
    /// Unknown requester or target are reported by the caller (404), not here.
    /// </summary>
    public static void Check(GraphSnapshot graph, string requester, string target, IReadOnlyList<string> path, IReadOnlyList<string> relationships, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(relationships);
        ArgumentNullException.ThrowIfNull(errors);
        if (relationships.Count is < 1 or > IntroductionQuery.MaxMaxHops)
        {
            errors.Add("route.relationships", $"must list 1..{IntroductionQuery.MaxMaxHops} relationship ids, one per hop");
            return;
        }
        if (path.Count != relationships.Count + 1)
        {
            errors.Add("route.path", $"must list one actor more than route.relationships ({relationships.Count + 1}, not {path.Count})");
            return;
        }
        if (path[0] != requester)
        {
            errors.Add("route.path", $"must start at the requester '{requester}', not '{path[0]}'");
        }
        if (path[^1] != target)
        {
            errors.Add("route.path", $"must end at the target '{target}', not '{path[^1]}'");
        }
        foreach (var repeated in path.GroupBy(id => id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            errors.Add("route.path", $"visits '{repeated.Key}' more than once");
        }
        for (var k = 0; k < relationships.Count; k++)
        {
            CheckHop(graph, path[k], path[k + 1], relationships[k], k + 1, errors);
        }
    }

    private static void CheckHop(GraphSnapshot graph, string from, string to, string relationshipId, int step, ValidationErrors errors)
    {
        if (graph.FindActor(from) is null)
        {
            errors.Add("route.path", $"no actor '{from}' (step {step})");
        }
        if (graph.FindRelationship(relationshipId) is not { } relationship)
        {
            errors.Add("route.relationships", $"step {step}: no relationship '{relationshipId}'");
            return;
        }
        var joins = (relationship.Source == from && relationship.Target == to) || (relationship.Source == to && relationship.Target == from);
        if (!joins)
        {
            errors.Add("route.relationships", $"step {step}: '{relationshipId}' joins '{relationship.Source}' and '{relationship.Target}', not '{from}' and '{to}'");
        }
    }
}
