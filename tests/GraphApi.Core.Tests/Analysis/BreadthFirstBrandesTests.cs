using System.Runtime.Intrinsics;
using GraphApi.Core.Analysis;
using GraphApi.Core.Graph;
using GraphApi.TestSupport;
using static GraphApi.Core.Tests.Analysis.TestGraphs;

namespace GraphApi.Core.Tests.Analysis;

/// <summary>
/// The batched breadth-first kernel against <see cref="TextbookBrandes"/> on graphs too large for the all-pairs
/// reference and shaped to break what a batched, level-by-level kernel could get wrong: hundreds of levels and
/// levels of one node (a long path), edges inside a level (odd cycles, cliques), path counts in the billions (a
/// grid), lanes whose searches share nothing (sources in different components, isolates), parallel relationships
/// collapsed, batches of every size up to the width, and both lane widths the machine may pick.
/// </summary>
public sealed class BreadthFirstBrandesTests
{
    private const double Relative = 1e-12;

    public static TheoryData<string> ShapeNames => [.. Shapes.Keys];

    private static readonly Dictionary<string, Func<GraphSnapshot>> Shapes = new()
    {
        ["preferential attachment"] = () => SyntheticNetwork.Generate(new SyntheticNetworkOptions { Actors = 700, RelationshipsPerActor = 4, Seed = 7 }).ToSnapshot(),
        ["grid"] = () => FromEdges(17 * 19, GridEdges(17, 19)),
        ["long path, odd cycle, isolates"] = () => FromEdges(620 + 301 + 30, PathEdges(0, 620).Concat(PathEdges(620, 301)).Append((620, 920))),
        ["many small components"] = () => Random(500, 350, 5),
        ["dense with parallel ties"] = () => Random(90, 1400, 6),
        ["bipartite and clique joined by a bridge"] = () => FromEdges(6 + 40 + 15, BipartiteAndClique()),
    };

    [Theory]
    [MemberData(nameof(ShapeNames))]
    public void Exact_betweenness_and_closeness_match_textbook_Brandes(string shape)
    {
        var snapshot = Shapes[shape]();
        var simple = SimpleGraph.From(snapshot);
        var textbook = new TextbookBrandes(simple.Arcs.Offsets, simple.Arcs.Neighbours);
        var result = Centrality.Compute(snapshot, new CentralityOptions(CentralityMeasures.Betweenness | CentralityMeasures.Closeness), CancellationToken.None);
        // Closeness alone runs the searches without the accumulation (and undoes them without it).
        var closenessOnly = Centrality.Compute(snapshot, new CentralityOptions(CentralityMeasures.Closeness), CancellationToken.None);
        var expected = textbook.Dependencies(Enumerable.Range(0, textbook.NodeCount));
        for (var v = 0; v < textbook.NodeCount; v++)
        {
            AssertClose(expected[v] / 2, result.Betweenness![v], $"{shape}: betweenness of {v}");
            var (_, reached, distanceSum) = textbook.From(v);
            var closeness = distanceSum > 0 ? (reached - 1) / distanceSum * ((reached - 1) / (double)(textbook.NodeCount - 1)) : 0;
            AssertClose(closeness, result.Closeness![v], $"{shape}: closeness of {v}");
            AssertClose(closeness, closenessOnly.Closeness![v], $"{shape}: closeness alone of {v}");
        }
    }

