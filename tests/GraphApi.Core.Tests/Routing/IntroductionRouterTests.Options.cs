using GraphApi.Core.Routing;

namespace GraphApi.Core.Tests.Routing;

/// <summary>The query's options (<see cref="RouteQueryOptions"/>): which ties count, and how they decay to today or asOf.</summary>
public sealed partial class IntroductionRouterTests
{
    [Fact]
    public void RelationshipTypes_restricts_the_ties_used()
    {
        var graph = Triangle();

        var result = Find(graph, "a", "t", rules: new RouteQueryOptions(Today) { RelationshipTypes = new HashSet<string> { "MET_AT", "MOU", "PARTNER_OF" } });

        Assert.Equal(["a>c>t", "a>t"], graph.Paths(result));
    }

    [Fact]
    public void Decay_halves_a_tie_per_half_life_since_it_started_and_can_reorder_routes()
    {
        // Old MoU (2004) through b versus a recent partnership (2023) through c.
        var graph = new TestGraph()
            .Tie("a", "b", "MOU", since: "2004").Tie("b", "t", "MOU", since: "2004-06")
            .Tie("a", "c", "PARTNER_OF", since: "2023").Tie("c", "t", "PARTNER_OF")
            .Build();
        var rules = new RouteQueryOptions(Today) { HalfLifeYears = 10 };

        var result = Find(graph, "a", "t", rules: rules);

        Assert.Equal(["a>c>t", "a>b>t"], graph.Paths(result));
        var ageAb = (Today.DayNumber - new DateOnly(2004, 1, 1).DayNumber) / 365.2425;
        var ageBt = (Today.DayNumber - new DateOnly(2004, 6, 1).DayNumber) / 365.2425;
        var ageAc = (Today.DayNumber - new DateOnly(2023, 1, 1).DayNumber) / 365.2425;
        Assert.Equal(0.75 * Math.Pow(0.5, ageAc / 10), result.Routes[0].Strengths[0], 12);
        Assert.Equal(0.75, result.Routes[0].Strengths[1]);
        Assert.Equal(0.9 * Math.Pow(0.5, ageAb / 10) * 0.9 * Math.Pow(0.5, ageBt / 10), result.Routes[1].Score, 12);
        Assert.Equal(["a>b>t", "a>c>t"], graph.Paths(Find(graph, "a", "t", rules: rules with { HalfLifeYears = null })));
    }

    [Fact]
    public void A_decay_that_underflows_the_strength_keeps_a_finite_cost_and_still_ranks_routes()
    {
        // Ages of about 9000 years at the shortest half-life: each strength underflows to 0, each cost is about 6·10⁴ nats.
        var graph = new TestGraph()
            .Tie("a", "b", "MOU", since: "1000").Tie("b", "t", "MOU", since: "1000")
            .Tie("a", "t", "MET_AT", since: "1001")
            .Build();
        var asOf = new DateOnly(9999, 12, 31);

        var result = Find(graph, "a", "t", rules: new RouteQueryOptions(Today) { AsOf = asOf, HalfLifeYears = RouteQueryOptions.MinHalfLifeYears });

        Assert.Equal(["a>t", "a>b>t"], graph.Paths(result));
        var age = (asOf.DayNumber - new DateOnly(1001, 1, 1).DayNumber) / 365.2425;
        Assert.Equal(-Math.Log(0.4) + (Math.Log(2) * age / RouteQueryOptions.MinHalfLifeYears), result.Routes[0].Cost, 6);
        Assert.All(result.Routes, r => Assert.True(double.IsFinite(r.Cost) && r.Score == 0 && r.Strengths.All(s => s == 0)));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1e-300)]
    [InlineData(0.09)]
    [InlineData(10_001.0)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NaN)]
    public void A_half_life_outside_its_range_is_refused(double years) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new RouteQueryOptions(Today) { HalfLifeYears = years });

    [Fact]
    public void Decay_is_measured_to_asOf_when_given()
    {
        var graph = new TestGraph().Tie("a", "t", "MOU", since: "2010").Build();
        var asOf = new DateOnly(2015, 1, 1);

        var route = Find(graph, "a", "t", rules: new RouteQueryOptions(Today) { AsOf = asOf, HalfLifeYears = 5 }).Routes[0];

        var age = (asOf.DayNumber - new DateOnly(2010, 1, 1).DayNumber) / 365.2425;
        Assert.Equal(0.9 * Math.Pow(0.5, age / 5), route.Score, 12);
    }

    [Fact]
    public void AsOf_ignores_ties_not_yet_started_or_already_ended()
    {
        var graph = new TestGraph()
            .Tie("a", "b", "MOU", until: "2015").Tie("b", "t", "MOU")
            .Tie("a", "c", "MOU", since: "2018-03").Tie("c", "t", "MOU")
            .Tie("a", "d", "MET_AT").Tie("d", "t", "MET_AT", since: "2016-05-01", until: "2016-12")
            .Build();

        Assert.Equal(["a>d>t"], graph.Paths(Find(graph, "a", "t", rules: new RouteQueryOptions(Today) { AsOf = new DateOnly(2016, 6, 1) })));
        Assert.Equal(["a>b>t"], graph.Paths(Find(graph, "a", "t", k: 1, rules: new RouteQueryOptions(Today) { AsOf = new DateOnly(2015, 12, 31) })));
        Assert.Equal(["a>c>t"], graph.Paths(Find(graph, "a", "t", rules: new RouteQueryOptions(Today) { AsOf = new DateOnly(2018, 3, 1) })));
        Assert.Equal(3, Find(graph, "a", "t").Routes.Count);
    }
}
