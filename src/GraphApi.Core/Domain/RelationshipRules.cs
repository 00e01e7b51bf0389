namespace GraphApi.Core.Domain;

public static class RelationshipRules
{
    public static readonly TextField Note = new("note", TextKind.MultiLine, 2000);
    public static readonly TextField EvidenceDocument = new("evidence.document", TextKind.Line, 300);
    public static readonly TextField EvidenceSection = new("evidence.section", TextKind.Line, 300);
    public static readonly TextField EvidenceQuote = new("evidence.quote", TextKind.MultiLine, 1000);
    public static readonly TextField EventName = new("event.name", TextKind.Identifying, 200);
    public static readonly TextField EventPlace = new("event.place", TextKind.Identifying, 200);

    /// <summary>The fields every relationship must carry (<see cref="Validate"/> refuses it without them); the API document lists them as required.</summary>
    public static IReadOnlyList<string> RequiredFields { get; } = ["source", "target", "type"];

    /// <summary>Every text field of a relationship, for the documentation of the text rule.</summary>
    public static IReadOnlyList<TextField> TextFields { get; } = [Note, EvidenceDocument, EvidenceSection, EvidenceQuote, EventName, EventPlace];

    /// <summary>Checks the relationship on its own; whether its ends exist is checked against the graph by the caller.</summary>
    public static ValidationErrors Validate(Relationship relationship, RelationshipTypeCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(relationship);
        ArgumentNullException.ThrowIfNull(catalogue);
        var errors = new ValidationErrors();
        if (!Ids.IsValid(relationship.Id))
        {
            errors.Add("id", $"must match {Ids.Pattern}");
        }
        if (!Ids.IsValid(relationship.Source))
        {
            errors.Add("source", "must be an actor id");
        }
        if (!Ids.IsValid(relationship.Target))
        {
            errors.Add("target", "must be an actor id");
        }
        if (relationship.Source == relationship.Target)
        {
            errors.Add("target", "must differ from source: an actor cannot have a relationship with itself");
        }
        if (!catalogue.IsKnown(relationship.Type))
        {
            errors.Add("type", $"'{Truncate(relationship.Type)}' is not a known type; use one of {string.Join(", ", catalogue.All.Select(t => t.Name))}");
        }
        if (relationship is { Since: { } since, Until: { } until } && since.Start > until.End)
        {
            errors.Add("until", $"must not be before since ({since})");
        }
        if (relationship.Strength is { } strength && !(strength > 0 && strength <= 1))
        {
            errors.Add("strength", "must be a number with 0 < strength <= 1");
        }
        Note.Check(errors, relationship.Note);
        if (relationship.Evidence is { } evidence)
        {
            EvidenceDocument.Check(errors, evidence.Document);
            EvidenceSection.Check(errors, evidence.Section);
            EvidenceQuote.Check(errors, evidence.Quote);
        }
        if (relationship.Event is { } ev)
        {
            EventName.Check(errors, ev.Name);
            EventPlace.Check(errors, ev.Place);
        }
        return errors;
    }

    /// <summary>
    /// The relationship with every text in NFC, as it is stored (ids and types are ASCII once valid). Every entry calls
    /// this after <see cref="Validate"/> passes; it is safe on any relationship.
    /// </summary>
    public static Relationship Normalised(Relationship relationship)
    {
        ArgumentNullException.ThrowIfNull(relationship);
        var evidence = relationship.Evidence is { } given
            ? new Evidence(TextRule.NormaliseOptional(given.Document), TextRule.NormaliseOptional(given.Section), TextRule.NormaliseOptional(given.Quote))
            : null;
        var ev = relationship.Event is { } sent ? sent with { Name = TextRule.NormaliseOptional(sent.Name), Place = TextRule.NormaliseOptional(sent.Place) } : null;
        // Nothing left in them is no evidence and no event, as the CSV format reads empty cells: exports round-trip.
        return relationship with
        {
            Note = TextRule.NormaliseOptional(relationship.Note),
            Evidence = evidence is (null, null, null) ? null : evidence,
            Event = ev is (null, null, null) ? null : ev,
        };
    }

    private static string Truncate(string? value) => value is null ? "" : value.Length <= 40 ? value : value[..40] + "…";
}
