using GraphApi.Core.Domain;
using GraphApi.Core.Graph;

namespace GraphApi.Routes;

/// <summary>Checks the shortest-path question: <c>from</c> (one id or several, comma-separated) and <c>to</c>.</summary>
public static class ShortestRequestReader
{
    /// <exception cref="DomainValidationException">Every broken parameter (400).</exception>
    /// <exception cref="NotFoundException">Ids that name no actor (404).</exception>
    public static (string[] From, string To) Read(string? from, string? to, GraphSnapshot graph)
    {
        var errors = new ValidationErrors();
        var sources = RouteIds.Check(RouteIds.Split(from), "from", errors, required: true);
        if (string.IsNullOrEmpty(to))
        {
            errors.Add("to", "is required: the actor id where the path ends");
        }
        else if (!Ids.IsValid(to))
        {
            errors.Add("to", $"'{to}' is not an actor id ({Ids.Pattern})");
        }
        else if (sources.Contains(to, StringComparer.Ordinal))
        {
            errors.Add("to", "must not be one of the from actors");
        }
        errors.ThrowIfAny();
        RouteIds.ThrowIfUnknown(graph, [.. sources, to]);
        return (sources, to!);
    }
}
