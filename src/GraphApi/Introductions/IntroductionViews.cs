using System.Security.Claims;
using GraphApi.Core.Introductions;
using GraphApi.Security;

namespace GraphApi.Introductions;

/// <summary>Ledger records → the JSON the API promises.</summary>
public static class IntroductionViews
{
    /// <summary>Whether this caller may see the names of the keys that recorded asks and events (editors and admins, as for the audit).</summary>
    public static bool MaySeeKeyNames(ClaimsPrincipal caller) => caller is not null && caller.IsInRole(Roles.Editor);

    /// <summary>The ask as this caller may see it: with key names for editors and admins, without for readers and anonymous callers.</summary>
    public static IntroductionView For(ClaimsPrincipal caller, Introduction ask)
    {
        ArgumentNullException.ThrowIfNull(ask);
        return Of(MaySeeKeyNames(caller) ? ask : ask.WithoutKeyNames());
    }

    /// <summary>The ask with every field it holds; its workspace is always the caller's own (a view never holds another's).</summary>
    public static IntroductionView Of(Introduction ask)
    {
        ArgumentNullException.ThrowIfNull(ask);
        var state = ask.State;
        return new IntroductionView(ask.Id, ask.Requester, ask.Target, ask.Path, ask.Relationships, ask.Note, ask.AskedOn,
            IntroductionNames.Of(state.Status), ask.Hops, state.StepsForwarded, state.FailedStep, NextEvents(state, ask.Hops),
            ask.RecordedBy, ask.RecordedAt, [.. ask.Events.Select(e => Of(ask, e))], Workspaces.Visibility.Of(ask.Workspace), ask.Workspace);
    }

    private static IntroductionEventView Of(Introduction ask, IntroductionEvent e) => new(
        e.Sequence,
        IntroductionNames.Of(e.Kind),
        e.Step,
        e.Step is { } from ? ask.Path[from - 1] : null,
        e.Step is { } to ? ask.Path[to] : null,
        e.Step is { } hop ? ask.Relationships[hop - 1] : null,
        e.Date,
        e.Evidence,
        e.RecordedBy,
        e.RecordedAt);

    /// <summary>What may be recorded next, e.g. "forwarded@2", "declined@2", "no-answer@2", or "met": the state machine's table for this state.</summary>
    private static string[] NextEvents(IntroductionState state, int hops) => state.Status switch
    {
        IntroductionStatus.Open when state.StepsForwarded < hops =>
            [.. new[] { IntroductionEventKind.Forwarded, IntroductionEventKind.Declined, IntroductionEventKind.NoAnswer }
                .Select(k => $"{IntroductionNames.Of(k)}@{state.StepsForwarded + 1}")],
        IntroductionStatus.Reached => ["met"],
        IntroductionStatus.Met => ["agreement"],
        _ => [],
    };
}
