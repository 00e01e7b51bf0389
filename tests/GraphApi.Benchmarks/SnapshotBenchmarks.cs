using BenchmarkDotNet.Attributes;
using GraphApi.Core.Graph;
using GraphApi.TestSupport;

namespace GraphApi.Benchmarks;

/// <summary>Building a snapshot from records (start-up), one write on top of it (what a committed write pays), and a merge.</summary>
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

    [Benchmark(Description = "One relationship write (With)")]
    public GraphSnapshot WriteOne() => _snapshot.With(2, upsertRelationships:
    [
        new Core.Domain.Relationship { Id = "bench-new-tie", Source = _snapshot.ActorAt(1).Id, Target = _snapshot.ActorAt(Actors - 2).Id, Type = "MOU" },
    ]);

    [Benchmark(Description = "Merge of one write (Compacted)")]
    public GraphSnapshot Merge() => WriteOne().Compacted();
}
