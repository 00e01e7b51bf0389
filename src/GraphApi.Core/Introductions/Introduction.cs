using System.Text.Json.Serialization;

namespace GraphApi.Core.Introductions;

/// <summary>What can happen to an ask: at a step of its route, or at its end. JSON names are the API's (no-answer, …).</summary>
public enum IntroductionEventKind
{
    /// <summary>The step's tie carried the ask: the actor at its far end took it on (towards the next one, or as the target).</summary>
    [JsonStringEnumMemberName("forwarded")]
    Forwarded,

    /// <summary>The actor at the step's far end said no; the ask ends there.</summary>
    [JsonStringEnumMemberName("declined")]
    Declined,

    /// <summary>No answer came over the step's tie; the ask ends there (a retry is a new ask).</summary>
    [JsonStringEnumMemberName("no-answer")]
    NoAnswer,

    /// <summary>The requester met the target (after every step forwarded).</summary>
    [JsonStringEnumMemberName("met")]
    Met,

    /// <summary>The requester and the target signed an agreement (after they met). Nothing can follow it.</summary>
    [JsonStringEnumMemberName("agreement")]
    Agreement,
}

/// <summary>
/// One recorded event. <see cref="Step"/> is 1-based (hop k goes from path[k−1] to path[k]) for step events, null for end
/// events. <see cref="RecordedBy"/> is the key's name; null only in a copy made for callers who may not see key names.
/// </summary>
public sealed record IntroductionEvent(
    int Sequence,
    IntroductionEventKind Kind,
    int? Step,
    DateOnly Date,
    string? Evidence,
    string? RecordedBy,
    DateTimeOffset RecordedAt);

/// <summary>
/// An ask for an introduction along a route: <see cref="Path"/> runs from the requester to the target, and hop k
/// (1-based) travels <see cref="Relationships"/>[k−1] from Path[k−1] to Path[k]. Events are in recording order.
/// <see cref="RecordedBy"/> is the key's name; null only in a copy made by <see cref="WithoutKeyNames"/>.
/// </summary>
public sealed record Introduction(
    string Id,
    string Requester,
    string Target,
    IReadOnlyList<string> Path,
    IReadOnlyList<string> Relationships,
    string? Note,
    DateOnly AskedOn,
    string? RecordedBy,
    DateTimeOffset RecordedAt,
    IReadOnlyList<IntroductionEvent> Events)
{
    /// <summary>
    /// The workspace that owns the ask when it is private (only its members see it, count it or learn from it); null
    /// for an ask of the public ledger. An ask along a private tie or actor is always its workspace's.
    /// </summary>
    public string? Workspace { get; init; }

    public int Hops => Relationships.Count;

    /// <summary>Whether a caller of <paramref name="workspace"/> (null: the public graph only) may see the ask.</summary>
    public bool IsVisibleTo(string? workspace) => Workspace is null || Workspace == workspace;

    /// <summary>Names this state of the ask (for HTTP caching): an ask changes only by gaining events, in one order everywhere.</summary>
    public int Revision => 1 + Events.Count;

    /// <summary>
    /// The ask and its events without the names of the keys that recorded them: key names are the deployment's own
    /// (who automates what), shown to editors and admins only, like the audit trail they also appear in.
    /// </summary>
    public Introduction WithoutKeyNames() => this with { RecordedBy = null, Events = [.. Events.Select(e => e with { RecordedBy = null })] };

    public IntroductionState State => IntroductionStateMachine.Replay(this);
}

/// <summary>Where an ask stands: how many steps carried it, and its status.</summary>
public sealed record IntroductionState(IntroductionStatus Status, int StepsForwarded, int? FailedStep);

public enum IntroductionStatus
{
    /// <summary>Asked; zero or more steps forwarded, the rest to come.</summary>
    [JsonStringEnumMemberName("open")]
    Open,

    /// <summary>Every step forwarded; waiting for the meeting.</summary>
    [JsonStringEnumMemberName("reached")]
    Reached,
    [JsonStringEnumMemberName("declined")]
    Declined,
    [JsonStringEnumMemberName("no-answer")]
    NoAnswer,
    [JsonStringEnumMemberName("met")]
    Met,
    [JsonStringEnumMemberName("agreement")]
    Agreement,
}

/// <summary>The lower-case names the API uses for event kinds and statuses: the members' JSON names (<see cref="ApiNames{TEnum}"/>).</summary>
public static class IntroductionNames
{
    public static string Of(IntroductionEventKind kind) => ApiNames<IntroductionEventKind>.Of(kind);

    public static string Of(IntroductionStatus status) => ApiNames<IntroductionStatus>.Of(status);

    public static readonly IReadOnlyList<IntroductionEventKind> EventKinds = Enum.GetValues<IntroductionEventKind>();

    public static readonly IReadOnlyList<IntroductionStatus> Statuses = Enum.GetValues<IntroductionStatus>();

    public static bool TryParseEvent(string? text, out IntroductionEventKind kind) => ApiNames<IntroductionEventKind>.TryParse(text, out kind);

    public static bool TryParseStatus(string? text, out IntroductionStatus status) => ApiNames<IntroductionStatus>.TryParse(text, out status);

    public static bool IsStepEvent(IntroductionEventKind kind) => kind is IntroductionEventKind.Forwarded or IntroductionEventKind.Declined or IntroductionEventKind.NoAnswer;
}
