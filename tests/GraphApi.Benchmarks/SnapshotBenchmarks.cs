using BenchmarkDotNet.Attributes;
using GraphApi.Core.Graph;
using GraphApi.Core.Routing;
using GraphApi.Core.Synthetic;

namespace GraphApi.Benchmarks;

/// <summary>Building the immutable snapshot (what every committed write pays) and the routing arrays beside it.</summary>
[MemoryDiagnoser]
public class SnapshotBenchmarks
{
    private SyntheticNetwork _network = null!;
    private GraphSnapshot _snapshot = null!;

    [Params(10_000, 100_000)]
    public int Actors { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _network = SyntheticNetwork.Generate(new SyntheticNetworkOptions { Actors = Actors, Seed = 2025 });
        _snapshot = _network.ToSnapshot();
    }

    [Benchmark(Description = "GraphSnapshot.Build")]
    public GraphSnapshot Build() => _network.ToSnapshot();

    [Benchmark(Description = "Routing arrays (once per snapshot)")]
    public int BuildRoutingIndex() => RoutingIndex.Build(_snapshot).TypeCount;
}
