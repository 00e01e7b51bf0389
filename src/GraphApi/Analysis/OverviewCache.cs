using System.Diagnostics;
using GraphApi.Core.Analysis;
using GraphApi.Core.Domain;
using GraphApi.Core.Graph;
using GraphApi.Core.Layout;
using Microsoft.Extensions.Options;

namespace GraphApi.Analysis;

/// <summary>An overview question, checked and normalised (catalogue spelling), so equal questions share a cache entry.</summary>
public sealed record OverviewFilter(ActorFilter Actors, int Limit);

/// <summary>
/// Overviews of the current graph version, computed once per filter (a layout of 10k actors takes seconds). A layout
/// takes one of the analysis slots (<see cref="AnalysisSlots"/>) and, on top of that, runs one at a time (each already
/// uses every core); both waits are brief, and over them the answer is the analyses' 503 with Retry-After. It computes
/// within the analyses' time budget (over it: the 503 with its advice), and is cancelled when every caller waiting
/// for it has gone.
/// </summary>
public sealed class OverviewCache(IOptions<AnalysisOptions> options, AnalysisSlots slots, AnalysisThreads threads)
{
    // One cache per view (see AnalysisService): a workspace's overview is never served to anyone else.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, AnalysisCache> _caches = new(StringComparer.Ordinal);
    private readonly AnalysisSlots _oneLayoutAtATime = new(1, slots.Wait, slots.RetryAfter);
    private readonly TimeSpan _budget = TimeSpan.FromSeconds(options.Value.TimeBudgetSeconds);

    public Task<OverviewResponse> GetAsync(GraphSnapshot snapshot, OverviewFilter filter, CancellationToken cancellationToken) =>
        _caches.GetOrAdd(snapshot.Workspace ?? "", _ => new AnalysisCache()).GetOrAdd(snapshot.Version, filter, abandoned => WithinBudgetAsync(snapshot, filter, abandoned), cancellationToken);

    private async Task<OverviewResponse> WithinBudgetAsync(GraphSnapshot snapshot, OverviewFilter filter, CancellationToken abandoned)
    {
        if (_budget <= TimeSpan.Zero)
        {
            throw new AnalysisBudgetExceededException("overview", _budget); // the operator's kill switch: no slot, no work
        }
        // Both waits share one patience: the layout's turn first, so a layout never holds a slot while it queues.
        var started = Stopwatch.GetTimestamp();
        using var turn = await _oneLayoutAtATime.EnterAsync("overview", abandoned).ConfigureAwait(false);
        using var slot = await slots.EnterAsync("overview", abandoned, slots.Wait - Stopwatch.GetElapsedTime(started)).ConfigureAwait(false);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(abandoned);
        deadline.CancelAfter(_budget);
        try
        {
            return await threads.Run(() => View(snapshot, filter, deadline.Token), deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !abandoned.IsCancellationRequested)
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
        var (privateNodes, privateEdges) = PrivateParts(snapshot, overview);
        return new OverviewResponse(snapshot.Version, overview.Matching, filter.Limit, overview.Truncated, nodes, edges, privateNodes, privateEdges);
    }

    /// <summary>
    /// The nodes that are private actors and the edges holding a private tie: only a workspace's view has any, and they
    /// are that workspace's (the snapshot holds no other), so marking them tells its members only what is theirs.
    /// </summary>
    private static (int[] Nodes, int[] Edges) PrivateParts(GraphSnapshot snapshot, OverviewGraph overview)
    {
        if (snapshot.Workspace is null)
        {
            return ([], []);
        }
        var nodes = Enumerable.Range(0, overview.Actors.Count).Where(i => snapshot.ActorAt(overview.Actors[i]).Workspace is not null).ToArray();
        var edges = Enumerable.Range(0, overview.Sources.Count)
            .Where(k => HoldsPrivateTie(snapshot, overview.Actors[overview.Sources[k]], overview.Actors[overview.Targets[k]])).ToArray();
        return (nodes, edges);
    }

    private static bool HoldsPrivateTie(GraphSnapshot snapshot, int actor, int other)
    {
        var arcs = snapshot.Arcs(actor);
        for (var k = 0; k < arcs.Length; k++)
        {
            if (arcs.Targets[k] == other && snapshot.RelationshipAt(arcs.Relationships[k]).Workspace is not null)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// A tenth of a layout unit is far below a pixel at any zoom the explorer allows, and keeps the JSON short. A position
    /// that is not a number would make the JSON writer fail mid-answer: refused here, before anything is sent.
    /// </summary>
    private static double Rounded(float value) => float.IsFinite(value)
        ? Math.Round(value, 1) + 0.0 // + 0.0 turns −0 into 0
        : throw new InvalidOperationException($"the overview layout produced the position {value}, which is not a finite number");
}