    [Theory]
    [MemberData(nameof(ShapeNames))]
    public void Any_batch_of_sources_gives_each_source_its_own_search(string shape)
    {
        var graph = PackedGraph.From(SimpleGraph.From(Shapes[shape]()));
        var textbook = new TextbookBrandes(graph.Offsets, graph.Neighbours);
        var n = graph.NodeCount;
        var random = new Random(shape.Length);
        foreach (var search in Kernels(graph))
        {
            var width = search.BatchSize;
            var batches = new List<int[]>();
            for (var size = 1; size <= width; size++)
            {
                // Neighbours in the packed order (as the exact pass batches them), the graph's last nodes (isolates and
                // the tails of paths), and nodes drawn anywhere: lanes in different components and far-apart levels.
                batches.Add([.. Enumerable.Range(n / 3, size)]);
                batches.Add([.. Enumerable.Range(n - size, size)]);
                batches.Add([.. Enumerable.Range(0, n).OrderBy(_ => random.Next()).Take(size)]);
            }
            foreach (var batch in batches)
            {
                var dependencies = new double[n];
                var reached = new int[batch.Length];
                var distanceSums = new double[batch.Length];
                search.Run(batch, dependencies, reached, distanceSums);
                var expected = textbook.Dependencies(batch);
                for (var v = 0; v < n; v++)
                {
                    AssertClose(expected[v], dependencies[v], $"{shape}, width {width}, batch [{string.Join(' ', batch)}]: node {v}");
                }
                for (var lane = 0; lane < batch.Length; lane++)
                {
                    var (_, count, sum) = textbook.From(batch[lane]);
                    Assert.Equal(count, reached[lane]);
                    Assert.Equal(sum, distanceSums[lane]);
                }
            }
        }
    }

    [Fact]
    public void Consecutive_batches_in_small_components_start_from_a_clean_workspace()
    {
        // Twenty fans (a hub tied to fifteen leaves, the leaves in a path): every batch lists few nodes, so the
        // workspace is undone listing by listing, and each lane's next source is a leaf one hop from its last one (the
        // hub) or two (a leaf), so a path count left behind there would be added into the next search's first level.
        var edges = Enumerable.Range(0, 20).SelectMany(c => Enumerable.Range(1, 15)
            .Select(leaf => (16 * c, 16 * c + leaf))
            .Concat(Enumerable.Range(1, 14).Select(leaf => (16 * c + leaf, 16 * c + leaf + 1))));
        var graph = PackedGraph.From(SimpleGraph.From(FromEdges(320, edges)));
        var textbook = new TextbookBrandes(graph.Offsets, graph.Neighbours);
        foreach (var search in Kernels(graph))
        {
            for (var first = 0; first < graph.NodeCount; first += search.BatchSize)
            {
                int[] batch = [.. Enumerable.Range(first, Math.Min(search.BatchSize, graph.NodeCount - first))];
                var dependencies = new double[graph.NodeCount];
                search.Run(batch, dependencies, [], []);
                var expected = textbook.Dependencies(batch);
                for (var v = 0; v < graph.NodeCount; v++)
                {
                    AssertClose(expected[v], dependencies[v], $"width {search.BatchSize}, batch from {first}: node {v}");
                }
            }
        }
    }

    [Fact]
    public void Unweighted_repeated_runs_are_bit_identical()
    {
        // Large enough for every chunk of sources to hold several batches, so the two workers interleave differently
        // on every run; the sum must not depend on which worker took which chunk when.
        var snapshot = SyntheticNetwork.Generate(new SyntheticNetworkOptions { Actors = 3000, RelationshipsPerActor = 4, Seed = 11 }).ToSnapshot();
        var options = new CentralityOptions(CentralityMeasures.Betweenness | CentralityMeasures.Closeness);
        var first = Centrality.Compute(snapshot, options, CancellationToken.None);
        for (var run = 0; run < 3; run++)
        {
            var again = Centrality.Compute(snapshot, options, CancellationToken.None);
            Assert.Equal(first.Betweenness, again.Betweenness);
            Assert.Equal(first.Closeness, again.Closeness);
        }
    }

