using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using GraphApi.Core.Domain;
using GraphApi.Core.Graph;
using GraphApi.Core.Routing;
using GraphApi.Http;
using GraphApi.Http.Caching;
using GraphApi.Workspaces;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GraphApi.Actors;

/// <summary>GET /api/actors/{id}/neighbourhood: an actor and the actors around it, for a graph view.</summary>
public static class NeighbourhoodEndpoints
{
    public const int DefaultLimit = 200;
    public const int MaxLimit = 2000;

    public static RouteHandlerBuilder MapNeighbourhoodEndpoints(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/api/actors/{id}/neighbourhood", GetNeighbourhood).CachedByGraphVersion().WithTags("Actors").WithName("GetNeighbourhood")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("An actor's neighbourhood for a graph view").WithDescription(ActorDocs.Neighbourhood);

    private static Ok<NeighbourhoodResponse> GetNeighbourhood(
        CallerGraph caller, [Description(ActorDocs.IdParameter)] string id,
        [Description(ActorDocs.DepthParameter), Range(1, Neighbourhood.MaxDepth)] int? depth,
        [Description(ActorDocs.LimitNodesParameter), Range(1, MaxLimit)] int? limit,
        [AsParameters] AsOfQuery asOf, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var day = asOf.Day(errors);
        if (depth is < 1 or > Neighbourhood.MaxDepth)
        {
            errors.Add("depth", $"must be between 1 and {Neighbourhood.MaxDepth}");
        }
        if (limit is < 1 or > MaxLimit)
        {
            errors.Add("limit", $"must be between 1 and {MaxLimit}");
        }
        errors.ThrowIfAny();
        var snapshot = day is { } d ? caller.Snapshot.InForceOn(d) : caller.Snapshot;
        if (snapshot.FindActor(id) is null)
        {
            throw NotFoundException.NoSuchActors([id]);
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
        return new NeighbourhoodNodeView(actor.Id, actor.Name, actor.Kind, actor.Country, actor.Region, node.Depth) { Visibility = PrivateOrNone(actor.Workspace) };
    }

    private static NeighbourhoodEdgeView EdgeView(GraphSnapshot graph, int relationship)
    {
        var r = graph.RelationshipAt(relationship);
        return new NeighbourhoodEdgeView(r.Id, r.Source, r.Target, r.Type, graph.BaseStrength(relationship), r.Since, r.Until) { Visibility = PrivateOrNone(r.Workspace) };
    }

    /// <summary>Only the caller's own workspace's records reach this view, so one that has a workspace is the caller's: "private".</summary>
    private static string? PrivateOrNone(string? workspace) => workspace is null ? null : Workspaces.WorkspaceRegistration.Private;
}
