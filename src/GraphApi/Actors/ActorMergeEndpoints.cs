using System.Security.Claims;
using GraphApi.Core.Domain;
using GraphApi.Core.Graph;
using GraphApi.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GraphApi.Actors;

/// <summary>POST /api/actors/{id}/merge: folds a duplicate actor into another one.</summary>
public static class ActorMergeEndpoints
{
    private const string Keep = "keep";
    private const string Collapse = "collapse";

    private const string Description =
        "Merges the actor `{id}` into `into`, in one transaction: every relationship of `{id}` is re-pointed to `into`; its name and aliases " +
        "become aliases of `into` and its sources are added to those of `into`; relationships that would join `into` to itself (ties between " +
        "the two) are dropped and reported as `selfLoops`; relationships that end up with the same ends and type (either order for undirected " +
        "types) are reported as `duplicates` and kept, or with `duplicateTies: collapse` reduced to one (the one `into` already had, else the " +
        "smallest id). `{id}` is then deleted and answers GET with 301 to `into` from then on (410 if `into` is deleted later). " +
        "`dryRun: true` answers the same without changing anything. If-Match carries the ETag of `{id}` (412 if it moved). Audited; editor role.";

    public static RouteGroupBuilder MapActorMergeEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/actors").WithTags("Actors");
        group.MapPost("/{id}/merge", MergeActor).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).WithName("MergeActor")
            .WithSummary("Merge a duplicate actor into another").WithDescription(Description);
        return group;
    }

    private static async Task<Results<Ok<ActorMergeResponse>, ValidationProblem>> MergeActor(
        GraphService graph, ClaimsPrincipal user, string id, ActorMergeRequest request, HttpRequest http, CancellationToken cancellationToken)
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
        var duplicateTies = request.DuplicateTies ?? Keep;
        if (duplicateTies is not (Keep or Collapse))
        {
            errors.Add("duplicateTies", "must be 'keep' or 'collapse'");
        }
        if (!errors.IsEmpty)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        var expected = ETags.WritePrecondition(http, id);
        var dryRun = request.DryRun ?? false;
        var merge = await graph.MergeActorAsync(id, request.Into!, duplicateTies == Collapse, dryRun, expected, cancellationToken);
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
            [.. merge.Repointed.Select(r => new RepointedTieView(r.Id, r.Type, r.Source, r.Target))],
            merge.Duplicates,
            merge.SelfLoops,
            merge.RemovedRelationshipIds,
            merge.Version));
    }
}
