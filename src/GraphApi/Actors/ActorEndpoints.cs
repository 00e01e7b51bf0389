using System.ComponentModel;
using System.Security.Claims;
using GraphApi.Core.Domain;
using GraphApi.Core.Graph;
using GraphApi.Http;
using GraphApi.Http.Caching;
using GraphApi.Http.Input;
using GraphApi.Http.OpenApi;
using GraphApi.Workspaces;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GraphApi.Actors;

/// <summary>/api/actors: search, read, create, replace and delete actors.</summary>
public static class ActorEndpoints
{
    public const int MaxQueryLength = 200;

    public static RouteGroupBuilder MapActorEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/actors").WithTags("Actors");
        group.MapGet("/", ListActors).CachedByGraphVersion().WithName("ListActors")
            .WithSummary("Search and list actors").WithDescription(ActorDocs.List);
        group.MapGet("/{id}", GetActor).WithName("GetActor")
            .Produces(StatusCodes.Status301MovedPermanently).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status410Gone)
            .WithSummary("Get one actor").WithDescription(ActorDocs.Get);
        group.MapPost("/", CreateActor).WithName("CreateActor").ChecksBodyClosedSetsItself().ProducesProblem(StatusCodes.Status409Conflict).DeclaresRevisionETag(StatusCodes.Status201Created)
            .WithSummary("Create an actor").WithDescription(ActorDocs.Create);
        group.MapPut("/{id}", UpdateActor).WithName("UpdateActor").ChecksBodyClosedSetsItself().DeclaresRevisionETag(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .WithSummary("Replace an actor").WithDescription(ActorDocs.Update);
        group.MapDelete("/{id}", DeleteActor).WithName("DeleteActor")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .WithSummary("Delete an actor and its relationships").WithDescription(ActorDocs.Delete);
        return group;
    }

    private static Ok<Page<ActorView>> ListActors(
        CallerGraph caller, Regions regions, ClaimsPrincipal user, HttpRequest request,
        [Description("Text to find in names, aliases (acronyms, Korean names) and ids, ignoring case and accents; at most 200 characters, checked by the text rule.")] string? q,
        [AsParameters] ActorFilterQuery filter, [AsParameters] PageQuery page)
    {
        var errors = new ValidationErrors();
        var (take, skip) = page.Read(errors);
        var checkedFilter = ActorFilterRules.Check(filter.ToFilter(), regions, errors);
        // A search value is text like any other: a character the rule refuses is a 400 naming it, never a crash in the folding.
        TextRule.Check(errors, "q", q, TextKind.Line, MaxQueryLength);
        errors.ThrowIfAny();
        var snapshot = caller.Snapshot;
        var folded = string.IsNullOrWhiteSpace(q) ? null : TextSearch.Fold(TextRule.Normalise(q.Trim()));
        var matches = snapshot.ActorSlotsInIdOrder()
            .Where(i => folded is null || snapshot.Matches(i, folded))
            .Select(snapshot.ActorAt)
            .Where(checkedFilter!.Matches)
            .Select(a => ActorViews.For(user, a));
        return TypedResults.Ok(Paging.Of(matches, take, skip, request));
    }

    private static async Task<Results<Ok<ActorView>, RedirectHttpResult>> GetActor(
        GraphService graph, CallerGraph caller, ClaimsPrincipal user, [Description(ActorDocs.IdParameter)] string id, HttpResponse response, ILoggerFactory logs,
        CancellationToken cancellationToken)
    {
        if (caller.Snapshot.FindActor(id) is not { } actor)
        {
            return await ActorRedirects.RedirectAsync(graph, caller.Snapshot, logs.CreateLogger(typeof(ActorRedirects)), id, cancellationToken);
        }
        response.Headers.ETag = ETags.For(actor.Revision);
        return TypedResults.Ok(ActorViews.For(user, actor));
    }

    private static async Task<Created<ActorView>> CreateActor(
        GraphService graph, CallerGraph caller, ClaimsPrincipal user, ActorInput input, HttpResponse response, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var actor = input.ToActor() with { Workspace = Visibility.OwnerOfNew(caller, input.Visibility, errors) };
        errors.ThrowIfAny();
        var created = input.Id is null
            ? await graph.CreateActorWithNewIdAsync(actor, cancellationToken)
            : await graph.CreateActorAsync(actor, cancellationToken);
        response.Headers.ETag = ETags.For(created.Revision);
        return TypedResults.Created($"/api/actors/{created.Id}", ActorViews.For(user, created));
    }

    private static async Task<Ok<ActorView>> UpdateActor(
        GraphService graph, CallerGraph caller, ClaimsPrincipal user, [Description(ActorDocs.IdParameter)] string id, ActorInput input, HttpRequest request,
        CancellationToken cancellationToken)
    {
        var expected = ETags.WritePrecondition(request, id, input.Id);
        var stored = caller.Snapshot.FindActor(id) ?? throw Visibility.NoActor(id);
        var errors = new ValidationErrors();
        Visibility.CheckUnchanged(input.Visibility, stored.Workspace, $"/api/actors/{id}/visibility", errors);
        errors.ThrowIfAny();
        var updated = await graph.UpdateActorAsync(input.ToActor(id) with { Workspace = stored.Workspace }, expected, cancellationToken);
        request.HttpContext.Response.Headers.ETag = ETags.For(updated.Revision);
        return TypedResults.Ok(ActorViews.For(user, updated));
    }

    private static async Task<Ok<ActorDeleted>> DeleteActor(
        GraphService graph, CallerGraph caller, [Description(ActorDocs.IdParameter)] string id, HttpRequest request, CancellationToken cancellationToken)
    {
        var expected = ETags.WritePrecondition(request, id);
        var view = caller.Snapshot;
        if (view.FindActor(id) is null)
        {
            throw Visibility.NoActor(id);
        }
        var deletion = await graph.DeleteActorAsync(id, expected, cancellationToken);
        // Other workspaces' ties to a public actor go with it, unnamed: the caller hears of the ties they could see.
        string[] seen = [.. deletion.RemovedRelationshipIds.Where(r => view.FindRelationship(r) is not null)];
        return TypedResults.Ok(new ActorDeleted(id, seen.Length, seen));
    }
}
