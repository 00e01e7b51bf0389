using System.Reflection;
using System.Text.Json.Serialization;

namespace GraphApi.Core.Introductions;

/// <summary>
/// An enum's API names, read once from its <see cref="JsonStringEnumMemberNameAttribute"/>s, so the JSON the API
/// writes, the names the stores keep and the values a query parses are one list: the attributes on the members.
/// </summary>
internal static class ApiNames<TEnum>
    where TEnum : struct, Enum
{
    private static readonly Dictionary<TEnum, string> s_names = Enum.GetValues<TEnum>().ToDictionary(value => value, NameOf);
    private static readonly Dictionary<string, TEnum> s_values = s_names.ToDictionary(pair => pair.Value, pair => pair.Key, StringComparer.Ordinal);

    public static string Of(TEnum value) =>
        s_names.TryGetValue(value, out var name) ? name : throw new ArgumentOutOfRangeException(nameof(value), value, null);

    public static bool TryParse(string? text, out TEnum value)
    {
        value = default;
        return text is not null && s_values.TryGetValue(text, out value);
    }

    private static string NameOf(TEnum value) =>
        typeof(TEnum).GetField(value.ToString())?.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name
        ?? throw new InvalidOperationException($"{typeof(TEnum).Name}.{value} has no API name (JsonStringEnumMemberName)");
}
