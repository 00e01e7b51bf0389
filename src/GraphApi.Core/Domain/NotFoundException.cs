namespace GraphApi.Core.Domain;

/// <summary>
/// A request names a record that does not exist (an unknown actor among a route's ends, an unknown ask). The API
/// answers 404 with <see cref="Exception.Message"/> as the detail, which names the ids: <c>no actor 'a', 'b'</c>.
/// </summary>
public sealed class NotFoundException(string message) : Exception(message)
{
    /// <summary>The one wording of "these actors do not exist".</summary>
    public static NotFoundException NoSuchActors(IEnumerable<string> ids) =>
        new($"no actor {string.Join(", ", ids.Select(id => $"'{id}'"))}");
}
