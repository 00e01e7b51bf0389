using System.Text.Json;
using System.Text.Json.Serialization;

namespace GraphApi.Core.Introductions;

/// <summary>
/// The stored JSON of an ask (without its events, which are stored one by one) and of an event: camelCase, kinds by
/// name. Also what the audit trail records for ledger writes.
/// </summary>
public static class IntroductionJson
{
    public static string Write(Introduction ask)
    {
        ArgumentNullException.ThrowIfNull(ask);
        return JsonSerializer.Serialize(ask with { Events = [] }, IntroductionJsonContext.Default.Introduction);
    }

    /// <summary>The ask with its events, as exports carry it.</summary>
    public static void Write(Utf8JsonWriter json, Introduction ask) => JsonSerializer.Serialize(json, ask, IntroductionJsonContext.Default.Introduction);

    public static string Write(IntroductionEvent e) => JsonSerializer.Serialize(e, IntroductionJsonContext.Default.IntroductionEvent);

    public static Introduction ReadIntroduction(string json) =>
        JsonSerializer.Deserialize(json, IntroductionJsonContext.Default.Introduction) ?? throw new InvalidDataException("introduction body is null");

    public static IntroductionEvent ReadEvent(string json) =>
        JsonSerializer.Deserialize(json, IntroductionJsonContext.Default.IntroductionEvent) ?? throw new InvalidDataException("introduction event body is null");
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, UseStringEnumConverter = true)]
[JsonSerializable(typeof(Introduction))]
[JsonSerializable(typeof(IntroductionEvent))]
internal sealed partial class IntroductionJsonContext : JsonSerializerContext;
