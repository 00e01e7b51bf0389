namespace GraphApi.Core.Introductions;

/// <summary>Why an event cannot be recorded: bad input (400, per field) or a conflict with the ask's state (409).</summary>
public sealed record IntroductionRefusal(bool IsConflict, string Field, string Message);

/// <summary>
/// The life of an ask over a route of n hops. States and the only events each accepts:
/// <code>
///   open(k forwarded, k &lt; n) --forwarded at step k+1--> open(k+1), or reached when k+1 = n
///   open(k forwarded)          --declined at step k+1---> declined   (final)
///   open(k forwarded)          --no-answer at step k+1--> no-answer  (final)
///   reached                    --met-------------------> met
///   met                        --agreement-------------> agreement  (final)
/// </code>
/// Step events name their step (1..n; hop k goes from path[k−1] to path[k]); end events (met, agreement) name none.
/// A step outside 1..n, a missing or superfluous step, or an unknown kind is bad input (400). Anything else the table
/// does not allow is a conflict with the ask's state (409): an event after a final one, a step other than the next
/// one (out of order), met before every step was forwarded, agreement before met, and an event dated before the
/// ask or before the event recorded last. A refused event changes nothing.
/// </summary>
public static class IntroductionStateMachine
{
    /// <summary>A new ask: nothing forwarded yet (a route has at least one hop).</summary>
    public static IntroductionState Initial { get; } = new(IntroductionStatus.Open, 0, null);

    /// <summary>The state after every recorded event (which were checked when they were recorded).</summary>
    public static IntroductionState Replay(Introduction ask)
    {
        ArgumentNullException.ThrowIfNull(ask);
        var state = Initial;
        foreach (var e in ask.Events)
        {
            state = Next(state, ask.Hops, e.Kind, e.Step);
        }
        return state;
    }

    /// <summary>Null when the event may be recorded on the ask now; otherwise why not.</summary>
    public static IntroductionRefusal? Check(Introduction ask, IntroductionEventKind kind, int? step, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(ask);
        if (CheckInput(ask.Hops, kind, step) is { } invalid)
        {
            return invalid;
        }
        var state = Replay(ask);
        if (CheckTransition(state, ask.Hops, kind, step) is { } conflict)
        {
            return conflict;
        }
        var latest = ask.Events.Count > 0 ? ask.Events[^1].Date : ask.AskedOn;
        return date < latest
            ? new IntroductionRefusal(true, "date", $"{date:yyyy-MM-dd} is before {(ask.Events.Count > 0 ? "the last recorded event" : "the ask")} ({latest:yyyy-MM-dd}): events are recorded in the order they happened")
            : null;
    }

    /// <summary>The state after one allowed event.</summary>
    public static IntroductionState Next(IntroductionState state, int hops, IntroductionEventKind kind, int? step)
    {
        ArgumentNullException.ThrowIfNull(state);
        if ((CheckInput(hops, kind, step) ?? CheckTransition(state, hops, kind, step)) is { } refusal)
        {
            throw new InvalidOperationException($"event {IntroductionNames.Of(kind)} is not allowed here: {refusal.Message}");
        }
        return kind switch
        {
            IntroductionEventKind.Forwarded => state.StepsForwarded + 1 == hops
                ? new IntroductionState(IntroductionStatus.Reached, hops, null)
                : state with { StepsForwarded = state.StepsForwarded + 1 },
            IntroductionEventKind.Declined => state with { Status = IntroductionStatus.Declined, FailedStep = step },
            IntroductionEventKind.NoAnswer => state with { Status = IntroductionStatus.NoAnswer, FailedStep = step },
            IntroductionEventKind.Met => state with { Status = IntroductionStatus.Met },
            _ => state with { Status = IntroductionStatus.Agreement },
        };
    }

    public static bool IsFinal(IntroductionStatus status) =>
        status is IntroductionStatus.Declined or IntroductionStatus.NoAnswer or IntroductionStatus.Agreement;

    private static IntroductionRefusal? CheckInput(int hops, IntroductionEventKind kind, int? step)
    {
        if (!Enum.IsDefined(kind))
        {
            return new IntroductionRefusal(false, "type", $"'{kind}' is not an event type");
        }
        if (IntroductionNames.IsStepEvent(kind))
        {
            return step switch
            {
                null => new IntroductionRefusal(false, "step", $"{IntroductionNames.Of(kind)} happens at a step: give step 1..{hops}"),
                var s when s < 1 || s > hops => new IntroductionRefusal(false, "step", $"step {s} is not on the route: it has steps 1..{hops}"),
                _ => null,
            };
        }
        return step is null ? null
            : new IntroductionRefusal(false, "step", $"{IntroductionNames.Of(kind)} happens at the end of the route: leave step out");
    }

    private static IntroductionRefusal? CheckTransition(IntroductionState state, int hops, IntroductionEventKind kind, int? step)
    {
        if (IsFinal(state.Status))
        {
            return Conflict($"the ask is closed ({IntroductionNames.Of(state.Status)}): nothing can be recorded after it");
        }
        if (IntroductionNames.IsStepEvent(kind))
        {
            var next = state.StepsForwarded + 1;
            return state.Status != IntroductionStatus.Open ? Conflict($"every step was already forwarded (status {IntroductionNames.Of(state.Status)})")
                : step != next ? Conflict($"the next step is {next} of {hops}, not {step}: steps are recorded in route order")
                : null;
        }
        return kind switch
        {
            IntroductionEventKind.Met when state.Status == IntroductionStatus.Met => Conflict("the meeting is already recorded"),
            IntroductionEventKind.Met when state.Status != IntroductionStatus.Reached =>
                Conflict($"met needs every step forwarded first: {state.StepsForwarded} of {hops} are"),
            IntroductionEventKind.Agreement when state.Status != IntroductionStatus.Met => Conflict("an agreement needs the meeting (met) recorded first"),
            _ => null,
        };
    }

    private static IntroductionRefusal Conflict(string message) => new(true, "type", message);
}
