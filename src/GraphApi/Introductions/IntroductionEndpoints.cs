using System.ComponentModel;
using System.Security.Claims;
using GraphApi.Core.Domain;
using GraphApi.Core.Graph;
using GraphApi.Core.Introductions;
using GraphApi.Http;
using GraphApi.Http.Caching;
using GraphApi.Http.Input;
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

    private static Ok<Page<IntroductionView>> List(IntroductionLedger ledger, GraphService graph, ClaimsPrincipal caller, HttpContext http,
        [Description(IntroductionDocs.Requester)] string? requester, [Description(IntroductionDocs.Target)] string? target,
        [Description(IntroductionDocs.Status), OneOf(IntroductionSets.Status)] string? status, [AsParameters] PageQuery page)
    {
        // The tag is read before the asks, so it never names a newer ledger than the answer it labels.
        http.Response.Headers.ETag = ConditionalGets.ForState(http, $"l{ledger.Revision}");
        var errors = new ValidationErrors();
        var (limit, offset) = page.Read(errors);
        var filter = IntroductionFilter.Read(requester, target, status, ledger, graph.Snapshot, errors);
        var matches = ledger.All.Where(filter.Matches).Select(ask => IntroductionViews.For(caller, ask));
        return TypedResults.Ok(Paging.Of(matches, limit, offset, http.Request));
    }

    private static Ok<IntroductionView> Get(IntroductionLedger ledger, ClaimsPrincipal caller, HttpContext http, [Description(IntroductionDocs.Id)] string id)
    {
        var ask = ledger.Get(id);
        http.Response.Headers.ETag = ConditionalGets.ForState(http, $"i{ask.Revision}");
        return TypedResults.Ok(IntroductionViews.For(caller, ask));
    }

    private static async Task<Created<IntroductionView>> Ask(
        IntroductionLedger ledger, GraphService graph, TimeProvider clock, IntroductionInput input, CancellationToken cancellationToken)
    {
        var ask = IntroductionInputReader.Read(input, graph.Snapshot, AsOfQuery.Today(clock));
        var recorded = await ledger.AskAsync(ask, cancellationToken);
        return TypedResults.Created($"/api/introductions/{recorded.Id}", IntroductionViews.Of(recorded));
    }

    private static async Task<Created<IntroductionView>> Record(IntroductionLedger ledger, ClosedSets sets, TimeProvider clock,
        [Description(IntroductionDocs.Id)] string id, IntroductionEventInput input, CancellationToken cancellationToken)
    {
        _ = ledger.Get(id); // an unknown ask is a 404 before anything about the event is said
        var recorded = await ledger.RecordAsync(id, IntroductionInputReader.Read(input, sets, AsOfQuery.Today(clock)), cancellationToken);
        return TypedResults.Created($"/api/introductions/{id}", IntroductionViews.Of(recorded));
    }

    private static async Task<Created<Relationships.RelationshipView>> CreateRelationship(IntroductionLedger ledger, GraphService graph, ClosedSets sets,
        [Description(IntroductionDocs.Id)] string id, AgreementRelationshipInput? input, CancellationToken cancellationToken)
    {
        var relationship = IntroductionAgreements.Relationship(ledger, graph.Snapshot, sets, id, input);
        var created = input?.Id is null
            ? await graph.CreateRelationshipWithNewIdAsync(relationship, cancellationToken)
            : await graph.CreateRelationshipAsync(relationship, cancellationToken);
        return TypedResults.Created($"/api/relationships/{created.Id}", Relationships.RelationshipViews.For(created));
    }
}
