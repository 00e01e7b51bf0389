namespace GraphApi.Http;

/// <summary>
/// A request names a record that existed and will not come back (an actor merged into one since deleted). The API
/// answers 410 with <see cref="Exception.Message"/> as the detail.
/// </summary>
public sealed class GoneException(string message) : Exception(message);
