using GraphApi.Core.Graph;
using GraphApi.Core.Routing;

namespace GraphApi.Core.Tests.Routing;

/// <summary>
/// The bidirectional search to one actor against the brute-force reference on thousands of seeded random graphs
/// built to be full of ties: few distinct strengths (equal-cost routes everywhere), strength 1 (zero-cost hops),
/// parallel ties, several from actors, avoided actors, type and date filters, decay, and small hop budgets.
/// </summary>
public sealed class BidirectionalRouteTests
{
    private const int Graphs = 3000;
    private static readonly DateOnly Today = new(2024, 6, 1);
    private static readonly string[] Types = TieHeavyGraphs.Types;

    [Fact]
    public void The_bidirectional_route_and_its_alternatives_are_the_reference_best_or_it_says_why_not()
    {
        var found = 0;
        var tooLong = 0;
        var ties = 0;
        for (var seed = 0; seed < Graphs; seed++)
        {
            var (graph, query, reference, unbounded) = RandomCase(new Random(seed));
            var (outcome, route) = IntroductionRouter.FindBidirectional(graph, query);
            var best = reference.Best(2);
            var anyLength = unbounded.Best(1);
            var context = $"seed {seed}";
            switch (outcome)
            {
                case BidirectionalSearch.Outcome.Found:
                    found++;
                    Assert.True(best.Count > 0, $"{context}: found a route the reference does not have");
                    Assert.True(best[0].Actors.SequenceEqual(route!.Actors), $"{context}: expected {string.Join(">", best[0].Actors)} got {string.Join(">", route.Actors)}");
                    Assert.True(best[0].Relationships.SequenceEqual(route.Relationships), $"{context}: ties differ");
                    ties += best.Count > 1 && best[1].Cost == best[0].Cost ? 1 : 0;
                    break;
                case BidirectionalSearch.Outcome.NoRoute:
                    Assert.True(anyLength.Count == 0, $"{context}: said no route, the reference has {string.Join(">", anyLength.FirstOrDefault()?.Actors ?? [])}");
                    break;
                default:
                    tooLong++;
                    // The least-cost route of any length is longer than the budget: only then may it give up.
                    Assert.True(anyLength.Count > 0 && anyLength[0].Relationships.Length > query.MaxHops, $"{context}: gave up wrongly");
                    break;
            }
            // And the router as a whole (which falls back when the bidirectional search gives up) equals the reference.
            var routed = IntroductionRouter.Find(graph, query with { K = 1 }).Routes;
            Assert.Equal(best.Take(1).Select(p => string.Join(">", p.Actors)), routed.Select(r => string.Join(">", r.Actors)));
            // Yen's spurs to one actor go through the same search: k alternatives equal the reference's k best.
            var want = reference.Best(3).Select(p => string.Join(">", p.Actors) + "/" + string.Join(",", p.Relationships));
            var three = IntroductionRouter.Find(graph, query with { K = 3 }).Routes;
            Assert.Equal(want, three.Select(r => string.Join(">", r.Actors) + "/" + string.Join(",", r.Relationships)));
            // The fewest-hops bound of the hop-bounded fallback, cut short after a couple of actors, must prune nothing it should not.
            var cut = IntroductionRouter.Find(graph, query with { K = 3 }, hopBoundReach: 1 + (seed % 3)).Routes;
            Assert.Equal(want, cut.Select(r => string.Join(">", r.Actors) + "/" + string.Join(",", r.Relationships)));
        }
        Assert.True(found > Graphs / 2 && tooLong > Graphs / 50 && ties > Graphs / 20,
            $"the cases do not exercise the search: {found} found, {tooLong} too long, {ties} with tied alternatives");
    }

