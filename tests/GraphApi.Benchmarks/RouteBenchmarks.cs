using BenchmarkDotNet.Attributes;
using GraphApi.Core.Routing;

namespace GraphApi.Benchmarks;

/// <summary>
/// Introduction-route latency on synthetic networks of 10k and 100k actors (~5 relationships each). Each
/// invocation asks all <see cref="BenchmarkNetwork.Pairs"/> EU → KR questions, so the reported time is the mean
/// per question over a fixed, varied set rather than one lucky pair.
/// </summary>
[MemoryDiagnoser]
public class RouteBenchmarks
{
    private BenchmarkNetwork _network = null!;
    private QuikGraphBaseline _quikGraph = null!;

    [Params(10_000, 100_000)]
    public int Actors { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _network = new BenchmarkNetwork(Actors);
        _quikGraph = new QuikGraphBaseline(_network);
    }

    [Benchmark(OperationsPerInvoke = BenchmarkNetwork.Pairs, Description = "k=1 to one actor")]
    public int IntroductionK1ToActor() => Ask(pair => _network.ToActor(pair, 1));

    [Benchmark(OperationsPerInvoke = BenchmarkNetwork.Pairs, Description = "k=3 to one actor")]
    public int IntroductionK3ToActor() => Ask(pair => _network.ToActor(pair, 3));

    [Benchmark(OperationsPerInvoke = BenchmarkNetwork.Pairs, Description = "k=1 to any KR MiniCluster")]
    public int IntroductionK1ToMiniCluster() => Ask(pair => _network.ToKoreanMiniCluster(pair, 1));

    [Benchmark(OperationsPerInvoke = BenchmarkNetwork.Pairs, Description = "k=3 to any KR MiniCluster")]
    public int IntroductionK3ToMiniCluster() => Ask(pair => _network.ToKoreanMiniCluster(pair, 3));

    [Benchmark(OperationsPerInvoke = BenchmarkNetwork.Pairs, Baseline = true, Description = "QuikGraph Dijkstra, k=1 to one actor")]
    public int QuikGraphK1ToActor()
    {
        var hops = 0;
        for (var pair = 0; pair < BenchmarkNetwork.Pairs; pair++)
        {
            hops += _quikGraph.ShortestPath(_network.Sources[pair], _network.Targets[pair])?.Length ?? 0;
        }
        return hops;
    }

    [Benchmark(OperationsPerInvoke = BenchmarkNetwork.Pairs, Description = "QuikGraph Dijkstra, k=1 to any KR MiniCluster")]
    public int QuikGraphK1ToMiniCluster()
    {
        var hops = 0;
        for (var pair = 0; pair < BenchmarkNetwork.Pairs; pair++)
        {
            hops += _quikGraph.ShortestPath(_network.Sources[pair], _quikGraph.MiniClusterSink)?.Length ?? 0;
        }
        return hops;
    }

    private int Ask(Func<int, IntroductionQuery> query)
    {
        var hops = 0;
        for (var pair = 0; pair < BenchmarkNetwork.Pairs; pair++)
        {
            foreach (var route in IntroductionRouter.Find(_network.Snapshot, query(pair)).Routes)
            {
                hops += route.Hops;
            }
        }
        return hops;
    }
}
