using System.Text.Json;

namespace GraphApi.Http.Input;

/// <summary>What a JSON value must be for a scalar field, and how to name what was sent instead, in the caller's words.</summary>
internal static class JsonKinds
{
    public static string? Problem(JsonElement value, Type type)
    {
        if (type == typeof(string))
        {
            return value.ValueKind == JsonValueKind.String ? null : $"must be text (a JSON string), not {Describe(value)}";
        }
        if (type == typeof(bool))
        {
            return value.ValueKind is JsonValueKind.True or JsonValueKind.False ? null : $"must be true or false, not {Describe(value)}";
        }
        if (type == typeof(int) || type == typeof(long) || type == typeof(short))
        {
            return WholeNumber(value, type == typeof(long) ? long.MinValue : type == typeof(short) ? short.MinValue : int.MinValue,
                type == typeof(long) ? long.MaxValue : type == typeof(short) ? short.MaxValue : int.MaxValue);
        }
        if (type == typeof(double) || type == typeof(float) || type == typeof(decimal))
        {
            return value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && double.IsFinite(number)
                ? null
                : value.ValueKind == JsonValueKind.Number ? "must be a finite number" : $"must be a number, not {Describe(value)}{Unquote(value)}";
        }
        if (type.IsEnum)
        {
            var names = Enum.GetNames(type);
            return value.ValueKind == JsonValueKind.String && names.Contains(value.GetString(), StringComparer.OrdinalIgnoreCase)
                ? null
                : $"must be one of {string.Join(", ", names.Select(n => JsonNamingPolicy.CamelCase.ConvertName(n)))}";
        }
        return null; // another scalar: the binder's own check stands
    }

    private static string? WholeNumber(JsonElement value, long min, long max)
    {
        if (value.ValueKind != JsonValueKind.Number)
        {
            return $"must be a whole number, not {Describe(value)}{Unquote(value)}";
        }
        return value.TryGetInt64(out var whole) && whole >= min && whole <= max
            ? null
            : $"must be a whole number between {min} and {max} (got {Shorten(value.GetRawText())})";
    }

    /// <summary>A hint when a number was sent as text: <c>send 3, not "3"</c>.</summary>
    private static string Unquote(JsonElement value) =>
        value.ValueKind == JsonValueKind.String && double.TryParse(value.GetString(), System.Globalization.CultureInfo.InvariantCulture, out _)
            ? $" (send {value.GetString()}, not \"{value.GetString()}\")"
            : "";

    public static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"the text \"{Shorten(value.GetString()!)}\"",
        JsonValueKind.Number => $"the number {Shorten(value.GetRawText())}",
        JsonValueKind.True or JsonValueKind.False => $"the boolean {value.GetRawText()}",
        JsonValueKind.Array => "a list",
        JsonValueKind.Object => "an object",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
