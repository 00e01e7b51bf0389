using System.Globalization;
using GraphApi.Core.Domain;

namespace GraphApi.Core.Interchange;

/// <summary>An actor attribute as graph formats carry it; the value takes the actor's snapshot index and the actor.</summary>
public sealed record NodeProperty(string Name, AttributeKind Type, Func<int, Actor, object?> Value);

/// <summary>A relationship as exported: its effective strength (override, else the type's default) and direction semantics.</summary>
public readonly record struct ExportEdge(Relationship Relationship, double Strength, bool Directed);

public sealed record EdgeProperty(string Name, AttributeKind Type, Func<ExportEdge, object?> Value);

/// <summary>
/// The attributes every graph format exports, in one place so that GraphML, GEXF and Cytoscape agree. Lists are
/// '|'-joined strings, as in the seed CSV, because GraphML has no list type and GEXF list types are read
/// differently by different tools. Contact details are personal data and are deliberately absent.
/// </summary>
public static class GraphAttributes
{
    public static readonly IReadOnlyList<NodeProperty> Actor =
    [
        new("name", AttributeKind.Text, (_, a) => a.Name),
        new("kind", AttributeKind.Text, (_, a) => a.Kind),
        new("country", AttributeKind.Text, (_, a) => a.Country),
        new("region", AttributeKind.Text, (_, a) => a.Region),
        new("sectors", AttributeKind.Text, (_, a) => JoinList(a.Sectors)),
        new("city", AttributeKind.Text, (_, a) => a.City),
        new("aliases", AttributeKind.Text, (_, a) => JoinList(a.Aliases)),
        new("website", AttributeKind.Text, (_, a) => a.Website),
        new("description", AttributeKind.Text, (_, a) => a.Description),
        new("sources", AttributeKind.Text, (_, a) => JoinList(a.Sources)),
    ];

    public static readonly IReadOnlyList<EdgeProperty> Relationship =
    [
        new("type", AttributeKind.Text, e => e.Relationship.Type),
        new("directed", AttributeKind.TrueFalse, e => e.Directed),
        new("strength", AttributeKind.RealNumber, e => e.Strength),
        new("since", AttributeKind.Text, e => e.Relationship.Since?.ToString()),
        new("until", AttributeKind.Text, e => e.Relationship.Until?.ToString()),
        new("eventName", AttributeKind.Text, e => e.Relationship.Event?.Name),
        new("eventDate", AttributeKind.Text, e => e.Relationship.Event?.Date?.ToString()),
        new("eventPlace", AttributeKind.Text, e => e.Relationship.Event?.Place),
        new("note", AttributeKind.Text, e => e.Relationship.Note),
        new("evidenceDocument", AttributeKind.Text, e => e.Relationship.Evidence?.Document),
        new("evidenceSection", AttributeKind.Text, e => e.Relationship.Evidence?.Section),
        new("evidenceQuote", AttributeKind.Text, e => e.Relationship.Evidence?.Quote),
        new("inferred", AttributeKind.TrueFalse, e => e.Relationship.Inferred),
    ];

    public static string? JoinList(IReadOnlyList<string> values) => values.Count == 0 ? null : string.Join('|', values);

    /// <summary>Invariant text for a value: round-trippable doubles, lower-case booleans (what XML Schema and NetworkX read).</summary>
    public static string Format(object value) => value switch
    {
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
