using System.Globalization;
using GraphApi.Core.Domain;

namespace GraphApi.Core.Interchange;

/// <summary>A row of either file turned into its record, each field checked and reported under its column.</summary>
public static partial class GraphCsv
{
    private static Actor ParseActor(Row row, ValidationErrors errors)
    {
        var actor = new Actor
        {
            Id = row.Get("id"),
            Name = row.Get("name"),
            Aliases = row.List("aliases"),
            Kind = row.Get("kind"),
            Country = row.Get("country"),
            City = row.Optional("city"),
            Sectors = row.List("sectors"),
            Website = row.Optional("website"),
            Description = row.Optional("description"),
            Sources = row.List("sources"),
        };
        errors.AddRange(ActorRules.Validate(actor));
        return ActorRules.Normalised(actor);
    }

    private static Relationship ParseRelationship(Row row, ValidationErrors errors, RelationshipTypeCatalogue catalogue)
    {
        var relationship = new Relationship
        {
            Id = row.Get("id"),
            Source = row.Get("source"),
            Target = row.Get("target"),
            Type = row.Get("type"),
            Since = row.Date("since", errors),
            Until = row.Date("until", errors),
            Strength = row.Number("strength", errors),
            Event = row.Optional("eventName") is null && row.Optional("eventDate") is null && row.Optional("eventPlace") is null
                ? null
                : new EventInfo(row.Optional("eventName"), row.Date("eventDate", errors), row.Optional("eventPlace")),
            Note = row.Optional("note"),
            Evidence = row.Optional("evidenceDocument") is null && row.Optional("evidenceSection") is null && row.Optional("evidenceQuote") is null
                ? null
                : new Evidence(row.Optional("evidenceDocument"), row.Optional("evidenceSection"), row.Optional("evidenceQuote")),
            Inferred = row.Flag("inferred", errors),
        };
        errors.AddRange(RelationshipRules.Validate(relationship, catalogue));
        return RelationshipRules.Normalised(relationship);
    }

    private readonly record struct Row(IReadOnlyList<string> Fields, Dictionary<string, int> Columns)
    {
        // Trimmed, then the export's formula guard undone: its apostrophe shields a guarded leading tab or line break from the trim.
        public string Get(string column) => Columns.TryGetValue(column, out var i) ? CsvFormulaGuard.UnescapeCell(column, Fields[i].Trim()) : "";

        public string? Optional(string column) => Get(column) is { Length: > 0 } value ? value : null;

        public IReadOnlyList<string> List(string column) =>
            [.. Get(column).Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];

        public PartialDate? Date(string column, ValidationErrors errors)
        {
            var text = Optional(column);
            if (text is null)
            {
                return null;
            }
            if (PartialDate.TryParse(text, out var date))
            {
                return date;
            }
            errors.Add(column, $"'{text}' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD");
            return null;
        }

        public double? Number(string column, ValidationErrors errors)
        {
            var text = Optional(column);
            if (text is null)
            {
                return null;
            }
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }
            errors.Add(column, $"'{text}' is not a number");
            return null;
        }

        public bool Flag(string column, ValidationErrors errors)
        {
            var text = Optional(column);
            if (text is null || text.Equals("false", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
            if (text.Equals("true", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
            errors.Add(column, $"'{text}' must be true or false");
            return false;
        }
    }
}