    /// <summary>
    /// The default query (no filter, no decay) reads each hop's cost from the base's 32-bit arc costs, except for a
    /// tie too weak to fit (strength under e^−4.29, about 0.0136): those, mixed with ties that just fit, tied
    /// strengths and zero-cost hops, one or two from actors, must give the reference's best routes, k = 1 and 3.
    /// </summary>
    [Fact]
    public void Routes_over_ties_too_weak_for_the_compact_costs_are_the_reference_best()
    {
        double?[] palette = [0.001, 0.0136, 0.0137, 0.0137, 0.5, 0.5, 1.0, null];
        var weakOnRoute = 0;
        for (var seed = 0; seed < 1500; seed++)
        {
            var random = new Random(seed);
            var n = random.Next(3, 10);
            var graph = TieHeavyGraphs.Build(random, n, dated: false, strengths: palette);
            var from = new HashSet<int> { random.Next(n) };
            if (random.Next(4) == 0 && n > 3)
            {
                from.Add(random.Next(n));
            }
            var others = Enumerable.Range(0, n).Where(i => !from.Contains(i)).ToArray();
            var target = others[random.Next(others.Length)];
            var maxHops = random.Next(1, 6);
            var query = new IntroductionQuery([.. from.Select(i => graph.ActorAt(i).Id)], RouteTarget.Actor(graph.ActorAt(target).Id))
            {
                K = 3,
                MaxHops = maxHops,
                Options = new RouteQueryOptions(Today),
            };
            var reference = new ReferenceRoutes(graph, new ReferenceQuery(from, [target], [], maxHops, null, null, Today, null)).Best(3);
            static string Describe(IEnumerable<(int[] Actors, int[] Relationships)> routes) =>
                string.Join(" ; ", routes.Select(r => string.Join(">", r.Actors) + "/" + string.Join(",", r.Relationships)));
            var want = Describe(reference.Select(p => (p.Actors, p.Relationships)));
            Assert.Equal(want, Describe(IntroductionRouter.Find(graph, query).Routes.Select(r => (r.Actors.ToArray(), r.Relationships.ToArray()))));
            Assert.Equal(Describe(reference.Take(1).Select(p => (p.Actors, p.Relationships))),
                Describe(IntroductionRouter.Find(graph, query with { K = 1 }).Routes.Select(r => (r.Actors.ToArray(), r.Relationships.ToArray()))));
            weakOnRoute += reference.Count > 0 && reference[0].Relationships.Any(r => graph.BaseStrength(r) < 0.0137) ? 1 : 0;
        }
        Assert.True(weakOnRoute > 100, $"only {weakOnRoute} best routes use a tie too weak for the compact costs");
    }

    private static (GraphSnapshot, IntroductionQuery, ReferenceRoutes, ReferenceRoutes) RandomCase(Random random)
    {
        var n = random.Next(3, 11);
        var graph = TieHeavyGraphs.Build(random, n, dated: true);
        var from = new HashSet<int> { random.Next(n) };
        while (random.Next(3) == 0 && from.Count < n - 1)
        {
            from.Add(random.Next(n));
        }
        var others = Enumerable.Range(0, n).Where(i => !from.Contains(i)).ToArray();
        var target = others[random.Next(others.Length)];
        var avoid = new HashSet<int>();
        if (random.Next(3) == 0 && others.Length > 1)
        {
            avoid.Add(others[random.Next(others.Length)]);
        }
        HashSet<string>? types = random.Next(5) == 0 ? [.. Types.Where(_ => random.Next(2) == 0)] : null;
        DateOnly? asOf = random.Next(5) == 0 ? new DateOnly(2012 + random.Next(12), 1 + random.Next(12), 1) : null;
        double? halfLife = random.Next(4) == 0 ? 1 + random.Next(10) : null;
        var maxHops = random.Next(1, 6);
        var query = new IntroductionQuery([.. from.Select(i => graph.ActorAt(i).Id)], RouteTarget.Actor(graph.ActorAt(target).Id))
        {
            K = 1,
            MaxHops = maxHops,
            Avoid = [.. avoid.Select(i => graph.ActorAt(i).Id)],
            Options = new RouteQueryOptions(Today) { AsOf = asOf, HalfLifeYears = halfLife, RelationshipTypes = types },
        };
        ReferenceRoutes Reference(int hops) => new(graph, new ReferenceQuery(from, [target], avoid, hops, types, asOf, Today, halfLife));
        return (graph, query, Reference(maxHops), Reference(n));
    }
}
