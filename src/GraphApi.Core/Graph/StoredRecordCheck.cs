using System.Buffers;
using GraphApi.Core.Domain;

namespace GraphApi.Core.Graph;

/// <summary>
/// A start-up's look at what the store holds against today's text rule. Rows written before a rule existed (or
/// around the API) load and are served as they are; each one whose text the rule would refuse now is named once,
/// with everything the record rules say is wrong with it, so someone can fix it through the API (a PUT with valid
/// text, or a DELETE) instead of the service refusing to start.
/// </summary>
/// <remarks>
/// One linear pass, cheap enough for every start: text that is printable ASCII (tab and line breaks allowed in the
/// multi-line fields) cannot break the text rule (no controls, noncharacters, surrogates, format characters, and it
/// is NFC), so only records holding anything else go through <see cref="ActorRules"/> and
/// <see cref="RelationshipRules"/>, which name the field and the problem. Most records never get that far.
/// </remarks>
public static class StoredRecordCheck
{
    private static readonly SearchValues<char> PlainLine = SearchValues.Create(Printable);
    private static readonly SearchValues<char> PlainText = SearchValues.Create(Printable + "\t\n\r");

    private static string Printable => string.Concat(Enumerable.Range(0x20, 0x7F - 0x20).Select(c => (char)c));

    /// <summary>A stored record that breaks today's rules: its kind ("actor", "relationship"), id, and what is wrong.</summary>
    public sealed record Finding(string Entity, string Id, string Problems);

    public static IReadOnlyList<Finding> Scan(GraphSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var findings = new List<Finding>();
        foreach (var actor in snapshot.Actors)
        {
            if (!IsPlain(actor) && ActorRules.Validate(actor) is { IsEmpty: false } errors)
            {
                findings.Add(new Finding("actor", actor.Id, errors.ToString()));
            }
        }
        foreach (var relationship in snapshot.Relationships)
        {
            if (!IsPlain(relationship) && RelationshipRules.Validate(relationship, snapshot.Catalogue) is { IsEmpty: false } errors)
            {
                findings.Add(new Finding("relationship", relationship.Id, errors.ToString()));
            }
        }
        return findings;
    }

    private static bool IsPlain(Actor a) =>
        Line(a.Id) && Line(a.Name) && Line(a.Kind) && Line(a.Country) && Line(a.City) && Line(a.Website) && Text(a.Description)
        && Lines(a.Aliases) && Lines(a.Sectors) && Lines(a.Sources) && (a.Contact is null || (Line(a.Contact.Email) && Line(a.Contact.Phone)));

    // Source and target are ids of actors in the same snapshot, whose ids are checked with them.
    private static bool IsPlain(Relationship r) =>
        Line(r.Id) && Line(r.Type) && Text(r.Note)
        && (r.Event is null || (Line(r.Event.Name) && Line(r.Event.Place)))
        && (r.Evidence is null || (Line(r.Evidence.Document) && Line(r.Evidence.Section) && Text(r.Evidence.Quote)));

    private static bool Line(string? value) => value is null || !value.AsSpan().ContainsAnyExcept(PlainLine);

    private static bool Text(string? value) => value is null || !value.AsSpan().ContainsAnyExcept(PlainText);

    private static bool Lines(IReadOnlyList<string>? values)
    {
        if (values is null)
        {
            return true;
        }
        for (var i = 0; i < values.Count; i++)
        {
            if (!Line(values[i]))
            {
                return false;
            }
        }
        return true;
    }
}
