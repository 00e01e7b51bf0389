using GraphApi.Core.Routing;
using QuikGraph;
using QuikGraph.Algorithms.Observers;
using QuikGraph.Algorithms.ShortestPath;

namespace GraphApi.Benchmarks;

/// <summary>
/// The same least-cost question answered by QuikGraph's Dijkstra: both arcs of every relationship, the same
/// decayed hop costs (precomputed, so QuikGraph does no decay arithmetic), stopping as soon as the target is settled.
/// "Any KR mini cluster" is answered the textbook way: a sink vertex with a free arc from every such actor.
/// </summary>
internal sealed class QuikGraphBaseline
{
    private readonly AdjacencyGraph<int, TaggedEdge<int, int>> _graph = new(allowParallelEdges: true);
    private const int SinkArc = -1;
    private readonly double[] _costs;

    public QuikGraphBaseline(BenchmarkNetwork network)
    {
        var snapshot = network.Snapshot;
        var hopCosts = new HopCosts(snapshot, BenchmarkNetwork.Options);
        _costs = new double[snapshot.RelationshipCount];
        _graph.AddVertexRange(Enumerable.Range(0, snapshot.ActorCount));
        for (var e = 0; e < snapshot.RelationshipCount; e++)
        {
            _costs[e] = hopCosts.Cost(e);
            _graph.AddEdge(new TaggedEdge<int, int>(snapshot.SourceOf(e), snapshot.TargetOf(e), e));
            _graph.AddEdge(new TaggedEdge<int, int>(snapshot.TargetOf(e), snapshot.SourceOf(e), e));
        }
        MiniClusterSink = snapshot.ActorCount;
        _graph.AddVertex(MiniClusterSink);
        for (var v = 0; v < snapshot.ActorCount; v++)
        {
            if (snapshot.ActorAt(v) is { Kind: "MiniCluster", Country: "KR" })
            {
                _graph.AddEdge(new TaggedEdge<int, int>(v, MiniClusterSink, SinkArc));
            }
        }
    }

    /// <summary>The vertex every Korean mini cluster has a free arc to.</summary>
    public int MiniClusterSink { get; }

    /// <summary>The least-cost path's relationship indices, or null when the target is unreachable.</summary>
    public int[]? ShortestPath(int source, int target)
    {
        var dijkstra = new DijkstraShortestPathAlgorithm<int, TaggedEdge<int, int>>(_graph, edge => edge.Tag == SinkArc ? 0 : _costs[edge.Tag]);
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
        return predecessors.TryGetPath(target, out var path) ? [.. path.Select(edge => edge.Tag).Where(tag => tag != SinkArc)] : null;
    }

    public double CostOf(IEnumerable<int> relationships) => relationships.Sum(e => _costs[e]);
}
