using System.ComponentModel.DataAnnotations;
using GraphApi.Http.Caching;
using GraphApi.Core.Graph;
using GraphApi.Core.Routing;
using GraphApi.Http;
using GraphApi.Routes;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GraphApi.Actors;

public static class NeighbourhoodEndpoints
{
    public const int DefaultLimit = 200;
    public const int MaxLimit = 2000;

    public static RouteHandlerBuilder MapNeighbourhoodEndpoints(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/api/actors/{id}/neighbourhood", GetNeighbourhood).CachedByGraphVersion().WithTags("Actors").WithName("GetNeighbourhood")
            .WithSummary("An actor's neighbourhood for a graph view")
            .WithDescription("Actors within `depth` (1-3, default 1) hops of the actor, ties travelled both ways, nearest first then by id, " +
                "and every relationship among them. At most `limit` nodes (1-2000, default 200); `truncated` says whether farther actors were cut. " +
                "`asOf` (YYYY-MM-DD) uses only the ties in force that day, as the analyses' asOf does.");

    private static Results<Ok<NeighbourhoodResponse>, ValidationProblem, ProblemHttpResult> GetNeighbourhood(
        GraphService graph, string id, [Range(1, Neighbourhood.MaxDepth)] int? depth, [Range(1, MaxLimit)] int? limit, string? asOf, CancellationToken cancellationToken)
    {
        var errors = new Core.Domain.ValidationErrors();
        var day = AsOfQuery.Parse(asOf, errors);
        if (depth is < 1 or > Neighbourhood.MaxDepth)
        {
            errors.Add("depth", $"must be between 1 and {Neighbourhood.MaxDepth}");
        }
        if (limit is < 1 or > MaxLimit)
        {
            errors.Add("limit", $"must be between 1 and {MaxLimit}");
        }
        if (!errors.IsEmpty)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        var snapshot = day is { } d ? graph.Snapshot.InForceOn(d) : graph.Snapshot;
        if (snapshot.FindActor(id) is null)
        {
            return ApiProblems.NoSuchActors([id]);
        }
        var found = Neighbourhood.Of(snapshot, id, depth ?? 1, limit ?? DefaultLimit, cancellationToken);
        return TypedResults.Ok(View(snapshot, id, depth ?? 1, found));
    }

    private static NeighbourhoodResponse View(GraphSnapshot graph, string id, int depth, Neighbourhood found) => new(
        id,
        depth,
        [.. found.Nodes.Select(n => NodeView(graph, n))],
        [.. found.Relationships.Select(e => EdgeView(graph, e))],
        found.Truncated);

    private static NeighbourhoodNodeView NodeView(GraphSnapshot graph, NeighbourhoodNode node)
    {
        var actor = graph.ActorAt(node.Actor);
        return new NeighbourhoodNodeView(actor.Id, actor.Name, actor.Kind, actor.Country, actor.Region, node.Depth);
    }

    private static NeighbourhoodEdgeView EdgeView(GraphSnapshot graph, int relationship)
    {
        var r = graph.RelationshipAt(relationship);
        return new NeighbourhoodEdgeView(r.Id, r.Source, r.Target, r.Type, graph.BaseStrength(relationship), r.Since, r.Until);
    }
}
