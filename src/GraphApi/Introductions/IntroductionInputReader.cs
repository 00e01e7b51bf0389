using GraphApi.Core.Domain;
using GraphApi.Core.Graph;
using GraphApi.Core.Introductions;
using GraphApi.Http;
using GraphApi.Http.Input;
using GraphApi.Workspaces;

namespace GraphApi.Introductions;

/// <summary>Checks ledger input field by field (400, every field at once) and against the graph (404 for unknown actors).</summary>
public static class IntroductionInputReader
{
    public const int MaxTextLength = 2000;

    public static readonly TextField Note = new("note", TextKind.MultiLine, MaxTextLength);
    public static readonly TextField Evidence = new("evidence", TextKind.MultiLine, MaxTextLength);

    /// <summary>The ledger's free-text fields (of an ask and of an event), for the documentation of the text rule.</summary>
    public static IReadOnlyList<TextField> TextFields { get; } = [Note, Evidence];

    /// <summary>
    /// The ask, checked against the caller's view of the graph (the public graph plus their workspace's records, so
    /// another workspace's ids are unknown here), owned by the caller's workspace when private.
    /// </summary>
    /// <exception cref="DomainValidationException">Every broken field (400), and a public ask along a private record.</exception>
    /// <exception cref="NotFoundException">The requester or the target names no actor (404).</exception>
    public static NewIntroduction Read(IntroductionInput input, CallerGraph caller, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(caller);
        var graph = caller.Snapshot;
        var errors = new ValidationErrors();
        var owner = Visibility.OwnerOfNew(caller, input.Visibility, errors);
        CheckId(input.Requester, "requester", errors);
        CheckId(input.Target, "target", errors);
        if (input.Requester is not null && input.Requester == input.Target)
        {
            errors.Add("target", "must differ from the requester");
        }
        if (input.Route?.Path is not { Count: > 0 } || input.Route.Relationships is not { Count: > 0 })
        {
            errors.Add("route", "is required: {\"path\":[requester, …, target],\"relationships\":[one id per hop]} as a route answer gives them");
        }
        Note.Check(errors, input.Note);
        var askedOn = ReadDate(input.Date, today, errors);
        errors.ThrowIfAny();
        var unknown = new[] { input.Requester!, input.Target! }.Where(id => graph.FindActor(id) is null).Distinct().ToArray();
        if (unknown.Length > 0)
        {
            throw NotFoundException.NoSuchActors(unknown);
        }
        IntroductionRoute.Check(graph, input.Requester!, input.Target!, input.Route!.Path!, input.Route.Relationships!, errors);
        errors.ThrowIfAny();
        if (owner is null)
        {
            CheckPublicRoute(graph, input.Route.Path!, input.Route.Relationships!, errors);
        }
        return new NewIntroduction(input.Requester!, input.Target!, input.Route.Path!, input.Route.Relationships!, TextRule.NormaliseOptional(input.Note), askedOn,
            owner);
    }

    /// <summary>
    /// A public ask may travel public records only: one along a private tie or actor would show everyone what only the
    /// workspace may know (and its outcomes would teach everyone's routes), so it must be the workspace's own.
    /// </summary>
    private static void CheckPublicRoute(GraphSnapshot graph, IReadOnlyList<string> path, IReadOnlyList<string> relationships, ValidationErrors errors)
    {
        var privateIds = path.Where(id => graph.FindActor(id)?.Workspace is not null)
            .Concat(relationships.Where(id => graph.FindRelationship(id)?.Workspace is not null))
            .ToArray();
        if (privateIds.Length > 0)
        {
            errors.Add("visibility", $"must be 'private': the route uses your workspace's private records ({string.Join(", ", privateIds.Select(id => $"'{id}'"))})");
        }
        errors.ThrowIfAny();
    }

    /// <exception cref="DomainValidationException">Every broken field (400); whether the event fits the ask is the ledger's question.</exception>
    public static NewIntroductionEvent Read(IntroductionEventInput input, ClosedSets sets, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(sets);
        var errors = new ValidationErrors();
        var type = sets.Canonical(IntroductionSets.EventType, input.Type, "type", errors);
        // A type outside the set is already an error (Canonical); a missing one is said here.
        if (!IntroductionNames.TryParseEvent(type, out var kind) && type is null)
        {
            errors.Add("type", $"is required: one of {string.Join(", ", IntroductionNames.EventKinds.Select(IntroductionNames.Of))}");
        }
        Evidence.Check(errors, input.Evidence);
        var date = ReadDate(input.Date, today, errors);
        errors.ThrowIfAny();
        return new NewIntroductionEvent(kind, input.Step, date, TextRule.NormaliseOptional(input.Evidence));
    }

    /// <summary>A YYYY-MM-DD date (read as every date is, by <see cref="AsOfQuery"/>) no later than today; today when left out.</summary>
    private static DateOnly ReadDate(string? text, DateOnly today, ValidationErrors errors)
    {
        if (AsOfQuery.Parse(text, errors, "date") is not { } date)
        {
            return today;
        }
        if (date > today)
        {
            errors.Add("date", $"must not be after today ({today:yyyy-MM-dd}): the ledger records what happened");
        }
        return date;
    }

    private static void CheckId(string? id, string field, ValidationErrors errors)
    {
        if (id is null)
        {
            errors.Add(field, "is required (an actor id)");
        }
        else if (!Ids.IsValid(id))
        {
            errors.Add(field, $"'{id}' is not an actor id ({Ids.Pattern})");
        }
    }
}
