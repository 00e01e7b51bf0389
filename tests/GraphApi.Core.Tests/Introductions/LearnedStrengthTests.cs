using GraphApi.Core.Introductions;
using GraphApi.Core.Routing;
using GraphApi.Core.Tests.Routing;
using K = GraphApi.Core.Introductions.IntroductionEventKind;

namespace GraphApi.Core.Tests.Introductions;

public sealed class LearnedStrengthTests
{
    private static readonly DateOnly Day = new(2026, 3, 1);

    private static Introduction Ask(string[] relationships, params (K Kind, int? Step)[] events) => new(
        "intro", "a0", $"a{relationships.Length}",
        [.. Enumerable.Range(0, relationships.Length + 1).Select(i => $"a{i}")], relationships, null, Day, "t", DateTimeOffset.UnixEpoch,
        [.. events.Select((e, i) => new IntroductionEvent(i + 1, e.Kind, e.Step, Day, null, "t", DateTimeOffset.UnixEpoch))]);

    [Theory]
    // By hand, w = 10: (10·s + successes) / (10 + trials).
    [InlineData(0.9, 0, 1, 9.0 / 11)]
    [InlineData(0.4, 2, 0, 6.0 / 12)]
    [InlineData(0.75, 1, 1, 8.5 / 12)]
    [InlineData(1.0, 0, 3, 10.0 / 13)]
    [InlineData(0.3, 0, 0, 0.3)]
    public void The_estimate_is_the_posterior_mean_of_a_beta_prior_of_weight_ten(double stated, int successes, int failures, double expected) =>
        Assert.Equal(expected, LearnedStrength.Estimate(stated, new TrialCount(successes, failures)), 15);

    [Fact]
    public void The_estimate_stays_in_zero_one_for_any_trials()
    {
        foreach (var stated in new[] { 1e-9, 0.3, 1.0 })
        {
            foreach (var (s, f) in new[] { (0, 1000), (1000, 0), (7, 3) })
            {
                var learned = LearnedStrength.Estimate(stated, new TrialCount(s, f));
                Assert.InRange(learned, double.Epsilon, 1.0);
            }
        }
    }

    [Fact]
    public void Forwarded_steps_succeed_a_declined_or_unanswered_step_fails_and_steps_never_reached_are_not_tried()
    {
        var asks = new[]
        {
            Ask(["r1", "r2", "r3"], (K.Forwarded, 1), (K.Declined, 2)),
            Ask(["r1", "r4"], (K.Forwarded, 1), (K.Forwarded, 2), (K.Met, null), (K.Agreement, null)),
            Ask(["r1", "r2"], (K.NoAnswer, 1)),
        };

        var tally = LearnedStrength.Tally(asks);

        Assert.Equal(new TrialCount(2, 1), tally["r1"]);
        Assert.Equal(new TrialCount(0, 1), tally["r2"]);
        Assert.Equal(new TrialCount(1, 0), tally["r4"]);
        Assert.False(tally.ContainsKey("r3"));
    }

    /// <summary>Stated: a–b–t (0.9 × 0.85 = 0.765) beats a–c–t (0.75 × 0.9 = 0.675). Three declines on a–b make it 9/13.</summary>
    [Fact]
    public void Learned_strengths_change_the_best_route_through_the_same_cost_rule()
    {
        var graph = new TestGraph().Tie("a", "b", "MOU", id: "ab").Tie("b", "t", "MANAGES", id: "bt")
            .Tie("a", "c", "PARTNER_OF", id: "ac").Tie("c", "t", "MOU", id: "ct").Build();
        var learned = new Dictionary<string, double> { ["ab"] = LearnedStrength.Estimate(0.9, new TrialCount(0, 3)) };

        var stated = IntroductionRouter.Find(graph, new IntroductionQuery(["a"], RouteTarget.Actor("t")) { Options = new(new DateOnly(2025, 1, 1)), K = 2 });
        var relearned = IntroductionRouter.Find(graph, new IntroductionQuery(["a"], RouteTarget.Actor("t")) { K = 2, Options = new RouteQueryOptions(new DateOnly(2025, 1, 1)) { Strengths = new StrengthOverrides(graph, learned) } });

        Assert.Equal(["a>b>t", "a>c>t"], graph.Paths(stated));
        Assert.Equal(["a>c>t", "a>b>t"], graph.Paths(relearned));
        Assert.Equal(9.0 / 13 * 0.85, relearned.Routes[1].Score, 15);
        Assert.Equal([9.0 / 13, 0.85], relearned.Routes[1].Strengths);
    }

    [Fact]
    public void A_replaced_strength_decays_like_a_stated_one()
    {
        var graph = new TestGraph().Tie("a", "t", "MOU", since: "2016-01-01", id: "at").Build();
        var rules = new RouteQueryOptions(new DateOnly(2026, 1, 1)) { HalfLifeYears = 5, Strengths = new StrengthOverrides(graph, new Dictionary<string, double> { ["at"] = 0.5 }) };

        var route = IntroductionRouter.Find(graph, new IntroductionQuery(["a"], RouteTarget.Actor("t")) { Options = rules }).Routes.Single();

        var years = (new DateOnly(2026, 1, 1).DayNumber - new DateOnly(2016, 1, 1).DayNumber) / 365.2425;
        Assert.Equal(0.5 * Math.Pow(0.5, years / 5), route.Strengths[0], 12);
    }

    [Fact]
    public void Replacing_strengths_by_the_stated_ones_changes_no_route()
    {
        var graph = new TestGraph().Tie("a", "b", "MOU", id: "ab").Tie("b", "t", "MANAGES", id: "bt")
            .Tie("a", "c", "PARTNER_OF", id: "ac").Tie("c", "t", "MOU", id: "ct").Tie("a", "t", "MET_AT", id: "at").Build();
        var same = graph.Relationships.ToDictionary(r => r.Id, r => graph.BaseStrength(graph.RelationshipIndexOf(r.Id)));

        var stated = IntroductionRouter.Find(graph, new IntroductionQuery(["a"], RouteTarget.Actor("t")) { Options = new(new DateOnly(2025, 1, 1)), K = 3 });
        var replaced = IntroductionRouter.Find(graph, new IntroductionQuery(["a"], RouteTarget.Actor("t")) { K = 3, Options = new RouteQueryOptions(new DateOnly(2025, 1, 1)) { Strengths = new StrengthOverrides(graph, same) } });

        Assert.Equal(graph.Paths(stated), graph.Paths(replaced));
        Assert.Equal(stated.Routes.Select(r => r.Score), replaced.Routes.Select(r => r.Score));
    }
}
