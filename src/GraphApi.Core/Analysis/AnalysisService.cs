using GraphApi.Core.Analysis.Communities;
using GraphApi.Core.Graph;

namespace GraphApi.Core.Analysis;

/// <summary>
/// Runs the analyses on the current snapshot, caches their results per snapshot version and parameters, and
/// holds every computation to a time budget. A shared computation runs on the budget's clock only, not on any
/// one caller's: a caller who gives up stops waiting, while others asking the same question still get the answer.
/// </summary>
public sealed class AnalysisService(GraphService graph, TimeSpan budget)
{
    private readonly AnalysisCache _cache = new();

    public TimeSpan Budget => budget;

    public Task<BrokerageResult> BrokerageAsync(ActorField partition, bool directed, CancellationToken cancellationToken) =>
        Cached(new BrokerageKey(partition, directed), "brokerage", (snapshot, token) => Brokerage.Compute(snapshot, partition, directed, token), cancellationToken);

    public Task<CentralityResult> CentralityAsync(CentralityOptions options, CancellationToken cancellationToken) =>
        Cached(options, "centrality", (snapshot, token) => Centrality.Compute(snapshot, options, token), cancellationToken);

    public Task<GatewayResult> GatewaysAsync(ActorGroup from, ActorGroup to, GatewayOptions options, CancellationToken cancellationToken) =>
        Cached(new GatewayKey(from.Field, from.Value.ToUpperInvariant(), to.Field, to.Value.ToUpperInvariant(), options), "gateways",
            (snapshot, token) => Gateways.Compute(snapshot, from, to, options, token), cancellationToken);

    public Task<CommunityResult> CommunitiesAsync(CommunityOptions options, CancellationToken cancellationToken) =>
        Cached(options, "communities", (snapshot, token) => CommunityDetection.Compute(snapshot, options, token), cancellationToken);

    private Task<T> Cached<T>(object key, string analysis, Func<GraphSnapshot, CancellationToken, T> compute, CancellationToken cancellationToken)
    {
        var snapshot = graph.Snapshot;
        return _cache.GetOrAdd(snapshot.Version, key, () => RunWithinBudget(analysis, token => compute(snapshot, token)))
            .WaitAsync(cancellationToken);
    }

    private async Task<T> RunWithinBudget<T>(string analysis, Func<CancellationToken, T> compute)
    {
        using var deadline = new CancellationTokenSource(budget);
        try
        {
            return await Task.Run(() => compute(deadline.Token), deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            throw new AnalysisBudgetExceededException(analysis, budget);
        }
    }

    private sealed record BrokerageKey(ActorField Partition, bool Directed);

    private sealed record GatewayKey(ActorField FromField, string FromValue, ActorField ToField, string ToValue, GatewayOptions Options);
}
