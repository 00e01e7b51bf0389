using System.Collections.Concurrent;
using System.Diagnostics;
using GraphApi.Core.Analysis.Communities;
using GraphApi.Core.Domain;
using GraphApi.Core.Graph;
using GraphApi.Core.Telemetry;

namespace GraphApi.Core.Analysis;

/// <summary>
/// Runs the analyses on the current snapshot, caches their results per snapshot version and parameters, and holds
/// every computation to a time budget and to the analysis slots (<see cref="AnalysisSlots"/>): a cached answer is
/// served at once, a new one waits briefly for a slot or is refused. Callers asking the same question share one
/// computation; a caller who goes away stops waiting, and the computation is cancelled once no caller waits for it.
/// Computations run on the analyses' own threads (<see cref="AnalysisThreads"/>), never on the request thread pool.
/// </summary>
/// <param name="metrics">Where cache hits, misses and computation times are recorded; null records none.</param>
public sealed class AnalysisService(GraphService graph, TimeSpan budget, AnalysisSlots slots, AnalysisThreads threads, GraphMetrics? metrics = null)
{
    // One cache per view ("" for the public graph, else the workspace id): each sees its own versions rise, and no answer
    // computed on one workspace's records is ever served to another caller.
    private ConcurrentDictionary<string, AnalysisCache> _caches = new(StringComparer.Ordinal);
    private GraphSnapshot? _view;

    /// <summary>
    /// The analyses on <paramref name="view"/> (a caller's view: the public graph, or it with a workspace's records),
    /// sharing this service's caches, slots and threads. Without it an analysis runs on the public graph.
    /// </summary>
    public AnalysisService On(GraphSnapshot view) => new(graph, budget, slots, threads, metrics) { _caches = _caches, _view = view };

    public Task<BrokerageResult> BrokerageAsync(ActorField partition, bool directed, DateOnly? asOf, CancellationToken cancellationToken) =>
        Cached(new BrokerageKey(partition, directed), asOf, "brokerage", (snapshot, token) => Brokerage.Compute(snapshot, partition, directed, token), cancellationToken);

    public Task<CentralityResult> CentralityAsync(CentralityOptions options, DateOnly? asOf, CancellationToken cancellationToken) =>
        Cached(options, asOf, "centrality", (snapshot, token) => Centrality.Compute(snapshot, options, token), cancellationToken);

    public Task<GatewayResult> GatewaysAsync(ActorFilter from, ActorFilter to, GatewayOptions options, DateOnly? asOf, CancellationToken cancellationToken) =>
        Cached(new GatewayKey(from.ToString().ToUpperInvariant(), to.ToString().ToUpperInvariant(), options), asOf, "gateways",
            (snapshot, token) => Gateways.Compute(snapshot, from, to, options, token), cancellationToken);

    public Task<CommunityResult> CommunitiesAsync(CommunityOptions options, DateOnly? asOf, CancellationToken cancellationToken) =>
        Cached(options, asOf, "communities", (snapshot, token) => CommunityDetection.Compute(snapshot, options, token), cancellationToken);

    /// <summary>A whole timeline is one computation on one time budget (its steps are not cached one by one).</summary>
    public Task<TimelineResult> TimelineAsync(TimelineQuery query, CancellationToken cancellationToken) =>
        Cached(TimelineKey.Of(query), asOf: null, "timeline",
            (snapshot, token) => Timeline.Compute(snapshot, query, token), cancellationToken);

    /// <summary>
    /// Any analysis, on the whole graph or (with <paramref name="asOf"/>) on the graph of the ties in force that day
    /// (<see cref="GraphSnapshot.InForceOn"/>), cached per snapshot version, parameters and date. The as-of graph is
    /// built inside the budgeted computation, so its cost counts against the budget and concurrent callers share it.
    /// A span covers the caller's wait and says whether the cache answered it (a finished or running computation).
    /// </summary>
    private async Task<T> Cached<T>(object key, DateOnly? asOf, string analysis, Func<GraphSnapshot, CancellationToken, T> compute, CancellationToken cancellationToken)
    {
        using var span = GraphTelemetry.Source.StartActivity(GraphTelemetry.AnalysisSpan);
        span?.SetTag(GraphTelemetry.AnalysisNameTag, analysis);
        var snapshot = _view ?? graph.Snapshot.PublicView();
        var cache = _caches.GetOrAdd(snapshot.Workspace ?? "", _ => new AnalysisCache());
        var computed = false;
        // The cache decides before its first await whether to call the factory, so `computed` is known on return.
        var answer = cache.GetOrAdd(snapshot.Version, new AsOfKey(key, asOf), abandoned =>
        {
            computed = true;
            return RunWithinBudget(analysis, token => compute(asOf is { } day ? snapshot.InForceOn(day) : snapshot, token), abandoned);
        }, cancellationToken);
        metrics?.AnalysisLookedUp(analysis, hit: !computed);
        span?.SetTag(GraphTelemetry.CacheHitTag, !computed);
        try
        {
            return await answer.ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            GraphTelemetry.Failed(span, ex);
            throw;
        }
    }

    /// <summary>
    /// Takes a slot (waiting briefly), then computes on the budget's clock; <paramref name="abandoned"/> fires when no
    /// caller waits any more, and stops the wait for a slot or the computation alike.
    /// </summary>
    private async Task<T> RunWithinBudget<T>(string analysis, Func<CancellationToken, T> compute, CancellationToken abandoned)
    {
        if (budget <= TimeSpan.Zero)
        {
            throw new AnalysisBudgetExceededException(analysis, budget); // the operator's kill switch: no slot, no work
        }
        using var slot = await slots.EnterAsync(analysis, abandoned).ConfigureAwait(false);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(abandoned);
        deadline.CancelAfter(budget);
        var started = Stopwatch.GetTimestamp();
        Exception? failure = null;
        try
        {
            return await threads.Run(() => compute(deadline.Token), deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !abandoned.IsCancellationRequested)
        {
            failure = new AnalysisBudgetExceededException(analysis, budget);
            throw failure;
        }
        catch (Exception ex)
        {
            failure = ex;
            throw;
        }
        finally
        {
            metrics?.AnalysisComputed(analysis, Stopwatch.GetElapsedTime(started), failure);
        }
    }

    private sealed record AsOfKey(object Analysis, DateOnly? AsOf);

    // The actor list joined into one string: records compare lists by reference, keys must compare by value.
    private sealed record TimelineKey(string Actors, TimelineMeasure Measure, DateOnly From, DateOnly To, TimelineStep Step,
        ActorField Partition, bool Directed, int? Sample, int Seed)
    {
        public static TimelineKey Of(TimelineQuery q) =>
            new(string.Join(',', q.Actors), q.Measure, q.From, q.To, q.Step, q.Partition, q.Directed, q.Sample, q.Seed);
    }

    private sealed record BrokerageKey(ActorField Partition, bool Directed);

    private sealed record GatewayKey(string From, string To, GatewayOptions Options);
}
