using GraphApi.Core.Domain;
using GraphApi.Core.Graph;

namespace GraphApi.Core.Interchange;

/// <summary>
/// Which part of the graph to export: given ids, or the actors within <see cref="Depth"/> hops of <see cref="Around"/>,
/// or everyone; then narrowed by <see cref="Filter"/> (kind, region, …). Relationships follow the actors: a
/// relationship is exported when both its ends are.
/// </summary>
public sealed record SubgraphQuery
{
    public IReadOnlyList<string>? Ids { get; init; }

    public string? Around { get; init; }

    public int Depth { get; init; } = 1;

    public Func<Actor, bool>? Filter { get; init; }
}

public static class Subgraph
{
    /// <exception cref="KeyNotFoundException">An id in the query is not in the snapshot (callers check first, to answer 404).</exception>
    /// <remarks>
    /// Exports number actors densely in id order, so they take a compact snapshot; analysis columns must be computed
    /// against that same snapshot (their values are looked up by its indices).
    /// </remarks>
    public static ExportGraph Select(GraphSnapshot snapshot, SubgraphQuery query, IReadOnlyList<ExportColumn>? columns = null)
    {
        RequireCompact(snapshot);
        IEnumerable<int> candidates = query.Around is { } around ? Neighbourhood(snapshot, snapshot.IndexOf(around), query.Depth)
            : query.Ids is { } ids ? ids.Select(snapshot.IndexOf).Distinct().Order()
            : Enumerable.Range(0, snapshot.ActorCount);
        var selected = new bool[snapshot.ActorCount];
        var actors = new List<int>();
        foreach (var index in candidates)
        {
            if (query.Filter?.Invoke(snapshot.ActorAt(index)) ?? true)
            {
                selected[index] = true;
                actors.Add(index);
            }
        }
        var relationships = Enumerable.Range(0, snapshot.RelationshipCount)
            .Where(e => selected[snapshot.SourceOf(e)] && selected[snapshot.TargetOf(e)])
            .ToList();
        return new ExportGraph(snapshot, actors, relationships, columns);
    }

    internal static GraphSnapshot RequireCompact(GraphSnapshot snapshot) =>
        snapshot.IsCompact ? snapshot : throw new ArgumentException("exports read a compact snapshot: pass snapshot.Compacted()", nameof(snapshot));

    /// <summary>Actors within <paramref name="depth"/> hops of <paramref name="start"/> (ties travelled both ways), in index order.</summary>
    public static IReadOnlyList<int> Neighbourhood(GraphSnapshot snapshot, int start, int depth) =>
        [.. Routing.Neighbourhood.Of(snapshot, snapshot.ActorAt(start).Id, depth, limit: int.MaxValue).Nodes.Select(n => n.Actor).Order()];
}
