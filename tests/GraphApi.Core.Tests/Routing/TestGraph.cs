using GraphApi.Core.Domain;
using GraphApi.Core.Graph;

namespace GraphApi.Core.Tests.Routing;

/// <summary>Builds small snapshots from a few readable lines.</summary>
internal sealed class TestGraph
{
    private readonly Dictionary<string, Actor> _actors = new(StringComparer.Ordinal);
    private readonly List<Relationship> _relationships = [];

    public TestGraph Actor(string id, string kind = "Cluster", string country = "FR", string? name = null)
    {
        _actors[id] = new Actor
        {
            Id = id,
            Name = name ?? id.ToUpperInvariant(),
            Kind = kind,
            Country = country,
            Region = Regions.Default.Of(country),
        };
        return this;
    }

    /// <summary>Adds a tie (creating plain actors for unknown ends); ids default to "r01", "r02", … in insertion order.</summary>
    public TestGraph Tie(string source, string target, string type = "MOU", double? strength = null,
        string? since = null, string? until = null, string? id = null, string? eventName = null, bool inferred = false)
    {
        foreach (var end in new[] { source, target })
        {
            if (!_actors.ContainsKey(end))
            {
                Actor(end);
            }
        }
        _relationships.Add(new Relationship
        {
            Id = id ?? $"r{_relationships.Count + 1:D2}",
            Source = source,
            Target = target,
            Type = type,
            Strength = strength,
            Since = since is null ? null : PartialDate.Parse(since),
            Until = until is null ? null : PartialDate.Parse(until),
            Event = eventName is null ? null : new EventInfo(eventName, null, null),
            Inferred = inferred,
            Evidence = new Evidence("report", "§1", "quote"),
        });
        return this;
    }

    public GraphSnapshot Build() => GraphSnapshot.Build(_actors.Values, _relationships, 1, RelationshipTypeCatalogue.Default);
}

internal static class RouteAssert
{
    /// <summary>The route as "a>b>c" over the snapshot's ids, for readable assertions.</summary>
    public static string Path(this GraphSnapshot graph, GraphApi.Core.Routing.Route route) =>
        string.Join('>', route.Actors.Select(a => graph.ActorAt(a).Id));

    public static string[] Paths(this GraphSnapshot graph, GraphApi.Core.Routing.RouteResult result) =>
        [.. result.Routes.Select(graph.Path)];

    public static string[] RelationshipIds(this GraphSnapshot graph, GraphApi.Core.Routing.Route route) =>
        [.. route.Relationships.Select(r => graph.RelationshipAt(r).Id)];
}
