namespace GraphApi.Core.Domain;

public static class ActorRules
{
    public const int MaxNameLength = 200;

    public static ValidationErrors Validate(Actor actor)
    {
        var errors = new ValidationErrors();
        if (!Ids.IsValid(actor.Id))
        {
            errors.Add("id", $"must match {Ids.Pattern} (lower-case letters, digits and '-', 2-64 characters)");
        }
        TextRules.Check(errors, "name", actor.Name, MaxNameLength, required: true);
        TextRules.CheckList(errors, "aliases", actor.Aliases, 30, MaxNameLength);
        if (!ActorKinds.IsKnown(actor.Kind))
        {
            errors.Add("kind", $"'{actor.Kind}' is not a known kind; use one of {string.Join(", ", ActorKinds.All)}");
        }
        if (!Countries.IsKnown(actor.Country))
        {
            errors.Add("country", $"'{actor.Country}' is not an ISO 3166-1 alpha-2 code in upper case (or EU)");
        }
        TextRules.CheckList(errors, "sectors", actor.Sectors, 20, 64);
        TextRules.Check(errors, "city", actor.City, 100);
        TextRules.Check(errors, "website", actor.Website, 500);
        if (!string.IsNullOrWhiteSpace(actor.Website) && !IsHttpUrl(actor.Website))
        {
            errors.Add("website", "must be an absolute http or https URL");
        }
        TextRules.Check(errors, "description", actor.Description, 4000, multiline: true);
        TextRules.CheckList(errors, "sources", actor.Sources, 30, 300);
        if (actor.Contact is { } contact)
        {
            TextRules.Check(errors, "contact.email", contact.Email, 254);
            if (contact.Email is { Length: > 0 } email && !email.Contains('@', StringComparison.Ordinal))
            {
                errors.Add("contact.email", "must be an e-mail address");
            }
            TextRules.Check(errors, "contact.phone", contact.Phone, 40);
        }
        return errors;
    }

    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
