using System.Text.Json;
using GraphApi.Core.Domain;
using GraphApi.Neo4j.QueryApi;

namespace GraphApi.Neo4j;

/// <summary>
/// A change-log record: the properties the adapter stores for an actor (<see cref="Neo4jMapping.Properties(Actor, long)"/>),
/// or for a relationship with its type and ends, as JSON text. It is read back through <see cref="Neo4jMapping"/>, the
/// same code a full load reads nodes with, so a replica applying it holds exactly what a reload would have given it
/// (absent properties stay absent, partial dates stay text, a whole-number strength reads as a number).
/// </summary>
internal static class Neo4jChangeJson
{
    public static string Write(Actor actor) => JsonSerializer.Serialize(Neo4jMapping.Properties(actor, actor.Revision));

    public static string Write(Relationship relationship) => JsonSerializer.Serialize(new Dictionary<string, object?>(StringComparer.Ordinal)
    {
        ["type"] = relationship.Type,
        ["source"] = relationship.Source,
        ["target"] = relationship.Target,
        ["properties"] = Neo4jMapping.Properties(relationship, relationship.Revision),
    });

    public static Actor ReadActor(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Neo4jMapping.ToActor(new Neo4jNode("", ["Actor"], Map(document.RootElement)));
    }

    public static Relationship ReadRelationship(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var stored = new Neo4jRelationship("", "", "", Text(root, "type"), Map(root.GetProperty("properties")));
        return Neo4jMapping.ToRelationship(stored, Text(root, "source"), Text(root, "target"));
    }

    private static string Text(JsonElement root, string name) =>
        root.GetProperty(name).GetString() ?? throw new InvalidDataException($"a change-log record has no '{name}'");

    private static Dictionary<string, object?> Map(JsonElement element)
    {
        var map = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            map[property.Name] = Value(property.Value);
        }
        return map;
    }

    // The value kinds Neo4j properties take: text, whole and real numbers, booleans and lists of them.
    private static object? Value(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.TryGetInt64(out var whole) ? whole : value.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Array => value.EnumerateArray().Select(Value).ToList(),
        JsonValueKind.Null => null,
        _ => throw new InvalidDataException($"a change-log record holds a {value.ValueKind}, which no stored property is"),
    };
}
