using System.ComponentModel;
using GraphApi.Core.Domain;
using GraphApi.Core.Graph;
using GraphApi.Http;
using GraphApi.Http.Caching;
using GraphApi.Http.Input;
using GraphApi.Http.OpenApi;
using GraphApi.Workspaces;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GraphApi.Relationships;

/// <summary>/api/relationships and /api/relationship-types: the typed, evidenced ties and their catalogue.</summary>
public static class RelationshipEndpoints
{
    public static RouteGroupBuilder MapRelationshipEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/relationships").WithTags("Relationships");
        group.MapGet("/", ListRelationships).CachedByGraphVersion().WithName("ListRelationships").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("List relationships, optionally of one actor or type").WithDescription(RelationshipDocs.List);
        group.MapGet("/{id}", GetRelationship).WithName("GetRelationship").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Get one relationship with its evidence").WithDescription(RelationshipDocs.Get);
        group.MapPost("/", CreateRelationship).WithName("CreateRelationship").ChecksBodyClosedSetsItself().ProducesProblem(StatusCodes.Status409Conflict).DeclaresRevisionETag(StatusCodes.Status201Created)
            .WithSummary("Create a relationship").WithDescription(RelationshipDocs.Create);
        group.MapPut("/{id}", UpdateRelationship).WithName("UpdateRelationship").ChecksBodyClosedSetsItself().DeclaresRevisionETag(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .WithSummary("Replace a relationship").WithDescription(RelationshipDocs.Update);
        group.MapDelete("/{id}", DeleteRelationship).WithName("DeleteRelationship")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .WithSummary("Delete a relationship").WithDescription(RelationshipDocs.Delete);
        routes.MapGet("/api/relationship-types", ListRelationshipTypes).CachedByGraphVersion().WithTags("Relationships").WithName("ListRelationshipTypes")
            .WithSummary("The relationship-type catalogue").WithDescription(RelationshipDocs.Types);
        return group;
    }

    private static Ok<Page<RelationshipView>> ListRelationships(
        CallerGraph caller, HttpRequest request,
        [Description("Only the ties at either end of this actor (its id).")] string? actor,
        [Description("Only ties of this type (any case)."), OneOf(Sets.RelationshipType)] string? type,
        [AsParameters] PageQuery page)
    {
        var errors = new ValidationErrors();
        var (take, skip) = page.Read(errors);
        errors.ThrowIfAny();
        var snapshot = caller.Snapshot;
        if (actor is not null && snapshot.FindActor(actor) is null)
        {
            throw NotFoundException.NoSuchActors([actor]);
        }
        // The request check has put `type` in the catalogue's spelling, or refused it listing the types.
        var matches = (actor is null ? snapshot.Relationships : snapshot.RelationshipsOf(actor))
            .Where(r => type is null || r.Type == type)
            .Select(RelationshipViews.For);
        return TypedResults.Ok(Paging.Of(matches, take, skip, request));
    }

    private static Ok<RelationshipView> GetRelationship(
        CallerGraph caller, [Description(RelationshipDocs.IdParameter)] string id, HttpResponse response)
    {
        var relationship = caller.Snapshot.FindRelationship(id) ?? throw new NotFoundException($"no relationship '{id}'");
        response.Headers.ETag = ETags.For(relationship.Revision);
        return TypedResults.Ok(RelationshipViews.For(relationship));
    }

    private static async Task<Created<RelationshipView>> CreateRelationship(
        GraphService graph, CallerGraph caller, RelationshipInput input, HttpResponse response, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var relationship = input.ToRelationship() with { Workspace = Visibility.OwnerOfNew(caller, input.Visibility, errors) };
        errors.ThrowIfAny();
        var created = input.Id is null
            ? await graph.CreateRelationshipWithNewIdAsync(relationship, cancellationToken)
            : await graph.CreateRelationshipAsync(relationship, cancellationToken);
        response.Headers.ETag = ETags.For(created.Revision);
        return TypedResults.Created($"/api/relationships/{created.Id}", RelationshipViews.For(created));
    }

    private static async Task<Ok<RelationshipView>> UpdateRelationship(
        GraphService graph, CallerGraph caller, [Description(RelationshipDocs.IdParameter)] string id, RelationshipInput input, HttpRequest request,
        CancellationToken cancellationToken)
    {
        var expected = ETags.WritePrecondition(request, id, input.Id);
        var stored = caller.Snapshot.FindRelationship(id) ?? throw Visibility.NoRelationship(id);
        var errors = new ValidationErrors();
        Visibility.CheckUnchanged(input.Visibility, stored.Workspace, $"/api/relationships/{id}/visibility", errors);
        errors.ThrowIfAny();
        var updated = await graph.UpdateRelationshipAsync(input.ToRelationship(id) with { Workspace = stored.Workspace }, expected, cancellationToken);
        request.HttpContext.Response.Headers.ETag = ETags.For(updated.Revision);
        return TypedResults.Ok(RelationshipViews.For(updated));
    }

    private static async Task<NoContent> DeleteRelationship(
        GraphService graph, CallerGraph caller, [Description(RelationshipDocs.IdParameter)] string id, HttpRequest request, CancellationToken cancellationToken)
    {
        var expected = ETags.WritePrecondition(request, id);
        if (caller.Snapshot.FindRelationship(id) is null)
        {
            throw Visibility.NoRelationship(id);
        }
        await graph.DeleteRelationshipAsync(id, expected, cancellationToken);
        return TypedResults.NoContent();
    }

    private static Ok<RelationshipTypeView[]> ListRelationshipTypes(GraphService graph) =>
        TypedResults.Ok(graph.Catalogue.All.Select(RelationshipViews.ForType).ToArray());
}
