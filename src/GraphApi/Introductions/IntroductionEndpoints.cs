using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using GraphApi.Core.Domain;
using GraphApi.Core.Graph;
using GraphApi.Core.Introductions;
using GraphApi.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GraphApi.Introductions;

public static class IntroductionEndpoints
{
    private const string LedgerDescription =
        "The introduction ledger: what happened when someone asked for an introduction along a route.\n\n" +
        "**State machine** (a route of n hops; step k goes from path[k−1] to path[k]):\n" +
        "* `open` (k steps forwarded) → `forwarded` at step k+1 → `open`, or `reached` once all n are forwarded; " +
        "`declined` or `no-answer` at step k+1 → that status, final.\n" +
        "* `reached` → `met` → `met`; `met` → `agreement` → `agreement`, final.\n" +
        "* 400: unknown type, a step not on the route (outside 1..n), a step on met/agreement or none on a step event, a bad or future date. " +
        "409: anything else the table does not allow — an event after a final status, a step other than the next (out of order), " +
        "met before every step is forwarded, agreement before met, a date before the ask's or the last event's. A refused event changes nothing.\n\n" +
        "**Learned strengths**: each step outcome is a trial of its relationship (forwarded = success, declined / no-answer = failure; " +
        "steps never reached are not tried). Learned strength = (w·s + successes) / (w + trials), the mean of a Beta prior centred on the " +
        "stated strength s with weight w = 10, updated by the trials; POST /api/routes/introductions with `strengths: \"learned\"` routes on it.";

    public static RouteGroupBuilder MapIntroductionEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/introductions").WithTags("Introductions");
        group.MapGet("/", List).WithName("ListIntroductions").ProducesValidationProblem()
            .WithSummary("List asks for introductions, newest first")
            .WithDescription("Newest first: by the day asked (`askedOn`), then the time recorded. Filters `requester`, `target` (actor ids) and `status` (open, reached, met, agreement, declined, no-answer); " +
                "`limit` 1-500 (default 50), `offset`.\n\n" + LedgerDescription);
        group.MapGet("/{id}", Get).WithName("GetIntroduction").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One ask with its timeline");
        group.MapPost("/", Ask).WithName("RecordIntroduction").ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Record an ask for an introduction along a route")
            .WithDescription("`route` is the route asked along as a route answer gives it: its `path` (requester first, target last) and one " +
                "relationship id per hop; it must be a route of the current graph (each relationship joins its two actors, either way round; " +
                "no actor twice; 1-8 hops). The entry carries the API key's name (`recordedBy`, shown to editors and admins only) and is in the audit log.\n\n" + LedgerDescription);
        group.MapPost("/{id}/events", Record).WithName("RecordIntroductionEvent").ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Record what happened at a step, or at the end")
            .WithDescription(LedgerDescription);
        group.MapPost("/{id}/relationship", IntroductionAgreements.CreateRelationship).WithName("CreateRelationshipFromIntroduction")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Turn an agreement reached through an introduction into a relationship")
            .WithDescription("Only for an ask whose status is `agreement`, once. Creates requester → target of `type` (default MOU), since the " +
                "agreement's date, with the ledger entry as its evidence (document \"GraphApi introduction ledger\", section " +
                "\"/api/introductions/{id}\", quote = the agreement's evidence).");
        return group;
    }

    private static Results<Ok<Page<IntroductionView>>, ValidationProblem> List(
        IntroductionLedger ledger, ClaimsPrincipal caller, HttpRequest request, string? requester, string? target, string? status,
        [Range(1, Paging.MaxLimit)] int? limit, [Range(0, int.MaxValue)] int? offset)
    {
        var errors = new ValidationErrors();
        var (take, skip) = Paging.Read(limit, offset, errors);
        IntroductionStatus? wanted = null;
        if (status is not null)
        {
            if (IntroductionNames.TryParseStatus(status, out var parsed))
            {
                wanted = parsed;
            }
            else
            {
                errors.Add("status", $"must be one of {string.Join(", ", IntroductionNames.Statuses.Select(IntroductionNames.Of))}");
            }
        }
        if (!errors.IsEmpty)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        var matches = ledger.All
            .Where(a => (requester is null || a.Requester == requester) && (target is null || a.Target == target)
                && (wanted is null || a.State.Status == wanted))
            .Select(ask => IntroductionViews.For(caller, ask));
        return TypedResults.Ok(Paging.Of(matches, take, skip, request));
    }

    private static Results<Ok<IntroductionView>, ProblemHttpResult> Get(IntroductionLedger ledger, ClaimsPrincipal caller, string id) =>
        ledger.Find(id) is { } ask ? TypedResults.Ok(IntroductionViews.For(caller, ask)) : ApiProblems.NotFound($"no introduction '{id}'");

    private static async Task<Results<Created<IntroductionView>, ValidationProblem, ProblemHttpResult>> Ask(
        IntroductionLedger ledger, GraphService graph, TimeProvider clock, IntroductionInput input, CancellationToken cancellationToken)
    {
        var (ask, errors, unknown) = IntroductionInputReader.Read(input, graph.Snapshot, Today(clock));
        if (!errors.IsEmpty)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        if (unknown.Count > 0)
        {
            return ApiProblems.NoSuchActors(unknown);
        }
        var recorded = await ledger.AskAsync(ask!, cancellationToken);
        return TypedResults.Created($"/api/introductions/{recorded.Id}", IntroductionViews.Of(recorded));
    }

    private static async Task<Results<Created<IntroductionView>, ValidationProblem, ProblemHttpResult>> Record(
        IntroductionLedger ledger, TimeProvider clock, string id, IntroductionEventInput input, CancellationToken cancellationToken)
    {
        if (ledger.Find(id) is null)
        {
            return ApiProblems.NotFound($"no introduction '{id}'");
        }
        var (e, errors) = IntroductionInputReader.Read(input, Today(clock));
        if (!errors.IsEmpty)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        var (updated, refusal) = await ledger.RecordAsync(id, e!, cancellationToken);
        return refusal switch
        {
            { IsConflict: true } => TypedResults.Problem(refusal.Message, statusCode: StatusCodes.Status409Conflict, title: "The event does not fit the ask's state"),
            not null => TypedResults.ValidationProblem(new Dictionary<string, string[]> { [refusal.Field] = [refusal.Message] }),
            _ => TypedResults.Created($"/api/introductions/{id}", IntroductionViews.Of(updated!)),
        };
    }

    internal static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
