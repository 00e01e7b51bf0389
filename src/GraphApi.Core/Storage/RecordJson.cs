using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
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

    /// <summary>
    /// Reads a stored body even when its text cannot be read back as it is (see <see cref="StoredTextRepair"/>): such
    /// text comes back as U+FFFD and <paramref name="repaired"/> says so, so the load can name the record instead of
    /// failing. A body that is not JSON still throws.
    /// </summary>
    public static Actor ReadStoredActor(ReadOnlySpan<byte> utf8, out bool repaired) =>
        WithListsPresent(ReadStored(utf8, RecordJsonContext.Default.Actor, out repaired));

    // A body another tool wrote may leave a list out, which reads as null: it means an empty list, not a broken load.
    private static Actor WithListsPresent(Actor actor) => actor.Aliases is not null && actor.Sectors is not null && actor.Sources is not null
        ? actor
        : actor with { Aliases = actor.Aliases ?? [], Sectors = actor.Sectors ?? [], Sources = actor.Sources ?? [] };

    /// <inheritdoc cref="ReadStoredActor"/>
    public static Relationship ReadStoredRelationship(ReadOnlySpan<byte> utf8, out bool repaired) =>
        ReadStored(utf8, RecordJsonContext.Default.Relationship, out repaired);

    private static T ReadStored<T>(ReadOnlySpan<byte> utf8, JsonTypeInfo<T> type, out bool repaired)
    {
        repaired = false;
        string? mended = null;
        try
        {
            return JsonSerializer.Deserialize(utf8, type) ?? throw new InvalidDataException("record body is null");
        }
        catch (JsonException) when (StoredTextRepair.TryRepair(utf8, out mended))
        {
            // Only text a JSON reader refuses is mended; any other problem with the body is thrown as it was.
        }
        repaired = true;
        return JsonSerializer.Deserialize(mended, type) ?? throw new InvalidDataException("record body is null");
    }

    public static Actor ReadActor(string json) =>
        JsonSerializer.Deserialize(json, RecordJsonContext.Default.Actor) ?? throw new InvalidDataException("actor body is null");

    public static Relationship ReadRelationship(string json) =>
        JsonSerializer.Deserialize(json, RecordJsonContext.Default.Relationship) ?? throw new InvalidDataException("relationship body is null");
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Actor))]
[JsonSerializable(typeof(Relationship))]
internal sealed partial class RecordJsonContext : JsonSerializerContext;
