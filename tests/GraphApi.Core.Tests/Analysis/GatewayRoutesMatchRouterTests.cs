using GraphApi.Core.Analysis;
using GraphApi.Core.Domain;
using GraphApi.Core.Graph;
using GraphApi.Core.Routing;
using GraphApi.Core.Tests.Routing;

namespace GraphApi.Core.Tests.Analysis;

/// <summary>
/// Gateways count the routes of <see cref="BestRouteTree"/> (the route engine); they must be the routes the router gives for the same
/// question (one from actor, one target, no decay), on random graphs full of ties: few distinct strengths, products
/// that tie (0.5 × 0.5 = 0.25), parallel ties and zero-cost hops (strength 1). The router caps routes at
/// <see cref="IntroductionQuery.MaxMaxHops"/> hops and the tree has no cap, so graphs of at most 9 actors compare
/// every pair; larger graphs compare the pairs whose best route fits the cap and check the others cost the router more.
/// </summary>
public sealed class GatewayRoutesMatchRouterTests
{
    private static readonly string[] Countries = ["FR", "DE", "KR", "KR", "US"];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Every_tree_route_is_the_routers_best_route_on_small_graphs(bool zeroCostHeavy)
    {
        var compared = 0;
        for (var seed = 0; seed < 1000; seed++)
        {
            var random = new Random(seed);
            var snapshot = TieHeavyGraphs.Build(random, random.Next(3, 10), dated: false, zeroCostHeavy ? TieHeavyGraphs.ZeroCostHeavy : null);
            compared += CompareAllPairs(snapshot, seed);
        }
        Assert.True(compared > 20_000, $"only {compared} pairs compared");
    }

    [Fact]
    public void Larger_graphs_agree_wherever_the_best_route_fits_the_routers_hop_cap()
    {
        var (compared, tooLong) = (0, 0);
        for (var seed = 0; seed < 150; seed++)
        {
            var random = new Random(seed);
            var n = random.Next(10, 36);
            // Sparse (about 1.2 ties per actor) so that many best routes run longer than the router's cap.
            var snapshot = TieHeavyGraphs.Build(random, n, dated: false, seed % 2 == 0 ? TieHeavyGraphs.ZeroCostHeavy : null, ties: n + random.Next(n / 2));
            var routes = TreeRoutes.Of(snapshot);
            for (var source = 0; source < n; source++)
            {
                for (var target = 0; target < n; target++)
                {
                    if (target == source || routes.Path(source, target) is not { } path)
                    {
                        continue;
                    }
                    var routed = RouterRoute(snapshot, source, target);
                    if (path.Count - 1 <= IntroductionQuery.MaxMaxHops)
                    {
                        Assert.True(Ids(snapshot, path) == (routed is null ? null : Ids(snapshot, routed.Actors)), $"seed {seed}, {source} → {target}");
                        compared++;
                    }
                    else
                    {
                        // Within the cap the router can only find a dearer route: an equal cost would have fewer hops and be the tree's.
                        Assert.True(routed is null || QuantisedCost(routed) > routes.Cost(source, target), $"seed {seed}, {source} → {target}");
                        tooLong++;
                    }
                }
            }
        }
        Assert.True(compared > 20_000 && tooLong > 500, $"only {compared} pairs compared and {tooLong} routes over the cap");
    }

    [Fact]
    public void Gateway_counts_are_the_intermediates_of_the_routers_routes()
    {
        var groups = new[] { new ActorFilter(Region: "EU"), new ActorFilter(Region: "KR"), new ActorFilter(Country: "US") };
        for (var seed = 0; seed < 300; seed++)
        {
            var random = new Random(seed);
            var snapshot = TieHeavyGraphs.Build(random, random.Next(3, 10), dated: false, seed % 2 == 0 ? TieHeavyGraphs.ZeroCostHeavy : null, Countries);
            var from = groups[random.Next(groups.Length)];
            var to = groups[random.Next(groups.Length)];
            var (expected, pairs) = RouterCounts(snapshot, from, to);
            var result = Gateways.Compute(snapshot, from, to, CancellationToken.None);
            var actual = new long[snapshot.ActorCount];
            foreach (var gateway in result.Ranking)
            {
                actual[gateway.Actor] = gateway.Routes;
            }
            Assert.True(pairs == result.Pairs, $"seed {seed}: {pairs} pairs routed, gateways counted {result.Pairs}");
            Assert.True(expected.SequenceEqual(actual), $"seed {seed}, {from} → {to}: router [{string.Join(",", expected)}], gateways [{string.Join(",", actual)}]");
        }
    }

