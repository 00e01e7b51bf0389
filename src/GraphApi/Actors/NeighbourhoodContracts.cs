using GraphApi.Core.Domain;
using GraphApi.Http.Input;

namespace GraphApi.Actors;

/// <summary>An actor's neighbourhood for a graph view: the actors within `depth` hops and every relationship among them.</summary>
/// <param name="Centre">The actor asked about.</param>
/// <param name="Depth">How many hops out the neighbourhood reaches (1-3).</param>
/// <param name="Nodes">The actors, nearest first, then by id; the centre first, at depth 0.</param>
/// <param name="Edges">Every relationship whose two ends are among the nodes, by id.</param>
/// <param name="Truncated">Whether farther actors were left out to keep at most `limit` nodes.</param>
public sealed record NeighbourhoodResponse(
    string Centre,
    int Depth,
    IReadOnlyList<NeighbourhoodNodeView> Nodes,
    IReadOnlyList<NeighbourhoodEdgeView> Edges,
    bool Truncated);

/// <summary>An actor of a neighbourhood.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Name">Its name.</param>
/// <param name="Kind">Its kind.</param>
/// <param name="Country">Its country code.</param>
/// <param name="Region">Its region, derived from the country.</param>
/// <param name="Depth">Hops from the centre (0 for the centre itself).</param>
public sealed record NeighbourhoodNodeView(
    string Id,
    string Name,
    [property: OneOf(Sets.Kind)] string Kind,
    [property: OneOf(Sets.Country)] string Country,
    [property: OneOf(Sets.Region)] string Region,
    int Depth)
{
    /// <summary>`private` when the actor is your workspace's own (only its members see it); absent for a public actor.</summary>
    public string? Visibility { get; init; }
}

/// <summary>A relationship of a neighbourhood, as a graph view draws it.</summary>
/// <param name="Id">The relationship's id (GET /api/relationships/{id} gives its evidence).</param>
/// <param name="Source">Its stored source.</param>
/// <param name="Target">Its stored target.</param>
/// <param name="Type">Its type.</param>
/// <param name="Strength">Its introduction strength: its own, else its type's default (no decay).</param>
/// <param name="Since">When it began, at the precision known (YYYY, YYYY-MM or YYYY-MM-DD).</param>
/// <param name="Until">When it ended, at the precision known.</param>
public sealed record NeighbourhoodEdgeView(
    string Id,
    string Source,
    string Target,
    [property: OneOf(Sets.RelationshipType)] string Type,
    double Strength,
    PartialDate? Since,
    PartialDate? Until)
{
    /// <summary>`private` when the tie is your workspace's own (only its members see it); absent for a public tie.</summary>
    public string? Visibility { get; init; }
}
