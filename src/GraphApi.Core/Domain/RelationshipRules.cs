namespace GraphApi.Core.Domain;

public static class RelationshipRules
{
    /// <summary>Checks the relationship on its own; whether its ends exist is checked against the graph by the caller.</summary>
    public static ValidationErrors Validate(Relationship relationship, RelationshipTypeCatalogue catalogue)
    {
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
        TextRules.Check(errors, "note", relationship.Note, 2000, multiline: true);
        if (relationship.Evidence is { } evidence)
        {
            TextRules.Check(errors, "evidence.document", evidence.Document, 300);
            TextRules.Check(errors, "evidence.section", evidence.Section, 300);
            TextRules.Check(errors, "evidence.quote", evidence.Quote, 1000, multiline: true);
        }
        if (relationship.Event is { } ev)
        {
            TextRules.Check(errors, "event.name", ev.Name, 200);
            TextRules.Check(errors, "event.place", ev.Place, 200);
        }
        return errors;
    }

    private static string Truncate(string? value) => value is null ? "" : value.Length <= 40 ? value : value[..40] + "…";
}
