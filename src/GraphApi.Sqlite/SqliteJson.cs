using System.Text.Json;
using System.Text.Json.Serialization;
using GraphApi.Core.Domain;

namespace GraphApi.Sqlite;

/// <summary>
/// How entity bodies are stored: the API's own JSON shape, minus derived fields. Serialisers are source-generated:
/// a start-up reads every body once, and reflection-based reading was most of its time.
/// </summary>
internal static class SqliteJson
{
    public static string Write(Actor actor) => JsonSerializer.Serialize(actor with { Region = Regions.Other }, SqliteJsonContext.Default.Actor);

    public static string Write(Relationship relationship) => JsonSerializer.Serialize(relationship, SqliteJsonContext.Default.Relationship);

    public static Actor ReadActor(ReadOnlySpan<byte> utf8) =>
        JsonSerializer.Deserialize(utf8, SqliteJsonContext.Default.Actor) ?? throw new InvalidDataException("actor body is null");

    public static Relationship ReadRelationship(ReadOnlySpan<byte> utf8) =>
        JsonSerializer.Deserialize(utf8, SqliteJsonContext.Default.Relationship) ?? throw new InvalidDataException("relationship body is null");

    public static Actor ReadActor(string json) =>
        JsonSerializer.Deserialize(json, SqliteJsonContext.Default.Actor) ?? throw new InvalidDataException("actor body is null");

    public static Relationship ReadRelationship(string json) =>
        JsonSerializer.Deserialize(json, SqliteJsonContext.Default.Relationship) ?? throw new InvalidDataException("relationship body is null");
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Actor))]
[JsonSerializable(typeof(Relationship))]
internal sealed partial class SqliteJsonContext : JsonSerializerContext;
