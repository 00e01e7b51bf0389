using GraphApi.Core.Graph;
using GraphApi.Core.Routing;
using GraphApi.TestSupport;

namespace GraphApi.Benchmarks;

/// <summary>A synthetic network, its snapshot, and a fixed set of EU → KR questions asked of it.</summary>
internal sealed class BenchmarkNetwork
{
    public const int Pairs = 8;
    public static readonly DateOnly Today = new(2025, 1, 1);

    public BenchmarkNetwork(int actors)
    {
        Network = SyntheticNetwork.Generate(new SyntheticNetworkOptions { Actors = actors, Seed = 2025 });
        Snapshot = Network.ToSnapshot();
        var random = new Random(1234);
        var eu = Enumerable.Range(0, Snapshot.ActorCount).Where(i => Snapshot.ActorAt(i).Region == "EU" && Snapshot.Degree(i) > 0).ToArray();
        var kr = Enumerable.Range(0, Snapshot.ActorCount).Where(i => Snapshot.ActorAt(i).Region == "KR" && Snapshot.Degree(i) > 0).ToArray();
        Sources = [.. Enumerable.Range(0, Pairs).Select(_ => eu[random.Next(eu.Length)])];
        Targets = [.. Enumerable.Range(0, Pairs).Select(_ => kr[random.Next(kr.Length)])];
        // Warm the per-snapshot routing arrays once, as a running service would.
        IntroductionRouter.Find(Snapshot, ToActor(0, 1));
    }

    public SyntheticNetwork Network { get; }
    public GraphSnapshot Snapshot { get; }
    public int[] Sources { get; }
    public int[] Targets { get; }

    /// <summary>Ten-year half-life, so decay is on as in a realistic query.</summary>
    public static RouteQueryOptions Options { get; } = new(Today) { HalfLifeYears = 10 };

    /// <summary>To one actor with the largest hop budget, so the answer equals an unbounded Dijkstra's.</summary>
    public IntroductionQuery ToActor(int pair, int k) =>
        new([Snapshot.ActorAt(Sources[pair]).Id], RouteTarget.Actor(Snapshot.ActorAt(Targets[pair]).Id))
        {
            K = k,
            MaxHops = IntroductionQuery.MaxMaxHops,
            Options = Options,
        };

    /// <summary>The product's question: any mini cluster in Korea, default hop budget.</summary>
    public IntroductionQuery ToKoreanMiniCluster(int pair, int k) =>
        new([Snapshot.ActorAt(Sources[pair]).Id], RouteTarget.Matching(a => a.Kind == "MiniCluster" && a.Country == "KR"))
        {
            K = k,
            Options = Options,
        };
}
