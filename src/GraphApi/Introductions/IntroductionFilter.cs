using GraphApi.Core.Domain;
using GraphApi.Core.Graph;
using GraphApi.Core.Introductions;

namespace GraphApi.Introductions;

/// <summary>The ledger list's filters, read and checked: AND of requester, target and status.</summary>
public sealed record IntroductionFilter(string? Requester, string? Target, IntroductionStatus? Status)
{
    public bool Matches(Introduction ask) =>
        (Requester is null || ask.Requester == Requester) && (Target is null || ask.Target == Target) && (Status is null || ask.State.Status == Status);

    /// <summary>
    /// The filter. Malformed values join <paramref name="errors"/> (the request's other errors), which are then thrown
    /// (400); an id that names no actor and appears in no ask is a 404 (a typo, not history). Both are the caller's views,
    /// so an id only another workspace knows is a 404 too.
    /// </summary>
    /// <exception cref="DomainValidationException">Every broken parameter.</exception>
    /// <exception cref="NotFoundException">Ids that name neither an actor nor anyone in the ledger.</exception>
    public static IntroductionFilter Read(string? requester, string? target, string? status, LedgerView ledger, GraphSnapshot graph, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(errors);
        CheckId(requester, "requester", errors);
        CheckId(target, "target", errors);
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
        errors.ThrowIfAny();
        var unknown = new[] { requester, target }.OfType<string>()
            .Where(id => graph.FindActor(id) is null && !ledger.All.Any(a => a.Path.Contains(id)))
            .Distinct().ToArray();
        return unknown.Length > 0 ? throw NotFoundException.NoSuchActors(unknown) : new IntroductionFilter(requester, target, wanted);
    }

    private static void CheckId(string? id, string field, ValidationErrors errors)
    {
        if (id is not null && !Ids.IsValid(id))
        {
            errors.Add(field, $"'{id}' is not an actor id ({Ids.Pattern})");
        }
    }
}