    private static int CompareAllPairs(GraphSnapshot snapshot, int seed)
    {
        var routes = TreeRoutes.Of(snapshot);
        var compared = 0;
        for (var source = 0; source < snapshot.ActorCount; source++)
        {
            for (var target = 0; target < snapshot.ActorCount; target++)
            {
                if (target == source)
                {
                    continue;
                }
                var routed = RouterRoute(snapshot, source, target);
                var expected = routed is null ? null : Ids(snapshot, routed.Actors);
                var tree = routes.Path(source, target) is { } path ? Ids(snapshot, path) : null;
                Assert.True(expected == tree, $"seed {seed}, {source} → {target}: router {expected}, gateway tree {tree}");
                compared++;
            }
        }
        return compared;
    }

    private static (long[] Routes, long Pairs) RouterCounts(GraphSnapshot snapshot, ActorFilter from, ActorFilter to)
    {
        var routes = new long[snapshot.ActorCount];
        long pairs = 0;
        for (var source = 0; source < snapshot.ActorCount; source++)
        {
            for (var target = 0; target < snapshot.ActorCount; target++)
            {
                if (target == source || !from.Matches(snapshot.ActorAt(source)) || !to.Matches(snapshot.ActorAt(target))
                    || RouterRoute(snapshot, source, target) is not { } route)
                {
                    continue;
                }
                pairs++;
                foreach (var inner in route.Actors.Skip(1).SkipLast(1))
                {
                    routes[inner]++;
                }
            }
        }
        return (routes, pairs);
    }

    private static Route? RouterRoute(GraphSnapshot snapshot, int source, int target)
    {
        var query = new IntroductionQuery([snapshot.ActorAt(source).Id], RouteTarget.Actor(snapshot.ActorAt(target).Id))
        {
            Options = new(new DateOnly(2025, 1, 1)),
            K = 1,
            MaxHops = IntroductionQuery.MaxMaxHops,
        };
        return IntroductionRouter.Find(snapshot, query).Routes.SingleOrDefault();
    }

    private static long QuantisedCost(Route route) => route.Strengths.Sum(HopCosts.QuantisedCostOf);

    private static string Ids(GraphSnapshot snapshot, IEnumerable<int> actors) => string.Join(">", actors.Select(a => snapshot.ActorAt(a).Id));

    /// <summary>The gateway search's best routes from every source, as snapshot indices.</summary>
    private sealed class TreeRoutes
    {
        private readonly List<int>?[,] _paths;
        private readonly long[,] _costs;

        private TreeRoutes(int n)
        {
            _paths = new List<int>?[n, n];
            _costs = new long[n, n];
        }

        public static TreeRoutes Of(GraphSnapshot snapshot)
        {
            var n = snapshot.ActorCount;
            var graph = SimpleGraph.From(snapshot).Arcs;
            var tree = new BestRouteTree(n);
            var routes = new TreeRoutes(n);
            for (var source = 0; source < n; source++)
            {
                tree.Grow(graph, source);
                foreach (var target in tree.Reached)
                {
                    var path = new List<int>();
                    for (var v = target; v >= 0; v = tree.Parent(v))
                    {
                        path.Add(v);
                    }
                    path.Reverse();
                    routes._paths[source, target] = path;
                    routes._costs[source, target] = tree.Cost(target);
                }
            }
            return routes;
        }

        public List<int>? Path(int source, int target) => _paths[source, target];

        public long Cost(int source, int target) => _costs[source, target];
    }
}
