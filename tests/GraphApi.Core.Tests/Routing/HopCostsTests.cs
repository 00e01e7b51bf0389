using GraphApi.Core.Routing;

namespace GraphApi.Core.Tests.Routing;

/// <summary>
/// The one cost rule (<see cref="HopCosts"/>): −ln s, quantised to nano-nats, plus ln 2 × age / half-life under decay;
/// and every form a search reads it in (the snapshot's precomputed costs, learned strengths, a filtered query's
/// costs worked out per hop) agrees with the public rule.
/// </summary>
public sealed class HopCostsTests
{
    private static readonly DateOnly Today = new(2026, 1, 1);

    [Fact]
    public void A_hop_costs_minus_the_log_of_its_strength_in_whole_nano_nats()
    {
        Assert.Equal(0, HopCosts.CostOf(1));
        Assert.Equal(Math.Log(2), HopCosts.CostOf(0.5), 15);
        Assert.Equal(693_147_181, HopCosts.QuantisedCostOf(0.5));
        Assert.Equal(105_360_516, HopCosts.QuantisedCostOf(0.9));
        // Half a nano-nat rounds away from zero.
        Assert.Equal(2, HopCosts.Quantise(1.5e-9));
    }

    [Fact]
    public void Decay_adds_ln_2_per_half_life_of_age()
    {
        var halfLife = 5.0;
        var ageDays = (int)Math.Round(halfLife * 365.2425);
        Assert.Equal(Math.Log(2), HopCosts.DecayPerDay(halfLife) * ageDays, 3);
        Assert.Equal(Math.Log(2) / 365.2425, HopCosts.DecayPerDay(1), 15);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void A_query_costs_each_hop_by_the_public_rule(bool decay, bool learned)
    {
        var graph = new TestGraph()
            .Tie("a", "b", "MOU", id: "ab", since: "2016-01-01")
            .Tie("b", "c", "MET_AT", strength: 0.35, id: "bc")
            .Tie("c", "d", "PARTNER_OF", strength: 0.8, id: "cd", since: "2020-06")
            .Build();
        var options = new RouteQueryOptions(Today)
        {
            HalfLifeYears = decay ? 4 : null,
            Strengths = learned ? new StrengthOverrides(graph, new Dictionary<string, double> { ["ab"] = 0.42 }) : null,
        };
        var costs = new HopCosts(graph, options);
        foreach (var id in new[] { "ab", "bc", "cd" })
        {
            var slot = graph.RelationshipSlotOf(id);
            var relationship = graph.RelationshipAt(slot);
            var strength = learned && id == "ab" ? 0.42 : graph.BaseStrength(slot);
            var expected = HopCosts.CostOf(strength);
            if (decay && relationship.Since is { } since)
            {
                expected += HopCosts.DecayPerDay(4) * (Today.DayNumber - since.Start.DayNumber);
            }
            Assert.Equal(expected, costs.Cost(slot), 12);
            Assert.Equal(HopCosts.Quantise(expected), costs.QuantisedCost(slot));
        }
    }
}
