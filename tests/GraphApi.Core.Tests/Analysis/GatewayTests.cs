using GraphApi.Core.Analysis;
using GraphApi.Core.Domain;
using static GraphApi.Core.Tests.Analysis.TestGraphs;

namespace GraphApi.Core.Tests.Analysis;

public sealed class GatewayTests
{
    private static readonly ActorFilter Eu = new(Region: "EU");
    private static readonly ActorFilter Kr = new(Region: "KR");

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
        foreach (var (from, to) in new[] { (Eu, Kr), (Kr, Eu), (new ActorFilter(Sector: "water"), new ActorFilter(Kind: "Cluster")) })
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
    public void Groups_parse_field_and_value_into_the_catalogue_spelling()
    {
        Assert.Equal(new ActorFilter(Kind: "MiniCluster"), Parse("kind:minicluster", out _));
        Assert.Equal(new ActorFilter(Kind: "MiniCluster", Region: "KR"), Parse("region:kr, kind:MiniCluster", out _));
        Assert.Equal("kind:MiniCluster,region:KR", Parse("region:KR,kind:MiniCluster", out _)!.ToString());
        Assert.Null(Parse("continent:EU", out var error));
        Assert.Equal("'continent' is not an actor field; use one of kind, country, region, sector", error);
        Assert.Null(Parse("region:", out error));
        Assert.Equal("'region:' must be field:value with field one of kind, country, region, sector (e.g. region:EU)", error);
        Assert.Null(Parse("EU", out _));
        Assert.Null(Parse("region:EU,region:KR", out error));
        Assert.Equal("names region twice", error);
        Assert.Null(Parse("region:MARS", out error));
        Assert.Equal("'MARS' is not a known region; use one of EU, KR, OTHER", error);
    }

    private static ActorFilter? Parse(string text, out string? error)
    {
        var errors = new ValidationErrors();
        var filter = ActorFilterRules.Parse(text, Regions.Default, errors, "from");
        error = errors.IsEmpty ? null : Assert.Single(Assert.Single(errors.ToDictionary()).Value);
        return filter;
    }

    [Fact]
    public void Sector_groups_match_any_listed_sector_ignoring_case()
    {
        var water = new ActorFilter(Sector: "Water");
        Assert.True(water.Matches(Actor("a", "FR", "Cluster", "energy", "water")));
        Assert.False(water.Matches(Actor("b", "FR", "Cluster", "energy")));
    }
}
