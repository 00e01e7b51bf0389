using GraphApi.Core.Routing;
using QuikGraph;
using QuikGraph.Algorithms.Observers;
using QuikGraph.Algorithms.ShortestPath;

namespace GraphApi.Benchmarks;

/// <summary>
/// The same least-cost question answered by QuikGraph's Dijkstra: both arcs of every relationship, the same
/// decayed hop costs (precomputed, so QuikGraph does no decay arithmetic), stopping as soon as the target is settled.
/// </summary>
internal sealed class QuikGraphBaseline
{
    private readonly AdjacencyGraph<int, TaggedEdge<int, int>> _graph = new(allowParallelEdges: true);
    private readonly double[] _costs;

    public QuikGraphBaseline(BenchmarkNetwork network)
    {
        var snapshot = network.Snapshot;
        var hopCosts = new HopCosts(snapshot, BenchmarkNetwork.Rules);
        _costs = new double[snapshot.RelationshipCount];
        _graph.AddVertexRange(Enumerable.Range(0, snapshot.ActorCount));
        for (var e = 0; e < snapshot.RelationshipCount; e++)
        {
            _costs[e] = hopCosts.Cost(e);
            _graph.AddEdge(new TaggedEdge<int, int>(snapshot.SourceOf(e), snapshot.TargetOf(e), e));
            _graph.AddEdge(new TaggedEdge<int, int>(snapshot.TargetOf(e), snapshot.SourceOf(e), e));
        }
    }

    /// <summary>The least-cost path's relationship indices, or null when the target is unreachable.</summary>
    public int[]? ShortestPath(int source, int target)
    {
        var dijkstra = new DijkstraShortestPathAlgorithm<int, TaggedEdge<int, int>>(_graph, edge => _costs[edge.Tag]);
        var predecessors = new VertexPredecessorRecorderObserver<int, TaggedEdge<int, int>>();
        dijkstra.FinishVertex += vertex =>
        {
            if (vertex == target)
            {
                dijkstra.Abort();
            }
        };
        using (predecessors.Attach(dijkstra))
        {
            dijkstra.Compute(source);
        }
        return predecessors.TryGetPath(target, out var path) ? [.. path.Select(edge => edge.Tag)] : null;
    }

    public double CostOf(IEnumerable<int> relationships) => relationships.Sum(e => _costs[e]);
}
