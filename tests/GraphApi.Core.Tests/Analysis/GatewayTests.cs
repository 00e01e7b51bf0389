using GraphApi.Core.Analysis;
using static GraphApi.Core.Tests.Analysis.TestGraphs;

namespace GraphApi.Core.Tests.Analysis;

public sealed class GatewayTests
{
    private static readonly ActorGroup Eu = new(ActorField.Region, "EU");
    private static readonly ActorGroup Kr = new(ActorField.Region, "KR");

    private static Dictionary<string, long> Routes(GatewayResult result) =>
        result.Ranking.ToDictionary(g => result.Snapshot.ActorAt(g.Actor).Id, g => g.Routes);

    [Fact]
    public void Counts_intermediates_on_each_best_route_with_shares()
    {
        // e1, e2 (EU) reach k1, k2 (KR) through hub (BE, also EU, so a source too). e2's weak direct MET_AT tie to k2
        // costs −ln 0.4 = 0.92, more than e2–hub–k2 at 2 × −ln 0.9 = 0.21, so the hub still carries that pair.
        var snapshot = Build(
            [Actor("e1", "FR"), Actor("e2", "DE"), Actor("hub", "BE"), Actor("k1", "KR"), Actor("k2", "KR")],
            [Tie("e1", "hub", strength: 0.9), Tie("e2", "hub", strength: 0.9), Tie("hub", "k1", strength: 0.9), Tie("hub", "k2", strength: 0.9),
             Tie("e2", "k2", "MET_AT")]);
        var result = Gateways.Compute(snapshot, Eu, Kr, CancellationToken.None);
        // Pairs: e1, e2 and hub, each to k1 and k2; the hub carries the four routes that start elsewhere.
        Assert.Equal(6, result.Pairs);
        Assert.Equal(3, result.Sources);
        Assert.Equal(new Dictionary<string, long> { ["hub"] = 4 }, Routes(result));
        Assert.Equal(4.0 / 6, result.Ranking[0].Share);
    }

    [Fact]
    public void Equal_cost_ties_go_to_fewer_hops_then_to_the_smaller_id_sequence()
    {
        // e → k directly at strength 0.81 costs exactly what e → m → k at 0.9 × 0.9 does: the one-hop route wins.
        var oneHop = Build([Actor("e", "FR"), Actor("k", "KR"), Actor("m", "FR")],
            [Tie("e", "k", strength: 0.81), Tie("e", "m", strength: 0.9), Tie("m", "k", strength: 0.9)]);
        Assert.Empty(Gateways.Compute(oneHop, Eu, Kr, CancellationToken.None).Ranking);

        // Two equal two-hop routes e → x → k and e → y → k: x has the smaller id.
        var twoWays = Build([Actor("e", "FR"), Actor("k", "KR"), Actor("x", "FR"), Actor("y", "FR")],
            [Tie("e", "y"), Tie("y", "k"), Tie("e", "x"), Tie("x", "k")]);
        var result = Gateways.Compute(twoWays, Eu, Kr, CancellationToken.None);
        Assert.Equal(3, result.Pairs);
        Assert.Equal(new Dictionary<string, long> { ["x"] = 1 }, Routes(result));
    }

    [Theory]
    [MemberData(nameof(Seeds), 6, MemberType = typeof(TestGraphs))]
    public void Matches_exhaustive_path_search_on_random_graphs(int seed)
    {
        var snapshot = Random(11, 17, seed);
        var reference = new Reference(snapshot, weighted: true);
        foreach (var (from, to) in new[] { (Eu, Kr), (Kr, Eu), (new ActorGroup(ActorField.Sector, "water"), new ActorGroup(ActorField.Kind, "Cluster")) })
        {
            var expected = reference.Gateways(from, to, out var pairs);
            var result = Gateways.Compute(snapshot, from, to, CancellationToken.None);
            Assert.Equal(pairs, result.Pairs);
            var actual = new long[snapshot.ActorCount];
            foreach (var gateway in result.Ranking)
            {
                actual[gateway.Actor] = gateway.Routes;
                Assert.Equal((double)gateway.Routes / pairs, gateway.Share);
            }
            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public void Groups_parse_attribute_and_value()
    {
        Assert.True(ActorGroup.TryParse("kind:MiniCluster", out var group, out _));
        Assert.Equal(new ActorGroup(ActorField.Kind, "MiniCluster"), group);
        Assert.False(ActorGroup.TryParse("continent:EU", out _, out var error));
        Assert.Contains("continent", error, StringComparison.Ordinal);
        Assert.False(ActorGroup.TryParse("region:", out _, out _));
        Assert.False(ActorGroup.TryParse("EU", out _, out _));
    }

    [Fact]
    public void Sector_groups_match_any_listed_sector_ignoring_case()
    {
        var water = new ActorGroup(ActorField.Sector, "Water");
        Assert.True(water.Contains(Actor("a", "FR", "Cluster", "energy", "water")));
        Assert.False(water.Contains(Actor("b", "FR", "Cluster", "energy")));
    }
}
