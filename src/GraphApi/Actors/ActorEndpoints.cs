using System.ComponentModel;
using GraphApi.Http.Caching;
using System.Security.Claims;
using GraphApi.Core.Domain;
using GraphApi.Core.Graph;
using GraphApi.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GraphApi.Actors;

public static class ActorEndpoints
{
    public const int MaxQueryLength = 200;

    public static RouteGroupBuilder MapActorEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/actors").WithTags("Actors");
        group.MapGet("/", ListActors).CachedByGraphVersion().WithName("ListActors")
            .WithSummary("Search and list actors")
            .WithDescription("`q` matches name, aliases (acronyms, Korean names such as 한국산업단지공단) and id, ignoring case and accents. " +
                "`q` (at most 200 characters) and `sector` are checked by the text rule (see the document's description): a character it refuses is a 400 naming it. " +
                "Filters combine with AND; `sector` matches any of an actor's sectors. Ordered by id; `limit` 1-500 (default 50).");
        group.MapGet("/{id}", GetActor).CachedByGraphVersion().WithName("GetActor").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status410Gone)
            .WithSummary("Get one actor").WithDescription("The ETag header carries the revision to send back in If-Match when updating. " +
                "The id of an actor merged into another (POST /api/actors/{id}/merge) answers 301 with the other's URL in Location, or 410 if that one is gone too.");
        group.MapPost("/", CreateActor).ProducesValidationProblem().WithName("CreateActor")
            .WithSummary("Create an actor").WithDescription("400 lists every broken field; 409 if the id is taken. Without `id` the actor gets a readable, unique one " +
                "made from its name (\"Pôle Eau\" → `pole-eau`, then `pole-eau-2`, …), returned in the body and `Location`. `region` is derived from `country`.");
        group.MapPut("/{id}", UpdateActor).ProducesValidationProblem().WithName("UpdateActor")
            .WithSummary("Replace an actor").WithDescription("Send If-Match with the ETag you read to avoid overwriting someone else's change (412 if it moved).");
        group.MapDelete("/{id}", DeleteActor).ProducesValidationProblem().WithName("DeleteActor")
            .WithSummary("Delete an actor and its relationships").WithDescription("Answers with how many relationships were removed with it, and which.");
        return group;
    }

    private static Results<Ok<Page<Actor>>, ValidationProblem> ListActors(
        GraphService graph, Regions regions, ClaimsPrincipal user, HttpRequest request,
        [Description("Text to find in names, aliases (acronyms, Korean names) and ids, ignoring case and accents; at most 200 characters, checked by the text rule.")] string? q,
        [AsParameters] ActorFilterQuery filter, [AsParameters] PageQuery page)
    {
        var errors = new ValidationErrors();
        var (take, skip) = page.Read(errors);
        var checkedFilter = ActorFilterRules.Check(filter.ToFilter(), regions, errors);
        // A search value is text like any other: a character the rule refuses is a 400 naming it, never a crash in the folding.
        TextRule.Check(errors, "q", q, TextKind.Line, MaxQueryLength);
        if (checkedFilter is null || !errors.IsEmpty)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        var snapshot = graph.Snapshot;
        var folded = string.IsNullOrWhiteSpace(q) ? null : TextSearch.Fold(TextRule.Normalise(q.Trim()));
        var matches = snapshot.ActorSlotsInIdOrder()
            .Where(i => folded is null || snapshot.Matches(i, folded))
            .Select(snapshot.ActorAt)
            .Where(checkedFilter.Matches)
            .Select(a => ActorViews.For(user, a));
        return TypedResults.Ok(Paging.Of(matches, take, skip, request));
    }

    private static async Task<Results<Ok<Actor>, RedirectHttpResult, ProblemHttpResult>> GetActor(
        GraphService graph, ClaimsPrincipal user, string id, HttpResponse response, ILoggerFactory logs, CancellationToken cancellationToken)
    {
        if (graph.Snapshot.FindActor(id) is not { } actor)
        {
            return await ActorRedirects.AnswerAsync(graph, logs.CreateLogger(typeof(ActorRedirects)), id, cancellationToken);
        }
        response.Headers.ETag = ETags.For(actor.Revision);
        return TypedResults.Ok(ActorViews.For(user, actor));
    }

    private static async Task<Created<Actor>> CreateActor(GraphService graph, ClaimsPrincipal user, ActorInput input, HttpResponse response, CancellationToken cancellationToken)
    {
        var created = input.Id is null
            ? await graph.CreateActorWithNewIdAsync(input.ToActor(), cancellationToken)
            : await graph.CreateActorAsync(input.ToActor(), cancellationToken);
        response.Headers.ETag = ETags.For(created.Revision);
        return TypedResults.Created($"/api/actors/{created.Id}", ActorViews.For(user, created));
    }

    private static async Task<Ok<Actor>> UpdateActor(
        GraphService graph, ClaimsPrincipal user, string id, ActorInput input, HttpRequest request, CancellationToken cancellationToken)
    {
        var expected = ETags.WritePrecondition(request, id, input.Id);
        var updated = await graph.UpdateActorAsync(input.ToActor(id), expected, cancellationToken);
        request.HttpContext.Response.Headers.ETag = ETags.For(updated.Revision);
        return TypedResults.Ok(ActorViews.For(user, updated));
    }

    private static async Task<Ok<ActorDeleted>> DeleteActor(
        GraphService graph, string id, HttpRequest request, CancellationToken cancellationToken)
    {
        var expected = ETags.WritePrecondition(request, id);
        var deletion = await graph.DeleteActorAsync(id, expected, cancellationToken);
        return TypedResults.Ok(new ActorDeleted(id, deletion.RemovedRelationshipIds.Count, deletion.RemovedRelationshipIds));
    }
}
