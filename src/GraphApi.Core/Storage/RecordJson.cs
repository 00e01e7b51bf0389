using System.Text.Json;
using System.Text.Json.Serialization;
using GraphApi.Core.Domain;

namespace GraphApi.Core.Storage;

/// <summary>
/// The one JSON form of a stored actor or relationship: the API's own shape (web casing, nulls left out). The
/// embedded store keeps records in it and both stores write it into audit entries, so an audit body reads the same
/// whatever the store. An actor's region is derived from its country on every load, so bodies carry the placeholder
/// <see cref="Regions.Other"/> instead of a value that would go stale when the region map changes.
/// Serialisers are source-generated: a start-up reads every body once, and reflection was most of its time.
/// </summary>
public static class RecordJson
{
    public static string Write(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return JsonSerializer.Serialize(actor with { Region = Regions.Other }, RecordJsonContext.Default.Actor);
    }

    public static string Write(Relationship relationship) => JsonSerializer.Serialize(relationship, RecordJsonContext.Default.Relationship);

    public static Actor ReadActor(ReadOnlySpan<byte> utf8) =>
        JsonSerializer.Deserialize(utf8, RecordJsonContext.Default.Actor) ?? throw new InvalidDataException("actor body is null");

    public static Relationship ReadRelationship(ReadOnlySpan<byte> utf8) =>
        JsonSerializer.Deserialize(utf8, RecordJsonContext.Default.Relationship) ?? throw new InvalidDataException("relationship body is null");

    public static Actor ReadActor(string json) =>
        JsonSerializer.Deserialize(json, RecordJsonContext.Default.Actor) ?? throw new InvalidDataException("actor body is null");

    public static Relationship ReadRelationship(string json) =>
        JsonSerializer.Deserialize(json, RecordJsonContext.Default.Relationship) ?? throw new InvalidDataException("relationship body is null");
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Actor))]
[JsonSerializable(typeof(Relationship))]
internal sealed partial class RecordJsonContext : JsonSerializerContext;
