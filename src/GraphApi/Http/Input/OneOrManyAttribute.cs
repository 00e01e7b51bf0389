using System.Text.Json;
using System.Text.Json.Serialization;

namespace GraphApi.Http.Input;

/// <summary>
/// A list of ids that may also be sent as one id: <c>"from":"pole-eau"</c> means <c>"from":["pole-eau"]</c>. The
/// OpenAPI document shows such a field as "one value or a list" (<c>oneOf</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
public sealed class OneOrManyAttribute() : JsonConverterAttribute(typeof(OneOrManyStringsConverter));

/// <summary>Reads a string or an array of strings into a list; writes the list.</summary>
public sealed class OneOrManyStringsConverter : JsonConverter<IReadOnlyList<string>>
{
    public override IReadOnlyList<string>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return [reader.GetString()!];
        }
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("must be one id or a list of ids");
        }
        var items = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            items.Add(reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw new JsonException("must list ids as text"));
        }
        return items;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<string> value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartArray();
        foreach (var item in value)
        {
            writer.WriteStringValue(item);
        }
        writer.WriteEndArray();
    }
}
