using System.Globalization;
using GraphApi.Core.Domain;
using GraphApi.Core.Graph;
using GraphApi.Core.Introductions;

namespace GraphApi.Introductions;

/// <summary>Checks ledger input field by field: per-field errors (400), or the actor ids that do not exist (404).</summary>
public static class IntroductionInputReader
{
    public const int MaxTextLength = 2000;

    public static readonly TextField Note = new("note", TextKind.MultiLine, MaxTextLength);
    public static readonly TextField Evidence = new("evidence", TextKind.MultiLine, MaxTextLength);

    /// <summary>The ledger's free-text fields (of an ask and of an event), for the documentation of the text rule.</summary>
    public static IReadOnlyList<TextField> TextFields { get; } = [Note, Evidence];

    public static (NewIntroduction? Ask, ValidationErrors Errors, IReadOnlyList<string> UnknownIds) Read(IntroductionInput input, GraphSnapshot graph, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(graph);
        var errors = new ValidationErrors();
        CheckId(input.Requester, "requester", errors);
        CheckId(input.Target, "target", errors);
        if (input.Requester is not null && input.Requester == input.Target)
        {
            errors.Add("target", "must differ from the requester");
        }
        if (input.Route?.Path is not { Count: > 0 } || input.Route.Relationships is not { Count: > 0 })
        {
            errors.Add("route", "give the route asked along: {\"path\":[requester, …, target],\"relationships\":[one id per hop]} as a route answer gives them");
        }
        Note.Check(errors, input.Note);
        var askedOn = ReadDate(input.Date, today, errors);
        if (!errors.IsEmpty)
        {
            return (null, errors, []);
        }
        var unknown = new[] { input.Requester!, input.Target! }.Where(id => graph.FindActor(id) is null).Distinct().ToArray();
        if (unknown.Length > 0)
        {
            return (null, errors, unknown);
        }
        IntroductionRoute.Check(graph, input.Requester!, input.Target!, input.Route!.Path!, input.Route.Relationships!, errors);
        return errors.IsEmpty
            ? (new NewIntroduction(input.Requester!, input.Target!, input.Route.Path!, input.Route.Relationships!, TextRule.NormaliseOptional(input.Note), askedOn), errors, [])
            : (null, errors, []);
    }

    public static (NewIntroductionEvent? Event, ValidationErrors Errors) Read(IntroductionEventInput input, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new ValidationErrors();
        if (!IntroductionNames.TryParseEvent(input.Type, out var kind))
        {
            errors.Add("type", $"must be one of {string.Join(", ", IntroductionNames.EventKinds.Select(IntroductionNames.Of))}");
        }
        Evidence.Check(errors, input.Evidence);
        var date = ReadDate(input.Date, today, errors);
        return errors.IsEmpty ? (new NewIntroductionEvent(kind, input.Step, date, TextRule.NormaliseOptional(input.Evidence)), errors) : (null, errors);
    }

    /// <summary>A YYYY-MM-DD date no later than today; today when left out.</summary>
    private static DateOnly ReadDate(string? text, DateOnly today, ValidationErrors errors)
    {
        if (text is null)
        {
            return today;
        }
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            errors.Add("date", "must be a date of the form YYYY-MM-DD");
        }
        else if (date > today)
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
