using System.ComponentModel.DataAnnotations;
using GraphApi.Core.Routing;
using GraphApi.Http.Input;

namespace GraphApi.Introductions;

/// <summary>
/// An ask to record (POST /api/introductions). Every field is optional at the JSON level so each mistake comes back as
/// its own per-field error; <see cref="Required"/> lists the fields a request must give.
/// </summary>
/// <param name="Requester">The actor id who asked: the route's first actor.</param>
/// <param name="Target">The actor id they asked to meet: the route's last actor.</param>
/// <param name="Route">The route asked along, as a route answer gives it (its path and its steps' relationship ids).</param>
/// <param name="Note">Free text about the ask (at most 2000 characters, text rule).</param>
/// <param name="Date">When it was asked (YYYY-MM-DD, not after today). Default: today.</param>
/// <param name="Visibility">`public` (everyone's ledger) or `private` (your workspace's only). Default: `private` for a key bound to a workspace, `public` otherwise. An ask along any private tie or actor must be private.</param>
public sealed record IntroductionInput(string? Requester, string? Target, IntroductionRouteInput? Route, string? Note, string? Date,
    [property: OneOf(Workspaces.WorkspaceRegistration.Visibility)] string? Visibility = null)
{
    public static readonly IReadOnlyList<string> Required = ["requester", "target", "route"];
}

/// <summary>The route of an ask.</summary>
/// <param name="Path">The actor ids along the route, requester first, target last (2-9 actors, none twice).</param>
/// <param name="Relationships">One relationship id per hop: relationship k joins path[k−1] and path[k], either way round.</param>
public sealed record IntroductionRouteInput(IReadOnlyList<string>? Path, IReadOnlyList<string>? Relationships)
{
    public static readonly IReadOnlyList<string> Required = ["path", "relationships"];
}

/// <summary>What happened to an ask (POST /api/introductions/{id}/events).</summary>
/// <param name="Type">What happened (any case): forwarded, declined or no-answer at a step; met or agreement at the end.</param>
/// <param name="Step">For forwarded, declined and no-answer: the step it happened at, 1..hops (step k goes from path[k−1] to path[k]). Left out for met and agreement.</param>
/// <param name="Date">When it happened (YYYY-MM-DD, not before the ask or the last event, not after today). Default: today.</param>
/// <param name="Evidence">Free text: what shows it happened (at most 2000 characters, text rule).</param>
public sealed record IntroductionEventInput(
    [property: OneOf(IntroductionSets.EventType)] string? Type,
    [property: Range(1, IntroductionQuery.MaxMaxHops)] int? Step,
    string? Date,
    string? Evidence)
{
    public static readonly IReadOnlyList<string> Required = ["type"];
}

/// <summary>Turns an ask that ended in an agreement into a relationship between requester and target. The body is optional.</summary>
/// <param name="Id">The new relationship's id. Default: one made from the actors and type.</param>
/// <param name="Type">The relationship's type (any case). Default MOU.</param>
/// <param name="Note">The relationship's note. Default: the route the agreement came through.</param>
public sealed record AgreementRelationshipInput(string? Id, [property: OneOf(Sets.RelationshipType)] string? Type, string? Note);

/// <summary>One ask with its state and timeline.</summary>
/// <param name="Id">The ask's id.</param>
/// <param name="Requester">The actor who asked.</param>
/// <param name="Target">The actor they asked to meet.</param>
/// <param name="Path">The actor ids along the route, requester first.</param>
/// <param name="Relationships">One relationship id per hop.</param>
/// <param name="Note">The ask's note, if any.</param>
/// <param name="AskedOn">The day it was asked.</param>
/// <param name="Status">Where the ask stands: open, reached (every step forwarded), met, agreement, declined or no-answer.</param>
/// <param name="Hops">The route's hops.</param>
/// <param name="StepsForwarded">How many steps carried the ask.</param>
/// <param name="FailedStep">The step where it stopped (declined or no-answer), if it did.</param>
/// <param name="NextEvents">What may be recorded next, e.g. forwarded@2, declined@2, no-answer@2, or met.</param>
/// <param name="RecordedBy">The name of the API key that recorded it: for editors and admins only.</param>
/// <param name="RecordedAt">When it was recorded.</param>
/// <param name="Timeline">Its events, in the order they were recorded.</param>
/// <param name="Visibility">`public`, or `private`: your workspace's own ask, seen by its members only.</param>
/// <param name="Workspace">For a private ask: the id of your workspace, which owns it.</param>
public sealed record IntroductionView(
    string Id,
    string Requester,
    string Target,
    IReadOnlyList<string> Path,
    IReadOnlyList<string> Relationships,
    string? Note,
    DateOnly AskedOn,
    [property: OneOf(IntroductionSets.Status)] string Status,
    int Hops,
    int StepsForwarded,
    int? FailedStep,
    IReadOnlyList<string> NextEvents,
    string? RecordedBy,
    DateTimeOffset RecordedAt,
    IReadOnlyList<IntroductionEventView> Timeline,
    [property: OneOf(Workspaces.WorkspaceRegistration.Visibility)] string Visibility = Workspaces.WorkspaceRegistration.Public,
    string? Workspace = null);

/// <summary>One event of an ask.</summary>
/// <param name="Sequence">Its place in the ask's timeline, from 1.</param>
/// <param name="Type">What happened: forwarded, declined, no-answer, met or agreement.</param>
/// <param name="Step">The step it happened at (step events only).</param>
/// <param name="From">The step's first actor (step events only).</param>
/// <param name="To">The step's second actor (step events only).</param>
/// <param name="Relationship">The step's relationship (step events only).</param>
/// <param name="Date">When it happened.</param>
/// <param name="Evidence">What shows it happened, if given.</param>
/// <param name="RecordedBy">The name of the API key that recorded it: for editors and admins only.</param>
/// <param name="RecordedAt">When it was recorded.</param>
public sealed record IntroductionEventView(
    int Sequence,
    [property: OneOf(IntroductionSets.EventType)] string Type,
    int? Step,
    string? From,
    string? To,
    string? Relationship,
    DateOnly Date,
    string? Evidence,
    string? RecordedBy,
    DateTimeOffset RecordedAt);
