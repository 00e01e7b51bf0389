using GraphApi.Contracts;
using GraphApi.Core.Analysis;
using GraphApi.Core.Domain;
using GraphApi.Core.Graph;
using GraphApi.Core.Layout;

namespace GraphApi.Endpoints;

/// <summary>An overview question, checked and normalised (catalogue spelling), so equal questions share a cache entry.</summary>
public sealed record OverviewFilter(string? Kind, string? Country, string? Region, string? Sector, int Limit)
{
    public bool Matches(Actor actor) => ActorFilter.Matches(actor, Kind, Country, Region, Sector);
}

/// <summary>Overviews of the current graph version, computed once per filter (a layout of 10k actors takes seconds).</summary>
public sealed class OverviewCache
{
    private readonly AnalysisCache _cache = new();

    public Task<OverviewResponse> GetAsync(GraphSnapshot snapshot, OverviewFilter filter) =>
        // The layout is shared by every caller asking the same question, so no single caller's abort cancels it.
        _cache.GetOrAdd(snapshot.Version, filter, () => Task.Run(() => View(snapshot, filter)));

    private static OverviewResponse View(GraphSnapshot snapshot, OverviewFilter filter)
    {
        var overview = OverviewGraph.Build(snapshot, filter.Matches, filter.Limit, CancellationToken.None);
        var actors = overview.Actors.Select(snapshot.ActorAt).ToArray();
        var degrees = new int[actors.Length];
        var edges = new int[2 * overview.Sources.Count];
        for (var k = 0; k < overview.Sources.Count; k++)
        {
            edges[2 * k] = overview.Sources[k];
            edges[(2 * k) + 1] = overview.Targets[k];
            degrees[overview.Sources[k]]++;
            degrees[overview.Targets[k]]++;
        }
        var nodes = new OverviewNodes(
            [.. actors.Select(a => a.Id)],
            [.. actors.Select(a => a.Name)],
            [.. actors.Select(a => a.Kind)],
            [.. actors.Select(a => a.Region)],
            [.. overview.X.Select(Rounded)],
            [.. overview.Y.Select(Rounded)],
            degrees);
        return new OverviewResponse(snapshot.Version, overview.Matching, filter.Limit, overview.Truncated, nodes, edges);
    }

    /// <summary>A tenth of a layout unit is far below a pixel at any zoom the explorer allows, and keeps the JSON short.</summary>
    private static double Rounded(float value) => Math.Round(value, 1) + 0.0; // + 0.0 turns −0 into 0
}
