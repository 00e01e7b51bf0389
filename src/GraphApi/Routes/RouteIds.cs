using GraphApi.Core.Domain;
using GraphApi.Core.Graph;

namespace GraphApi.Routes;

/// <summary>The actor ids a route question names (<c>from</c>, <c>avoid</c>, <c>to</c>): their form, their number, and whether they exist.</summary>
public static class RouteIds
{
    /// <summary>The most ids one list may name.</summary>
    public const int MaxIds = 100;

    /// <summary>The ids, each once in the order given, with an error on <paramref name="field"/> for each malformed one and for too many.</summary>
    public static string[] Check(IReadOnlyList<string>? ids, string field, ValidationErrors errors, bool required)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (ids is null || ids.Count == 0)
        {
            if (required)
            {
                errors.Add(field, "is required: one actor id, or a list of them");
            }
            return [];
        }
        if (ids.Count > MaxIds)
        {
            errors.Add(field, $"may list at most {MaxIds} actor ids");
        }
        foreach (var id in ids)
        {
            if (!Ids.IsValid(id))
            {
                errors.Add(field, $"'{id}' is not an actor id ({Ids.Pattern})");
            }
        }
        return [.. ids.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>A comma-separated query value as a list (<c>a,b</c> → [a, b]); null or blank → null.</summary>
    public static IReadOnlyList<string>? Split(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>A 404 naming every id the graph does not know, if any.</summary>
    public static void ThrowIfUnknown(GraphSnapshot graph, IEnumerable<string?> ids)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var unknown = ids.OfType<string>().Where(id => graph.FindActor(id) is null).Distinct(StringComparer.Ordinal).ToArray();
        if (unknown.Length > 0)
        {
            throw NotFoundException.NoSuchActors(unknown);
        }
    }
}
