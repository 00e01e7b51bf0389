namespace GraphApi.Core.Domain;

public static class ActorRules
{
    public const int MaxNameLength = 200;
    public const int MaxAliases = 30;
    public const int MaxSectors = 20;
    public const int MaxSources = 30;

    public static readonly TextField Name = new("name", TextKind.Identifying, MaxNameLength, Required: true);
    public static readonly TextField Aliases = new("aliases", TextKind.Identifying, MaxNameLength);
    public static readonly TextField Sectors = new("sectors", TextKind.Identifying, 64);
    public static readonly TextField City = new("city", TextKind.Identifying, 100);
    public static readonly TextField Website = new("website", TextKind.Identifying, 500);
    public static readonly TextField Description = new("description", TextKind.MultiLine, 4000);
    public static readonly TextField Sources = new("sources", TextKind.Line, 300);
    public static readonly TextField Email = new("contact.email", TextKind.Identifying, 254);
    public static readonly TextField Phone = new("contact.phone", TextKind.Identifying, 40);

    /// <summary>The fields every actor must carry (<see cref="Validate"/> refuses it without them); the API document lists them as required.</summary>
    public static IReadOnlyList<string> RequiredFields { get; } = ["name", "kind", "country"];

    /// <summary>Every text field of an actor, for the documentation of the text rule.</summary>
    public static IReadOnlyList<TextField> TextFields { get; } = [Name, Aliases, Sectors, City, Website, Description, Sources, Email, Phone];

    /// <summary>Checks the actor as sent (before <see cref="Normalised"/>), so positions in refusals are the caller's.</summary>
    public static ValidationErrors Validate(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var errors = new ValidationErrors();
        if (!Ids.IsValid(actor.Id))
        {
            errors.Add("id", $"must match {Ids.Pattern} (lower-case letters, digits and '-', 2-64 characters)");
        }
        Name.Check(errors, actor.Name);
        Aliases.CheckList(errors, actor.Aliases, MaxAliases);
        if (!ActorKinds.IsKnown(actor.Kind))
        {
            errors.Add("kind", $"'{actor.Kind}' is not a known kind; use one of {string.Join(", ", ActorKinds.All)}");
        }
        if (!Countries.IsKnown(actor.Country))
        {
            errors.Add("country", $"'{actor.Country}' is not an ISO 3166-1 alpha-2 code in upper case (or EU)");
        }
        Sectors.CheckList(errors, actor.Sectors, MaxSectors);
        City.Check(errors, actor.City);
        Website.Check(errors, actor.Website);
        // One problem at a time: text the rule refuses is not also judged as a URL or an address.
        if (!string.IsNullOrWhiteSpace(actor.Website) && TextRule.IsAllowed(actor.Website, Website.Kind) && !IsHttpUrl(actor.Website))
        {
            errors.Add("website", "must be an absolute http or https URL");
        }
        Description.Check(errors, actor.Description);
        Sources.CheckList(errors, actor.Sources, MaxSources);
        if (actor.Contact is { } contact)
        {
            Email.Check(errors, contact.Email);
            if (contact.Email is { Length: > 0 } email && TextRule.IsAllowed(email, Email.Kind) && !email.Contains('@', StringComparison.Ordinal))
            {
                errors.Add("contact.email", "must be an e-mail address");
            }
            Phone.Check(errors, contact.Phone);
        }
        return errors;
    }

    /// <summary>
    /// The actor with every text in NFC, as it is stored. Every entry calls this after <see cref="Validate"/> passes;
    /// it is safe on any actor (text the rule refuses is left as it is).
    /// </summary>
    public static Actor Normalised(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor with
        {
            Name = TextRule.Normalise(actor.Name),
            Aliases = TextRule.Normalise(actor.Aliases),
            Sectors = TextRule.Normalise(actor.Sectors),
            City = TextRule.NormaliseOptional(actor.City),
            Website = TextRule.NormaliseOptional(actor.Website),
            Description = TextRule.NormaliseOptional(actor.Description),
            Sources = TextRule.Normalise(actor.Sources),
            Contact = actor.Contact is { } contact
                ? new ContactDetails(TextRule.NormaliseOptional(contact.Email), TextRule.NormaliseOptional(contact.Phone))
                : null,
        };
    }

    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
