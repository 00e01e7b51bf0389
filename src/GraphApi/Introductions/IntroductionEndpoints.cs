using System.ComponentModel;
using System.Security.Claims;
using GraphApi.Core.Domain;
using GraphApi.Core.Graph;
using GraphApi.Core.Introductions;
using GraphApi.Http;
using GraphApi.Http.Caching;
using GraphApi.Http.Input;
using GraphApi.Workspaces;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GraphApi.Introductions;

public static class IntroductionEndpoints
{
    public static RouteGroupBuilder MapIntroductionEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/introductions").WithTags("Introductions");
        group.MapGet("/", List).WithName("ListIntroductions").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("List asks for introductions, newest first")
            .WithDescription(IntroductionDocs.List);
        group.MapGet("/{id}", Get).WithName("GetIntroduction").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One ask with its timeline")
            .WithDescription(IntroductionDocs.Ledger);
        group.MapPost("/", Ask).WithName("RecordIntroduction")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithSummary("Record an ask for an introduction along a route")
            .WithDescription(IntroductionDocs.Ask);
        group.MapPost("/{id}/events", Record).WithName("RecordIntroductionEvent")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithSummary("Record what happened at a step, or at the end")
            .WithDescription(IntroductionDocs.Ledger);
        group.MapPost("/{id}/relationship", CreateRelationship).WithName("CreateRelationshipFromIntroduction")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithSummary("Turn an agreement reached through an introduction into a relationship")
            .WithDescription(IntroductionDocs.Relationship);
        return group;
    }

    // Every handler reads the caller's view of the ledger (public asks plus their workspace's) and of the graph, so another
    // workspace's ask answers as an id that never existed, and counts, pages and tags hold nothing of it.
    private static Ok<Page<IntroductionView>> List(IntroductionLedger ledger, CallerGraph graph, ClaimsPrincipal caller, HttpContext http,
        [Description(IntroductionDocs.Requester)] string? requester, [Description(IntroductionDocs.Target)] string? target,
        [Description(IntroductionDocs.Status), OneOf(IntroductionSets.Status)] string? status, [AsParameters] PageQuery page)
    {
        // The view is taken once: the tag names exactly the asks the answer is made of.
        var view = ledger.ViewFor(graph.Workspace);
        http.Response.Headers.ETag = ConditionalGets.ForState(http, $"l{view.Revision}");
        var errors = new ValidationErrors();
        var (limit, offset) = page.Read(errors);
        var filter = IntroductionFilter.Read(requester, target, status, view, graph.Snapshot, errors);
        var matches = view.All.Where(filter.Matches).Select(ask => IntroductionViews.For(caller, ask));
        return TypedResults.Ok(Paging.Of(matches, limit, offset, http.Request));
    }

    private static Ok<IntroductionView> Get(IntroductionLedger ledger, CallerGraph graph, ClaimsPrincipal caller, HttpContext http,
        [Description(IntroductionDocs.Id)] string id)
    {
        var ask = ledger.ViewFor(graph.Workspace).Get(id);
        http.Response.Headers.ETag = ConditionalGets.ForState(http, $"i{ask.Revision}");
        return TypedResults.Ok(IntroductionViews.For(caller, ask));
    }

    private static async Task<Created<IntroductionView>> Ask(
        IntroductionLedger ledger, CallerGraph graph, TimeProvider clock, IntroductionInput input, CancellationToken cancellationToken)
    {
        var ask = IntroductionInputReader.Read(input, graph, AsOfQuery.Today(clock));
        var recorded = await ledger.AskAsync(ask, cancellationToken);
        return TypedResults.Created($"/api/introductions/{recorded.Id}", IntroductionViews.Of(recorded));
    }

    private static async Task<Created<IntroductionView>> Record(IntroductionLedger ledger, CallerGraph graph, ClosedSets sets, TimeProvider clock,
        [Description(IntroductionDocs.Id)] string id, IntroductionEventInput input, CancellationToken cancellationToken)
    {
        _ = ledger.ViewFor(graph.Workspace).Get(id); // an unknown (or another workspace's) ask is a 404 before anything about the event is said
        var recorded = await ledger.RecordAsync(graph.Workspace, id, IntroductionInputReader.Read(input, sets, AsOfQuery.Today(clock)), cancellationToken);
        return TypedResults.Created($"/api/introductions/{id}", IntroductionViews.Of(recorded));
    }

    private static async Task<Created<Relationships.RelationshipView>> CreateRelationship(IntroductionLedger ledger, GraphService graph, CallerGraph caller,
        ClosedSets sets, [Description(IntroductionDocs.Id)] string id, AgreementRelationshipInput? input, CancellationToken cancellationToken)
    {
        var relationship = IntroductionAgreements.Relationship(ledger.ViewFor(caller.Workspace), caller.Snapshot, sets, id, input);
        var created = input?.Id is null
            ? await graph.CreateRelationshipWithNewIdAsync(relationship, cancellationToken)
            : await graph.CreateRelationshipAsync(relationship, cancellationToken);
        return TypedResults.Created($"/api/relationships/{created.Id}", Relationships.RelationshipViews.For(created));
    }
}
