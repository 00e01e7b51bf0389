using System.ComponentModel.DataAnnotations;
using GraphApi.Core.Routing;
namespace GraphApi.Introductions;

/// <summary>
/// An ask to record. <c>route</c> is the route asked along, as a route answer gives it (its <c>path</c> and its steps'
/// <c>relationship</c> ids). <c>date</c> (YYYY-MM-DD) is when it was asked, today when left out. Every field is
/// optional at the JSON level so each mistake comes back as its own per-field error.
/// </summary>
public sealed record IntroductionInput(string? Requester, string? Target, IntroductionRouteInput? Route, string? Note, string? Date);

/// <summary>The actor path (requester first, target last) and one relationship id per hop.</summary>
public sealed record IntroductionRouteInput(IReadOnlyList<string>? Path, IReadOnlyList<string>? Relationships);

/// <summary>
/// An event: <c>type</c> is forwarded, declined or no-answer at a <c>step</c> (1-based: step k goes from path[k−1] to
/// path[k]), or met / agreement at the end (no step). <c>date</c> YYYY-MM-DD, today when left out; <c>evidence</c> free text.
/// </summary>
public sealed record IntroductionEventInput(string? Type, [property: Range(1, IntroductionQuery.MaxMaxHops)] int? Step, string? Date, string? Evidence);

/// <summary>Turns an ask that ended in an agreement into a relationship between requester and target (type MOU unless given).</summary>
public sealed record AgreementRelationshipInput(string? Id, string? Type, string? Note);

/// <summary>
/// One ask with its state and timeline. <c>status</c>: open, reached (every step forwarded), met, agreement, declined,
/// no-answer. <c>stepsForwarded</c> counts the steps that carried it; <c>failedStep</c> is where it stopped, if it did.
/// <c>recordedBy</c> (the API key's name) is given to editors and admins only.
/// </summary>
public sealed record IntroductionView(
    string Id,
    string Requester,
    string Target,
    IReadOnlyList<string> Path,
    IReadOnlyList<string> Relationships,
    string? Note,
    DateOnly AskedOn,
    string Status,
    int Hops,
    int StepsForwarded,
    int? FailedStep,
    IReadOnlyList<string> NextEvents,
    string? RecordedBy,
    DateTimeOffset RecordedAt,
    IReadOnlyList<IntroductionEventView> Timeline);

/// <summary>
/// One event; for step events, the hop it happened on (<c>from</c> → <c>to</c> over <c>relationship</c>). <c>recordedBy</c>
/// is given to editors and admins only.
/// </summary>
public sealed record IntroductionEventView(
    int Sequence,
    string Type,
    int? Step,
    string? From,
    string? To,
    string? Relationship,
    DateOnly Date,
    string? Evidence,
    string? RecordedBy,
    DateTimeOffset RecordedAt);
