using GraphApi.Actors;
using GraphApi.Relationships;
namespace GraphApi.Interchange;

/// <summary>The JSON import body: the API's own actor and relationship shapes (an export with format=json is one).</summary>
public sealed record ImportBody(IReadOnlyList<ActorInput?>? Actors, IReadOnlyList<RelationshipInput?>? Relationships);

/// <summary>
/// One reason an import was rejected. CSV: <c>file</c> is the uploaded file's name, <c>line</c> the physical line
/// (header = 1), <c>column</c> the header name. JSON: <c>file</c> is "body", <c>path</c> the JSON path of the item or
/// field (e.g. <c>$.actors[3].kind</c>), <c>line</c> only for malformed JSON.
/// </summary>
public sealed record ImportError(string File, int? Line, string? Column, string? Path, string Message)
{
    /// <summary>The key under which the error also appears in the problem's <c>errors</c> map.</summary>
    public string Location => Path ?? string.Join(':', new[] { File, Line?.ToString(System.Globalization.CultureInfo.InvariantCulture), Column }.Where(p => p is not null));
}
