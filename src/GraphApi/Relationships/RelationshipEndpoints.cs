using System.ComponentModel.DataAnnotations;
using GraphApi.Http.Caching;
using GraphApi.Core.Domain;
using GraphApi.Core.Graph;
using GraphApi.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GraphApi.Relationships;

public static class RelationshipEndpoints
{
    public static RouteGroupBuilder MapRelationshipEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/relationships").WithTags("Relationships");
        group.MapGet("/", ListRelationships).CachedByGraphVersion().WithName("ListRelationships")
            .WithSummary("List relationships, optionally of one actor or type")
            .WithDescription("`actor` returns the ties at either end of that actor. Ordered by id; `limit` 1-500 (default 50).");
        group.MapGet("/{id}", GetRelationship).CachedByGraphVersion().WithName("GetRelationship").ProducesProblem(StatusCodes.Status404NotFound).WithSummary("Get one relationship with its evidence");
        group.MapPost("/", CreateRelationship).ProducesValidationProblem().WithName("CreateRelationship")
            .WithSummary("Create a relationship")
            .WithDescription("Both ends must exist, the type must be in the catalogue (GET /api/relationship-types), 0 < strength <= 1, since <= until. " +
                "Dates may be YYYY, YYYY-MM or YYYY-MM-DD and keep that precision. Without `id` the relationship gets a readable, unique one " +
                "made from source, type and target (`pole-eau-mou-kicox`, then `pole-eau-mou-kicox-2`, …), returned in the body and `Location`.");
        group.MapPut("/{id}", UpdateRelationship).ProducesValidationProblem().WithName("UpdateRelationship").WithSummary("Replace a relationship (If-Match supported)");
        group.MapDelete("/{id}", DeleteRelationship).ProducesValidationProblem().WithName("DeleteRelationship").WithSummary("Delete a relationship");
        routes.MapGet("/api/relationship-types", (GraphService graph) => TypedResults.Ok(graph.Catalogue.All)).CachedByGraphVersion()
            .WithTags("Relationships").WithName("ListRelationshipTypes")
            .WithSummary("The relationship-type catalogue")
            .WithDescription("Each type's direction semantics and default introduction strength: the estimated chance that this tie alone carries a warm introduction.");
        return group;
    }

    private static Results<Ok<Page<Relationship>>, ValidationProblem, ProblemHttpResult> ListRelationships(
        GraphService graph, HttpRequest request, string? actor, string? type, [Range(1, Paging.MaxLimit)] int? limit, [Range(0, int.MaxValue)] int? offset)
    {
        var errors = new ValidationErrors();
        var (take, skip) = Paging.Read(limit, offset, errors);
        if (type is not null && !graph.Catalogue.IsKnown(type))
        {
            errors.Add("type", $"'{type}' is not a known relationship type");
        }
        if (!errors.IsEmpty)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        var snapshot = graph.Snapshot;
        if (actor is not null && snapshot.FindActor(actor) is null)
        {
            return ApiProblems.NoSuchActors([actor]);
        }
        var matches = (actor is null ? snapshot.Relationships : snapshot.RelationshipsOf(actor))
            .Where(r => type is null || r.Type == type);
        return TypedResults.Ok(Paging.Of(matches, take, skip, request));
    }

    private static Results<Ok<Relationship>, ProblemHttpResult> GetRelationship(GraphService graph, string id, HttpResponse response)
    {
        if (graph.Snapshot.FindRelationship(id) is not { } relationship)
        {
            return ApiProblems.NotFound($"no relationship '{id}'");
        }
        response.Headers.ETag = ETags.For(relationship.Revision);
        return TypedResults.Ok(relationship);
    }

    private static async Task<Created<Relationship>> CreateRelationship(
        GraphService graph, RelationshipInput input, HttpResponse response, CancellationToken cancellationToken)
    {
        var created = input.Id is null
            ? await graph.CreateRelationshipWithNewIdAsync(input.ToRelationship(), cancellationToken)
            : await graph.CreateRelationshipAsync(input.ToRelationship(), cancellationToken);
        response.Headers.ETag = ETags.For(created.Revision);
        return TypedResults.Created($"/api/relationships/{created.Id}", created);
    }

    private static async Task<Ok<Relationship>> UpdateRelationship(
        GraphService graph, string id, RelationshipInput input, HttpRequest request, CancellationToken cancellationToken)
    {
        var expected = ETags.WritePrecondition(request, id, input.Id);
        var updated = await graph.UpdateRelationshipAsync(input.ToRelationship(id), expected, cancellationToken);
        request.HttpContext.Response.Headers.ETag = ETags.For(updated.Revision);
        return TypedResults.Ok(updated);
    }

    private static async Task<NoContent> DeleteRelationship(
        GraphService graph, string id, HttpRequest request, CancellationToken cancellationToken)
    {
        var expected = ETags.WritePrecondition(request, id);
        await graph.DeleteRelationshipAsync(id, expected, cancellationToken);
        return TypedResults.NoContent();
    }
}
