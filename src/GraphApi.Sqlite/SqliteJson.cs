using System.Text.Json;
using System.Text.Json.Serialization;
using GraphApi.Core.Domain;

namespace GraphApi.Sqlite;

/// <summary>How entity bodies are stored: the API's own JSON shape, minus derived fields.</summary>
internal static class SqliteJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Write(Actor actor) => JsonSerializer.Serialize(actor with { Region = Regions.Other }, Options);

    public static string Write(Relationship relationship) => JsonSerializer.Serialize(relationship, Options);

    public static Actor ReadActor(string json) =>
        JsonSerializer.Deserialize<Actor>(json, Options) ?? throw new InvalidDataException("actor body is null");

    public static Relationship ReadRelationship(string json) =>
        JsonSerializer.Deserialize<Relationship>(json, Options) ?? throw new InvalidDataException("relationship body is null");
}
