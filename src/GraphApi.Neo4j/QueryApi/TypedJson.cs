using System.Globalization;
using System.Text.Json;

namespace GraphApi.Neo4j.QueryApi;

/// <summary>
/// Decodes Neo4j's typed JSON (<c>application/vnd.neo4j.query</c>): every value is <c>{"$type": T, "_value": v}</c>.
/// Integers and floats arrive as strings so that 64-bit values survive JSON; they become <see cref="long"/> and
/// <see cref="double"/>.
/// </summary>
public static class TypedJson
{
    public static object? Decode(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object
            || !element.TryGetProperty("$type", out var typeElement)
            || typeElement.GetString() is not { } type)
        {
            throw new FormatException($"expected a typed value {{\"$type\":…,\"_value\":…}} but got {Describe(element)}");
        }
        element.TryGetProperty("_value", out var value);
        return type switch
        {
            "Null" => null,
            "Boolean" => value.GetBoolean(),
            "Integer" => long.Parse(Text(value), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture),
            "Float" => double.Parse(Text(value), NumberStyles.Float, CultureInfo.InvariantCulture),
            "String" => Text(value),
            "Base64" => Convert.FromBase64String(Text(value)),
            "List" => DecodeList(value),
            "Map" => DecodeMap(value),
            "Date" => DateOnly.ParseExact(Text(value), "yyyy-MM-dd", CultureInfo.InvariantCulture),
            "LocalTime" => TimeOnly.Parse(TrimFraction(Text(value)), CultureInfo.InvariantCulture),
            "LocalDateTime" => DateTime.Parse(TrimFraction(Text(value)), CultureInfo.InvariantCulture, DateTimeStyles.None),
            "OffsetDateTime" => DecodeZoned(Text(value)),
            "Node" => DecodeNode(value),
            "Relationship" => DecodeRelationship(value),
            "Path" => DecodePath(value),
            _ => new Neo4jText(type, value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText()),
        };
    }

    private static List<object?> DecodeList(JsonElement value) => [.. value.EnumerateArray().Select(Decode)];

    private static Dictionary<string, object?> DecodeMap(JsonElement value)
    {
        var map = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (value.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in value.EnumerateObject())
            {
                map[property.Name] = Decode(property.Value);
            }
        }
        return map;
    }

    private static Neo4jNode DecodeNode(JsonElement value) => new(
        value.GetProperty("_element_id").GetString()!,
        [.. value.GetProperty("_labels").EnumerateArray().Select(l => l.GetString()!)],
        value.TryGetProperty("_properties", out var properties) ? DecodeMap(properties) : new Dictionary<string, object?>());

    private static Neo4jRelationship DecodeRelationship(JsonElement value) => new(
        value.GetProperty("_element_id").GetString()!,
        value.GetProperty("_start_node_element_id").GetString()!,
        value.GetProperty("_end_node_element_id").GetString()!,
        value.GetProperty("_type").GetString()!,
        value.TryGetProperty("_properties", out var properties) ? DecodeMap(properties) : new Dictionary<string, object?>());

    private static Neo4jPath DecodePath(JsonElement value)
    {
        var nodes = new List<Neo4jNode>();
        var relationships = new List<Neo4jRelationship>();
        foreach (var element in value.EnumerateArray())
        {
            switch (Decode(element))
            {
                case Neo4jNode node:
                    nodes.Add(node);
                    break;
                case Neo4jRelationship relationship:
                    relationships.Add(relationship);
                    break;
                default:
                    throw new FormatException("a path may hold only nodes and relationships");
            }
        }
        return new Neo4jPath(nodes, relationships);
    }

    // "2015-11-21T21:40:32.142Z[Antarctica/Troll]": ISO-8601 with an optional region id in brackets.
    private static Neo4jZonedDateTime DecodeZoned(string text)
    {
        var bracket = text.IndexOf('[', StringComparison.Ordinal);
        var zone = bracket >= 0 ? text[(bracket + 1)..^1] : null;
        var instant = bracket >= 0 ? text[..bracket] : text;
        return new Neo4jZonedDateTime(
            DateTimeOffset.Parse(TrimFraction(instant), CultureInfo.InvariantCulture, DateTimeStyles.None), zone);
    }

    // Neo4j keeps nanoseconds; .NET keeps 100 ns ticks, so digits past the seventh are dropped before parsing.
    private static string TrimFraction(string text)
    {
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
        {
            return text;
        }
        var end = dot + 1;
        while (end < text.Length && char.IsAsciiDigit(text[end]))
        {
            end++;
        }
        return end - dot - 1 <= 7 ? text : string.Concat(text.AsSpan(0, dot + 8), text.AsSpan(end));
    }

    private static string Text(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();

    private static string Describe(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object ? "an object without $type" : element.ValueKind.ToString().ToLowerInvariant();
}
