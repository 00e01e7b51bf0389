using System.Text.Json;
using System.Text.Json.Serialization;

namespace GraphApi.Core.Interchange;

/// <summary>Shared settings and flushing for the JSON writers.</summary>
public static class JsonExport
{
    /// <summary>The API's own JSON shape (camelCase, nulls left out) for writers used outside the web host, e.g. the CLI.</summary>
    public static JsonSerializerOptions ApiShape { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Numbers and booleans stay JSON numbers and booleans so that Cytoscape styles and filters can use them.</summary>
    public static void WriteValue(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNullValue();
                break;
            case bool b:
                json.WriteBooleanValue(b);
                break;
            case int i:
                json.WriteNumberValue(i);
                break;
            case long l:
                json.WriteNumberValue(l);
                break;
            case double d when double.IsFinite(d):
                json.WriteNumberValue(d);
                break;
            case double:
                // JSON has no NaN or infinity (e.g. an undefined centrality); null says "no value".
                json.WriteNullValue();
                break;
            default:
                json.WriteStringValue(GraphAttributes.Format(value));
                break;
        }
    }
}
