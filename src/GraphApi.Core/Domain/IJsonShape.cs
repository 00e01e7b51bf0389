using System.Text.Json;

namespace GraphApi.Core.Domain;

/// <summary>
/// A JSON converter whose values have a form of their own (a partial date, one id or a list): it says what is wrong
/// with a value, in the caller's words, so the API's request check can report it by field before binding.
/// </summary>
public interface IJsonShape
{
    /// <returns>Null when <paramref name="value"/> has the form, else what was expected ("must be …").</returns>
    string? Check(JsonElement value);
}
