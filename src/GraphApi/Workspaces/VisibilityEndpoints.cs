using System.ComponentModel;
using System.Security.Claims;
using GraphApi.Actors;
using GraphApi.Core.Graph;
using GraphApi.Http;
using GraphApi.Http.OpenApi;
using GraphApi.Relationships;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GraphApi.Workspaces;

/// <summary>POST /api/actors/{id}/visibility and /api/relationships/{id}/visibility: the explicit writes that change who sees a record.</summary>
public static class VisibilityEndpoints
{
    public static IEndpointRouteBuilder MapVisibilityEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/actors/{id}/visibility", SetActorVisibility).WithTags("Actors").WithName("SetActorVisibility")
            .DeclaresRevisionETag(StatusCodes.Status200OK).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .WithSummary("Make a private actor public").WithDescription(VisibilityDocs.Actor);
        routes.MapPost("/api/relationships/{id}/visibility", SetRelationshipVisibility).WithTags("Relationships").WithName("SetRelationshipVisibility")
            .DeclaresRevisionETag(StatusCodes.Status200OK).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .WithSummary("Make a relationship public or your workspace's").WithDescription(VisibilityDocs.Relationship);
        return routes;
    }

    private static async Task<Ok<ActorView>> SetActorVisibility(
        GraphService graph, CallerGraph caller, ClaimsPrincipal user, [Description("The actor's id.")] string id, VisibilityInput input, HttpRequest request,
        CancellationToken cancellationToken)
    {
        var expected = ETags.WritePrecondition(request, id);
        var actor = await graph.SetActorVisibilityAsync(id, Visibility.OwnerFor(caller, input.Visibility), caller.Workspace, expected, cancellationToken);
        request.HttpContext.Response.Headers.ETag = ETags.For(actor.Revision);
        return TypedResults.Ok(ActorViews.For(user, actor));
    }

    private static async Task<Ok<RelationshipView>> SetRelationshipVisibility(
        GraphService graph, CallerGraph caller, [Description("The relationship's id.")] string id, VisibilityInput input, HttpRequest request,
        CancellationToken cancellationToken)
    {
        var expected = ETags.WritePrecondition(request, id);
        var relationship = await graph.SetRelationshipVisibilityAsync(id, Visibility.OwnerFor(caller, input.Visibility), caller.Workspace, expected, cancellationToken);
        request.HttpContext.Response.Headers.ETag = ETags.For(relationship.Revision);
        return TypedResults.Ok(RelationshipViews.For(relationship));
    }
}
