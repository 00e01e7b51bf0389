using GraphApi.Core.Analysis;
using GraphApi.Core.Domain;
using GraphApi.Core.Graph;
using GraphApi.Core.Layout;
using Microsoft.Extensions.Options;

namespace GraphApi.Analysis;

/// <summary>An overview question, checked and normalised (catalogue spelling), so equal questions share a cache entry.</summary>
public sealed record OverviewFilter(ActorFilter Actors, int Limit);

/// <summary>
/// Overviews of the current graph version, computed once per filter (a layout of 10k actors takes seconds). Layouts
/// run one at a time (each already uses every core) and, waiting included, within the analyses' time budget: over
/// it the answer is the analyses' 503 with its advice, so callers cycling through filters cannot pile up layouts.
/// </summary>
public sealed class OverviewCache(IOptions<AnalysisOptions> options) : IDisposable
{
    private readonly AnalysisCache _cache = new();
    private readonly SemaphoreSlim _oneLayoutAtATime = new(1, 1);
    private readonly TimeSpan _budget = TimeSpan.FromSeconds(options.Value.TimeBudgetSeconds);

    public void Dispose() => _oneLayoutAtATime.Dispose();

    public Task<OverviewResponse> GetAsync(GraphSnapshot snapshot, OverviewFilter filter) =>
        // The layout is shared by every caller asking the same question, so no single caller's abort cancels it.
        _cache.GetOrAdd(snapshot.Version, filter, () => Task.Run(() => WithinBudgetAsync(snapshot, filter)));

    private async Task<OverviewResponse> WithinBudgetAsync(GraphSnapshot snapshot, OverviewFilter filter)
    {
        using var deadline = new CancellationTokenSource(_budget);
        try
        {
            await _oneLayoutAtATime.WaitAsync(deadline.Token).ConfigureAwait(false);
            try
            {
                return View(snapshot, filter, deadline.Token);
            }
            finally
            {
                _oneLayoutAtATime.Release();
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            throw new AnalysisBudgetExceededException("overview", _budget);
        }
    }

    private static OverviewResponse View(GraphSnapshot snapshot, OverviewFilter filter, CancellationToken cancellationToken)
    {
        var overview = OverviewGraph.Build(snapshot, filter.Actors.Matches, filter.Limit, cancellationToken);
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

    /// <summary>
    /// A tenth of a layout unit is far below a pixel at any zoom the explorer allows, and keeps the JSON short. A position
    /// that is not a number would make the JSON writer fail mid-answer: refused here, before anything is sent.
    /// </summary>
    private static double Rounded(float value) => float.IsFinite(value)
        ? Math.Round(value, 1) + 0.0 // + 0.0 turns −0 into 0
        : throw new InvalidOperationException($"the overview layout produced the position {value}, which is not a finite number");
}
