using System.Globalization;
using GraphApi.Core.Introductions;
using GraphApi.Core.Routing;
using GraphApi.Core.Tests.Routing;

namespace GraphApi.Core.Tests.Introductions;

/// <summary>
/// Learned strengths go through the one cost rule: on seeded random graphs, routing with <see cref="RouteQueryOptions.Strengths"/>
/// gives exactly the routes (actors, ties, strengths) of the same graph whose relationships carry those strengths as
/// their own, with decay, type filters, asOf and k alternatives alike.
/// </summary>
public sealed class LearnedRouteEquivalenceTests
{
    private static readonly string[] Types = ["MOU", "MANAGES", "PARTNER_OF", "MET_AT", "MEMBER_OF"];

    private sealed record Tie(string Id, string Source, string Target, string Type, double? Strength, string? Since);

    [Fact]
    public void Routing_on_learned_strengths_equals_routing_a_graph_that_states_them()
    {
        var compared = 0;
        for (var seed = 0; seed < 200; seed++)
        {
            var random = new Random(seed);
            var n = random.Next(4, 10);
            var ties = Enumerable.Range(0, random.Next(n, 3 * n)).Select(e =>
            {
                var a = random.Next(n);
                var b = (a + 1 + random.Next(n - 1)) % n;
                var since = random.Next(3) == 0 ? null : (2000 + random.Next(24)).ToString(CultureInfo.InvariantCulture);
                return new Tie($"r{e:D2}", $"n{a}", $"n{b}", Types[random.Next(Types.Length)], random.Next(4) == 0 ? 0.5 : null, since);
            }).ToList();
            var stated = Build(ties, n);
            var learned = ties.Where(_ => random.Next(2) == 0).ToDictionary(t => t.Id,
                t => LearnedStrength.Estimate(stated.BaseStrength(stated.RelationshipIndexOf(t.Id)), new TrialCount(random.Next(4), random.Next(4))));
            var restated = Build([.. ties.Select(t => learned.TryGetValue(t.Id, out var s) ? t with { Strength = s } : t)], n);
            var rules = new RouteQueryOptions(new DateOnly(2024, 6, 1))
            {
                HalfLifeYears = random.Next(2) == 0 ? null : 1 + random.Next(10),
                RelationshipTypes = random.Next(3) == 0 ? new HashSet<string>(Types[..3]) : null,
            };
            var query = new IntroductionQuery(["n0"], RouteTarget.Actor($"n{n - 1}")) { Options = rules, K = 1 + random.Next(3), MaxHops = 2 + random.Next(4) };

            var viaLearned = IntroductionRouter.Find(stated, query with { Options = rules with { Strengths = new StrengthOverrides(stated, learned) } }).Routes;
            var viaStated = IntroductionRouter.Find(restated, query with { Options = rules }).Routes;

            Assert.Equal(viaStated.Select(r => restated.Path(r)), viaLearned.Select(r => stated.Path(r)));
            Assert.Equal(viaStated.Select(r => string.Join(',', r.Relationships.Select(i => restated.RelationshipAt(i).Id))),
                viaLearned.Select(r => string.Join(',', r.Relationships.Select(i => stated.RelationshipAt(i).Id))));
            Assert.Equal(viaStated.SelectMany(r => r.Strengths), viaLearned.SelectMany(r => r.Strengths));
            compared += viaStated.Count;
        }
        // Guards the generator: all-empty answers would make this pass without comparing anything.
        Assert.True(compared > 200, $"only {compared} routes compared");
    }

    private static Core.Graph.GraphSnapshot Build(IReadOnlyList<Tie> ties, int n)
    {
        var builder = new TestGraph();
        for (var i = 0; i < n; i++)
        {
            builder.Actor($"n{i}");
        }
        foreach (var t in ties)
        {
            builder.Tie(t.Source, t.Target, t.Type, t.Strength, t.Since, id: t.Id);
        }
        return builder.Build();
    }
}