    [Fact]
    public void Renaming_the_actors_changes_no_ones_value()
    {
        // The same graph with its actors named in reverse: the snapshot numbers them differently, the packed order
        // starts elsewhere on ties of degree, and batches hold other sources. Each actor's value must not move.
        var edges = RandomEdges(400, 1100, seed: 21);
        var forward = FromEdges(400, edges);
        var reversed = FromEdges(400, edges.Select(e => (399 - e.Item1, 399 - e.Item2)));
        var options = new CentralityOptions(CentralityMeasures.Betweenness | CentralityMeasures.Closeness);
        var a = Centrality.Compute(forward, options, CancellationToken.None);
        var b = Centrality.Compute(reversed, options, CancellationToken.None);
        for (var v = 0; v < 400; v++)
        {
            AssertClose(a.Betweenness![v], b.Betweenness![399 - v], $"betweenness of {v}");
            AssertClose(a.Closeness![v], b.Closeness![399 - v], $"closeness of {v}");
        }
    }

    [Fact]
    public void Parallel_and_reversed_relationships_collapse_to_one_edge()
    {
        var edges = RandomEdges(150, 400, seed: 4);
        var once = FromEdges(150, edges);
        var types = new[] { "MOU", "MET_AT", "PARTNER_OF" };
        var repeated = Build(Enumerable.Range(0, 150).Select(i => Actor(Id(i))),
            edges.SelectMany((e, i) => types.Select((type, t) =>
                (t % 2 == 0 ? Tie(Id(e.Item1), Id(e.Item2), type) : Tie(Id(e.Item2), Id(e.Item1), type)) with { Id = $"e{i}-{t}" })));
        var options = new CentralityOptions(CentralityMeasures.Betweenness);
        Assert.Equal(Centrality.Compute(once, options, CancellationToken.None).Betweenness, Centrality.Compute(repeated, options, CancellationToken.None).Betweenness);
    }

    /// <summary>The unweighted kernels at every lane width this machine can run.</summary>
    private static IEnumerable<BrandesSearch> Kernels(PackedGraph graph) =>
        Vector512.IsHardwareAccelerated ? [new BreadthFirstBrandes<FourLanes>(graph), new BreadthFirstBrandes<EightLanes>(graph)] : [new BreadthFirstBrandes<FourLanes>(graph)];

    private static void AssertClose(double expected, double actual, string what) =>
        Assert.True(Math.Abs(expected - actual) <= Relative * Math.Max(1.0, Math.Abs(expected)), $"{what}: expected {expected:R}, got {actual:R}");

    private static string Id(int i) => $"n{i:0000}";

    private static GraphSnapshot FromEdges(int n, IEnumerable<(int, int)> edges) =>
        Build(Enumerable.Range(0, n).Select(i => Actor(Id(i))), edges.Select((e, i) => Tie(Id(e.Item1), Id(e.Item2)) with { Id = $"e{i}" }));

    private static List<(int, int)> RandomEdges(int n, int m, int seed)
    {
        var random = new Random(seed);
        var edges = new List<(int, int)>();
        while (edges.Count < m)
        {
            int s = random.Next(n), t = random.Next(n);
            if (s != t)
            {
                edges.Add((s, t));
            }
        }
        return edges;
    }

    private static IEnumerable<(int, int)> PathEdges(int first, int count) =>
        Enumerable.Range(first, count - 1).Select(i => (i, i + 1));

    private static IEnumerable<(int, int)> GridEdges(int rows, int columns)
    {
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                if (c + 1 < columns)
                {
                    yield return (r * columns + c, r * columns + c + 1);
                }
                if (r + 1 < rows)
                {
                    yield return (r * columns + c, (r + 1) * columns + c);
                }
            }
        }
    }

    /// <summary>K(6, 40) on nodes 0–45, a 15-clique on 46–60, and one bridge between them.</summary>
    private static IEnumerable<(int, int)> BipartiteAndClique()
    {
        for (var a = 0; a < 6; a++)
        {
            for (var b = 6; b < 46; b++)
            {
                yield return (a, b);
            }
        }
        for (var a = 46; a < 61; a++)
        {
            for (var b = a + 1; b < 61; b++)
            {
                yield return (a, b);
            }
        }
        yield return (45, 46);
    }
}
