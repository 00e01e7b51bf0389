using System.ComponentModel;
using System.Security.Claims;
using GraphApi.Core.Domain;
using GraphApi.Core.Graph;
using GraphApi.Http;
using GraphApi.Http.OpenApi;
using GraphApi.Workspaces;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.OpenApi;

namespace GraphApi.Actors;

/// <summary>POST /api/actors/{id}/merge: folds a duplicate actor into another one.</summary>
public static class ActorMergeEndpoints
{
    public static RouteGroupBuilder MapActorMergeEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/actors").WithTags("Actors");
        group.MapPost("/{id}/merge", MergeActor).WithName("MergeActor")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .WithSummary("Merge a duplicate actor into another").WithDescription(ActorDocs.Merge)
            .DeclaresHeader(StatusCodes.Status200OK, "Location", "The URL of the actor merged into (not sent for a dry run).")
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                DeclareIfMatch(operation);
                return Task.CompletedTask;
            });
        return group;
    }

    private static async Task<Ok<ActorMergeResponse>> MergeActor(
        GraphService graph, CallerGraph caller, ClaimsPrincipal user, [Description("The id of the actor to merge away (the duplicate).")] string id,
        ActorMergeRequest request, HttpRequest http, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrEmpty(request.Into))
        {
            errors.Add("into", "is required: the id of the actor to merge into");
        }
        else if (!Ids.IsValid(request.Into))
        {
            errors.Add("into", $"'{request.Into}' is not an actor id ({Ids.Pattern})");
        }
        errors.ThrowIfAny();
        var view = caller.Snapshot;
        foreach (var end in new[] { id, request.Into! })
        {
            var actor = view.FindActor(end) ?? throw Visibility.NoActor(end);
            if (actor.Workspace is not null)
            {
                errors.Add(end == id ? "id" : "into", $"'{end}' is a private actor: only public actors are merged");
            }
        }
        errors.ThrowIfAny();
        // The request check has put duplicateTies in its set's spelling (keep or collapse) or refused it.
        var duplicateTies = request.DuplicateTies ?? ActorRegistration.Keep;
        var expected = ETags.WritePrecondition(http, id);
        var dryRun = request.DryRun ?? false;
        var merge = await graph.MergeActorAsync(id, request.Into!, duplicateTies == ActorRegistration.Collapse, dryRun, expected, cancellationToken);
        if (!dryRun)
        {
            http.HttpContext.Response.Headers.Location = $"/api/actors/{merge.Into}";
        }
        return TypedResults.Ok(new ActorMergeResponse(
            merge.Merged,
            merge.Into,
            dryRun,
            duplicateTies,
            ActorViews.For(user, merge.IntoActor),
            // Other workspaces' ties move with the merge too, unnamed: the caller hears of the ties they could see.
            [.. merge.Repointed.Where(r => view.FindRelationship(r.Id) is not null).Select(r => new RepointedTieView(r.Id, r.Type, r.Source, r.Target))],
            [.. merge.Duplicates.Where(d => view.FindRelationship(d.Kept) is not null)
                .Select(d => new DuplicateTieView(d.Type, d.Source, d.Target, d.Kept, [.. d.Others.Where(o => view.FindRelationship(o) is not null)]))],
            [.. merge.SelfLoops.Where(r => view.FindRelationship(r) is not null)],
            [.. merge.RemovedRelationshipIds.Where(r => view.FindRelationship(r) is not null)],
            dryRun ? view.Version : merge.Version));
    }

    /// <summary>The merge reads If-Match as PUT and DELETE do.</summary>
    private static void DeclareIfMatch(OpenApiOperation operation)
    {
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = "If-Match",
            In = ParameterLocation.Header,
            Description = "The ETag read with the actor merged away: the merge is refused with 412 if that actor changed since.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        });
    }
}
