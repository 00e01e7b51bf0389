using GraphApi.Core.Analysis;
using GraphApi.Core.Routing;
using GraphApi.Core.Tests.Routing;

namespace GraphApi.Core.Tests.Analysis;

/// <summary>
/// Gateways count the routes of <see cref="BestRouteTree"/>; they must be the routes the router gives for the same
/// question (one from actor, one target, no decay), on random graphs full of ties. Graphs have at most 9 actors, so
/// every route fits the router's largest hop budget and the tree's lack of one makes no difference.
/// </summary>
public sealed class GatewayRoutesMatchRouterTests
{
    [Fact]
    public void Every_gateway_route_is_the_routers_best_route()
    {
        var compared = 0;
        for (var seed = 0; seed < 400; seed++)
        {
            var random = new Random(seed);
            var n = random.Next(3, 10);
            var snapshot = TieHeavyGraphs.Build(random, n, dated: false);
            var graph = SimpleGraph.From(snapshot);
            var tree = new BestRouteTree(n);
            for (var source = 0; source < n; source++)
            {
                tree.Grow(graph, source);
                for (var target = 0; target < n; target++)
                {
                    if (target == source)
                    {
                        continue;
                    }
                    var query = new IntroductionQuery([snapshot.ActorAt(source).Id], RouteTarget.Actor(snapshot.ActorAt(target).Id))
                    {
                        K = 1,
                        MaxHops = IntroductionQuery.MaxMaxHops,
                    };
                    var routed = IntroductionRouter.Find(snapshot, query).Routes.Select(r => string.Join(">", r.Actors)).SingleOrDefault();
                    Assert.True(routed == TreePath(tree, source, target), $"seed {seed}, {source} → {target}: router {routed}, gateway tree {TreePath(tree, source, target)}");
                    compared++;
                }
            }
        }
        Assert.True(compared > 5000, $"only {compared} pairs compared");
    }

    private static string? TreePath(BestRouteTree tree, int source, int target)
    {
        if (tree.Cost(target) == long.MaxValue)
        {
            return null;
        }
        var path = new List<int>();
        for (var v = target; v != source; v = tree.Parent(v))
        {
            path.Add(v);
        }
        path.Add(source);
        path.Reverse();
        return string.Join(">", path);
    }
}
