using GraphApi.Core.Analysis;
using GraphApi.Core.Routing;

namespace GraphApi.Core.Tests.Routing;

/// <summary>
/// The best-route tree (the engine under gateways and weighted betweenness) against the rule written out the slow
/// way: every simple path enumerated by <see cref="ReferenceRoutes"/>, sorted by least cost in nano-nats, then fewest
/// hops, then the smaller actor-id sequence. Graphs are small, seeded and full of ties: few distinct strengths,
/// products that tie (0.5 × 0.5 = 0.25), parallel ties and zero-cost hops.
/// </summary>
public sealed class BestRouteTreeTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Each_tree_route_from_a_source_or_toward_a_target_is_the_least_cost_then_fewest_hops_then_smallest_id_sequence(bool zeroCostHeavy)
    {
        var compared = 0;
        for (var seed = 0; seed < 300; seed++)
        {
            var random = new Random(seed);
            // At most nine actors (n0 … n8), so actor-id order and snapshot order agree and enumerating is quick.
            var n = random.Next(3, 9);
            var snapshot = TieHeavyGraphs.Build(random, n, dated: false, zeroCostHeavy ? TieHeavyGraphs.ZeroCostHeavy : null);
            var graph = SimpleGraph.From(snapshot).Arcs;
            var (fromSource, toTarget) = (new BestRouteTree(n), new BestRouteTree(n));
            for (var source = 0; source < n; source++)
            {
                fromSource.Grow(graph, source);
                for (var target = 0; target < n; target++)
                {
                    if (target == source)
                    {
                        continue;
                    }
                    toTarget.GrowToward(graph, target);
                    var reference = new ReferenceRoutes(snapshot, new ReferenceQuery([source], [target], [], n, null, null, new DateOnly(2026, 1, 1), null))
                        .Best(1).SingleOrDefault();
                    var expected = reference is null ? "none" : $"{string.Join(">", reference.Actors)} @{reference.Cost}";
                    var forward = fromSource.Cost(target) == long.MaxValue ? "none" : $"{string.Join(">", PathTo(fromSource, target))} @{fromSource.Cost(target)}";
                    var backward = toTarget.Cost(source) == long.MaxValue ? "none" : $"{string.Join(">", PathFrom(toTarget, source))} @{toTarget.Cost(source)}";
                    Assert.True(expected == forward, $"seed {seed}, {source} → {target}: reference {expected}, tree from the source {forward}");
                    Assert.True(expected == backward, $"seed {seed}, {source} → {target}: reference {expected}, tree toward the target {backward}");
                    compared++;
                }
            }
        }
        Assert.True(compared > 6_000, $"only {compared} pairs compared");
    }

    [Fact]
    public void A_cheaper_route_wins_over_a_shorter_one_and_equal_costs_go_to_fewer_hops_then_smaller_ids()
    {
        // n0–n1–n3 (strength 1, then 0.25) costs what n0–n3 (0.25) does: fewer hops wins. n0–n2–n4 and n0–n1–n4
        // tie on cost and hops: the smaller sequence (through n1) wins. n0–n1–n5 (strength 1 then 1) beats n0–n5 (0.9).
        var snapshot = new TestGraph()
            .Actor("n0").Actor("n1").Actor("n2").Actor("n3").Actor("n4").Actor("n5")
            .Tie("n0", "n1", "MOU", 1.0).Tie("n1", "n3", "MOU", 0.25).Tie("n0", "n3", "MOU", 0.25)
            .Tie("n0", "n2", "MOU", 1.0).Tie("n2", "n4", "MOU", 0.5).Tie("n1", "n4", "MOU", 0.5)
            .Tie("n1", "n5", "MOU", 1.0).Tie("n0", "n5", "MOU", 0.9)
            .Build();
        var tree = new BestRouteTree(6);
        tree.Grow(SimpleGraph.From(snapshot).Arcs, 0);
        Assert.Equal([0, 3], PathTo(tree, 3));
        Assert.Equal([0, 1, 4], PathTo(tree, 4));
        Assert.Equal([0, 1, 5], PathTo(tree, 5));
        Assert.Equal(HopCosts.QuantisedCostOf(0.5), tree.Cost(4));
    }

    /// <summary>The route from <paramref name="source"/> in a tree grown toward its target: next hop after next hop.</summary>
    private static List<int> PathFrom(BestRouteTree tree, int source)
    {
        var path = new List<int>();
        for (var v = source; v >= 0; v = tree.Parent(v))
        {
            path.Add(v);
        }
        return path;
    }

    private static List<int> PathTo(BestRouteTree tree, int target)
    {
        var path = new List<int>();
        for (var v = target; v >= 0; v = tree.Parent(v))
        {
            path.Add(v);
        }
        path.Reverse();
        return path;
    }
}
