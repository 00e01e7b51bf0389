using System.Globalization;
using GraphApi.Core.Domain;
using GraphApi.Neo4j.QueryApi;

namespace GraphApi.Neo4j;

/// <summary>
/// Actors ↔ :Actor node properties and relationships ↔ relationship properties. Neo4j properties are flat, so
/// nested values become prefixed keys (eventName, evidenceQuote, contactEmail); partial dates stay strings at their
/// own precision ("2015", "2015-05"). The same names are written by cypher/seed/load.cypher.
/// </summary>
internal static class Neo4jMapping
{
    public static Dictionary<string, object?> Properties(Actor actor, long revision)
    {
        var properties = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["id"] = actor.Id,
            ["name"] = actor.Name,
            ["aliases"] = actor.Aliases.ToArray(),
            ["kind"] = actor.Kind,
            ["country"] = actor.Country,
            ["sectors"] = actor.Sectors.ToArray(),
            ["sources"] = actor.Sources.ToArray(),
            ["revision"] = revision,
        };
        AddIfSet(properties, "city", actor.City);
        AddIfSet(properties, "website", actor.Website);
        AddIfSet(properties, "description", actor.Description);
        AddIfSet(properties, "contactEmail", actor.Contact?.Email);
        AddIfSet(properties, "contactPhone", actor.Contact?.Phone);
        AddIfSet(properties, "workspace", actor.Workspace);
        return properties;
    }

    public static Dictionary<string, object?> Properties(Relationship relationship, long revision)
    {
        var properties = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["id"] = relationship.Id,
            ["inferred"] = relationship.Inferred,
            ["revision"] = revision,
        };
        AddIfSet(properties, "since", relationship.Since?.ToString());
        AddIfSet(properties, "until", relationship.Until?.ToString());
        if (relationship.Strength is { } strength)
        {
            properties["strength"] = strength;
        }
        AddIfSet(properties, "eventName", relationship.Event?.Name);
        AddIfSet(properties, "eventDate", relationship.Event?.Date?.ToString());
        AddIfSet(properties, "eventPlace", relationship.Event?.Place);
        AddIfSet(properties, "note", relationship.Note);
        AddIfSet(properties, "evidenceDocument", relationship.Evidence?.Document);
        AddIfSet(properties, "evidenceSection", relationship.Evidence?.Section);
        AddIfSet(properties, "evidenceQuote", relationship.Evidence?.Quote);
        AddIfSet(properties, "workspace", relationship.Workspace);
        return properties;
    }

    public static Actor ToActor(Neo4jNode node)
    {
        var p = node.Properties;
        var email = Text(p, "contactEmail");
        var phone = Text(p, "contactPhone");
        return new Actor
        {
            Id = Required(p, "id"),
            Name = Required(p, "name"),
            Aliases = List(p, "aliases"),
            Kind = Required(p, "kind"),
            Country = Required(p, "country"),
            Sectors = List(p, "sectors"),
            City = Text(p, "city"),
            Website = Text(p, "website"),
            Description = Text(p, "description"),
            Sources = List(p, "sources"),
            Contact = email is null && phone is null ? null : new ContactDetails(email, phone),
            Workspace = Text(p, "workspace"),
            Revision = Revision(p),
        };
    }

    public static Relationship ToRelationship(Neo4jRelationship relationship, string source, string target)
    {
        var p = relationship.Properties;
        var eventName = Text(p, "eventName");
        var eventDate = Date(p, "eventDate");
        var eventPlace = Text(p, "eventPlace");
        var document = Text(p, "evidenceDocument");
        var section = Text(p, "evidenceSection");
        var quote = Text(p, "evidenceQuote");
        return new Relationship
        {
            Id = Required(p, "id"),
            Source = source,
            Target = target,
            Type = relationship.Type,
            Since = Date(p, "since"),
            Until = Date(p, "until"),
            Strength = p.TryGetValue("strength", out var s) && s is not null ? Convert.ToDouble(s, CultureInfo.InvariantCulture) : null,
            Event = eventName is null && eventDate is null && eventPlace is null ? null : new EventInfo(eventName, eventDate, eventPlace),
            Note = Text(p, "note"),
            Evidence = document is null && section is null && quote is null ? null : new Evidence(document, section, quote),
            Inferred = p.TryGetValue("inferred", out var inferred) && inferred is true,
            Workspace = Text(p, "workspace"),
            Revision = Revision(p),
        };
    }

    private static void AddIfSet(Dictionary<string, object?> properties, string key, string? value)
    {
        // Absent rather than null: Neo4j does not store nulls, and SET n = $map drops them anyway.
        if (!string.IsNullOrEmpty(value))
        {
            properties[key] = value;
        }
    }

    private static string Required(IReadOnlyDictionary<string, object?> p, string key) =>
        Text(p, key) ?? throw new InvalidDataException($"a stored record has no '{key}' property");

    private static string? Text(IReadOnlyDictionary<string, object?> p, string key) =>
        p.TryGetValue(key, out var value) && value is not null ? Convert.ToString(value, CultureInfo.InvariantCulture) : null;

    private static IReadOnlyList<string> List(IReadOnlyDictionary<string, object?> p, string key) =>
        p.TryGetValue(key, out var value) && value is IEnumerable<object?> items
            ? [.. items.Select(i => Convert.ToString(i, CultureInfo.InvariantCulture) ?? "")]
            : [];

    // Data loaded by hand may hold a Neo4j DATE; the adapter itself writes partial dates as strings.
    private static PartialDate? Date(IReadOnlyDictionary<string, object?> p, string key) =>
        p.TryGetValue(key, out var value) ? value switch
        {
            null => null,
            DateOnly date => PartialDate.FromDate(date),
            _ => PartialDate.Parse(Convert.ToString(value, CultureInfo.InvariantCulture)!),
        } : null;

    // Records loaded by hand without a revision start at 1, like a fresh insert.
    private static long Revision(IReadOnlyDictionary<string, object?> p) =>
        p.TryGetValue("revision", out var value) && value is not null ? Convert.ToInt64(value, CultureInfo.InvariantCulture) : 1;
}
