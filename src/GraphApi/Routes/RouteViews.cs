using GraphApi.Core.Graph;
using GraphApi.Core.Routing;
using Route = GraphApi.Core.Routing.Route;

namespace GraphApi.Routes;

/// <summary>Turns index-based routes from the core into the JSON the API promises.</summary>
public static class RouteViews
{
    public static RoutesResponse Of(GraphSnapshot graph, RouteResult result) =>
        new([.. result.Routes.Select(r => Of(graph, r))], result.Reason);

    public static RouteView Of(GraphSnapshot graph, Route route)
    {
        var steps = new RouteStepView[route.Hops];
        for (var i = 0; i < steps.Length; i++)
        {
            var from = graph.ActorAt(route.Actors[i]).Id;
            var relationship = graph.RelationshipAt(route.Relationships[i]);
            steps[i] = new RouteStepView(
                from,
                graph.ActorAt(route.Actors[i + 1]).Id,
                relationship.Type,
                relationship.Source == from ? RouteSets.Forward : RouteSets.Backward,
                route.Strengths[i],
                graph.BaseStrength(route.Relationships[i]),
                relationship.Since,
                relationship.Until,
                relationship.Evidence,
                relationship.Id,
                relationship.Source,
                relationship.Target,
                relationship.Note,
                relationship.Event,
                relationship.Inferred)
            {
                Visibility = relationship.Workspace is null ? null : Workspaces.WorkspaceRegistration.Private,
            };
        }
        return new RouteView(
            route.Score,
            route.Cost,
            route.Hops,
            graph.ActorAt(route.Source).Id,
            graph.ActorAt(route.Target).Id,
            RouteExplainer.Explain(graph, route),
            [.. route.Actors.Select(a => graph.ActorAt(a).Id)],
            steps);
    }
}
