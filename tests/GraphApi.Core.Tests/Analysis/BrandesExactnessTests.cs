using GraphApi.Core.Analysis;
using GraphApi.Core.Graph;
using static GraphApi.Core.Tests.Analysis.TestGraphs;

namespace GraphApi.Core.Tests.Analysis;

/// <summary>
/// The batched breadth-first Brandes and the Dijkstra Brandes on quantised costs against the all-pairs reference,
/// on graphs chosen to stress what they do differently from a textbook Brandes: sparse graphs with many components
/// and isolates (lanes that reach little), dense ones and grids with many equally short paths (exact ties), and node
/// counts that leave a partial last batch of sources.
/// </summary>
public sealed class BrandesExactnessTests
{
    private const double Tolerance = 1e-9;

    public static TheoryData<int, int, int> Shapes => new()
    {
        { 37, 25, 1 },   // mostly isolates and small trees
        { 38, 40, 2 },   // several components
        { 39, 70, 3 },
        { 41, 160, 4 },  // dense: many shortest paths per pair
        { 90, 150, 5 },
        { 121, 240, 6 },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Exact_betweenness_matches_the_reference(int n, int m, int seed)
    {
        var snapshot = Random(n, m, seed);
        foreach (var weighted in new[] { false, true })
        {
            AssertMatches(snapshot, weighted);
        }
    }

    [Fact]
    public void Grid_with_equal_strengths_has_exact_ties_weighted_and_not()
    {
        // Every tie is an MOU, so every weighted shortest path between two corners ties with all the others exactly.
        var snapshot = Grid(6, 7);
        AssertMatches(snapshot, weighted: false);
        AssertMatches(snapshot, weighted: true);
        // Equal costs make the weighted shortest paths the unweighted ones.
        Assert.Equal(Compute(snapshot, weighted: false).Betweenness!, Compute(snapshot, weighted: true).Betweenness!, new Close());
    }

    [Fact]
    public void Weighted_ties_that_differ_in_the_last_bits_of_a_double_are_exact_integer_ties()
    {
        // s–b–c–t costs (x + y) + z and s–d–e–t costs (x + z) + y, with x, y, z = −ln 0.9, −ln 0.85, −ln 0.65: in
        // doubles the two sums differ in the last bit (0.6986623612480555 vs …554). Quantised they are the same integer,
        // so the two routes tie and b, c, d, e each carry half of the pair {s, t}; every other pair has one shortest path.
        var snapshot = Build([Actor("s"), Actor("b"), Actor("c"), Actor("t"), Actor("d"), Actor("e")],
        [
            Tie("s", "b", strength: 0.9), Tie("b", "c", strength: 0.85), Tie("c", "t", strength: 0.65),
            Tie("s", "d", strength: 0.9), Tie("d", "e", strength: 0.65), Tie("e", "t", strength: 0.85),
        ]);
        var (x, y, z) = (-Math.Log(0.9), -Math.Log(0.85), -Math.Log(0.65));
        Assert.NotEqual((x + y) + z, (x + z) + y);
        AssertMatches(snapshot, weighted: true);
        var betweenness = Compute(snapshot, weighted: true).Betweenness!;
        // Actors are numbered in id order: b, c, d, e, s, t.
        foreach (var inner in new[] { 0, 1, 2, 3 })
        {
            Assert.Equal(0.5, betweenness[inner] - Math.Floor(betweenness[inner]), Tolerance);
        }
    }

    [Fact]
    public void Results_do_not_depend_on_how_many_sources_a_batch_takes()
    {
        // Pivot samples of every size up to n: each leaves a different partial last batch, and each must equal the
        // reference's dependencies over exactly those pivots.
        var snapshot = Random(23, 40, 9);
        var reference = new Reference(snapshot, weighted: false);
        for (var k = 1; k < 23; k++)
        {
            var result = Centrality.Compute(snapshot, new CentralityOptions(CentralityMeasures.Betweenness, Sample: k, Seed: k), CancellationToken.None);
            var pivots = Centrality.Pivots(23, k, k);
            for (var v = 0; v < 23; v++)
            {
                Assert.Equal(reference.Dependencies(v, pivots) * 23 / k / 2, result.Betweenness![v], Tolerance);
            }
        }
    }

    private static CentralityResult Compute(GraphSnapshot snapshot, bool weighted) =>
        Centrality.Compute(snapshot, new CentralityOptions(CentralityMeasures.Betweenness | CentralityMeasures.Closeness, weighted), CancellationToken.None);

    private static void AssertMatches(GraphSnapshot snapshot, bool weighted)
    {
        var reference = new Reference(snapshot, weighted);
        var expected = reference.Betweenness();
        var result = Compute(snapshot, weighted);
        for (var v = 0; v < snapshot.ActorCount; v++)
        {
            Assert.Equal(expected[v], result.Betweenness![v], Tolerance);
            Assert.Equal(reference.Closeness(v), result.Closeness![v], Tolerance);
        }
    }

    private static GraphSnapshot Grid(int rows, int columns)
    {
        string Id(int r, int c) => $"g{r:00}{c:00}";
        var actors = Enumerable.Range(0, rows * columns).Select(i => Actor(Id(i / columns, i % columns)));
        var ties = new List<GraphApi.Core.Domain.Relationship>();
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                if (c + 1 < columns)
                {
                    ties.Add(Tie(Id(r, c), Id(r, c + 1)));
                }
                if (r + 1 < rows)
                {
                    ties.Add(Tie(Id(r, c), Id(r + 1, c)));
                }
            }
        }
        return Build(actors, ties);
    }

    private sealed class Close : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= Tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
