using GraphApi.Core.Graph;
using GraphApi.Core.Routing;

namespace GraphApi.Core.Tests.Routing;

/// <summary>
/// <see cref="FewestHops"/> against its definition written the slow way: every simple path from any source to the
/// target, the fewest hops first, then the smallest actor-id sequence (ordinal), each hop over its strongest tie
/// (then the smallest relationship id). From one source this is NetworkX's hop count with our documented tie-breaks.
/// </summary>
public sealed class FewestHopsReferenceTests
{
    private static readonly string[] Types = ["MOU", "MANAGES", "PARTNER_OF", "MET_AT"];
    private static readonly double?[] Strengths = [null, null, 0.5, 0.9];

    [Fact]
    public void From_one_or_several_actors_the_path_is_the_fewest_hops_then_the_smallest_id_sequence_then_the_strongest_ties()
    {
        var connected = 0;
        var several = 0;
        for (var seed = 0; seed < 500; seed++)
        {
            var random = new Random(seed * 7_919 + 3);
            var n = random.Next(3, 10);
            var builder = new TestGraph();
            for (var i = 0; i < n; i++)
            {
                builder.Actor($"a{i}");
            }
            for (var e = random.Next(n / 2, 2 * n); e > 0; e--)
            {
                var a = random.Next(n);
                var b = (a + 1 + random.Next(n - 1)) % n;
                builder.Tie($"a{a}", $"a{b}", Types[random.Next(Types.Length)], Strengths[random.Next(Strengths.Length)]);
            }
            var graph = builder.Build();
            var target = random.Next(n);
            var sources = Enumerable.Range(1, random.Next(1, Math.Min(4, n)))
                .Select(i => $"a{(target + i) % n}").ToArray();

            var expected = Reference(graph, sources, $"a{target}");
            var actual = FewestHops.Find(graph, sources, $"a{target}");

            var context = $"seed {seed}: {string.Join(",", sources)} to a{target}";
            Assert.True(Describe(graph, expected) == Describe(graph, actual), $"{context}: {Describe(graph, actual)}, expected {Describe(graph, expected)}");
            if (sources.Length == 1)
            {
                Assert.True(Describe(graph, actual) == Describe(graph, FewestHops.Find(graph, sources[0], $"a{target}")), $"{context}: one id and a list of one differ");
            }
            connected += expected is null ? 0 : 1;
            several += expected is not null && sources.Length > 1 ? 1 : 0;
        }
        Assert.True(connected >= 250 && several >= 100, $"too few connected cases ({connected}, {several} from several actors)");
    }

    private static string Describe(GraphSnapshot graph, Route? route) =>
        route is null ? "none" : $"{graph.Path(route)} over {string.Join(",", graph.RelationshipIds(route))}";

    private static Route? Reference(GraphSnapshot graph, string[] sources, string target)
    {
        var paths = new List<string[]>();
        foreach (var source in sources)
        {
            Walk(graph, [source], target, sources, paths);
        }
        var best = paths.OrderBy(p => p.Length).ThenBy(p => string.Join('\u0001', p), StringComparer.Ordinal).FirstOrDefault();
        if (best is null)
        {
            return null;
        }
        var relationships = new int[best.Length - 1];
        var strengths = new double[best.Length - 1];
        for (var i = 0; i < relationships.Length; i++)
        {
            var tie = graph.Relationships
                .Where(r => (r.Source == best[i] && r.Target == best[i + 1]) || (r.Source == best[i + 1] && r.Target == best[i]))
                .OrderByDescending(r => graph.BaseStrength(graph.RelationshipSlotOf(r.Id)))
                .ThenBy(r => r.Id, StringComparer.Ordinal)
                .First();
            relationships[i] = graph.RelationshipSlotOf(tie.Id);
            strengths[i] = graph.BaseStrength(relationships[i]);
        }
        return new Route([.. best.Select(graph.IndexOf)], relationships, strengths, [.. strengths.Select(HopCosts.CostOf)]);
    }

    /// <summary>Every simple path from the path's first actor to the target; a path may not pass through another source.</summary>
    private static void Walk(GraphSnapshot graph, List<string> path, string target, string[] sources, List<string[]> paths)
    {
        var last = path[^1];
        if (last == target)
        {
            paths.Add([.. path]);
            return;
        }
        var neighbours = graph.RelationshipsOf(last).Select(r => r.Source == last ? r.Target : r.Source).Distinct();
        foreach (var next in neighbours.Where(a => !path.Contains(a) && !sources.Contains(a)))
        {
            path.Add(next);
            Walk(graph, path, target, sources, paths);
            path.RemoveAt(path.Count - 1);
        }
    }
}
