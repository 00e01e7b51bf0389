using GraphApi.Core.Analysis;
using GraphApi.Core.Graph;
using static GraphApi.Core.Tests.Analysis.TestGraphs;

namespace GraphApi.Core.Tests.Analysis;

public sealed class SampledBetweennessTests
{
    private static CentralityResult Estimate(GraphSnapshot snapshot, double epsilon, double delta = 0.1, int seed = 42) =>
        Centrality.Compute(snapshot, new CentralityOptions(CentralityMeasures.Betweenness, Seed: seed, Epsilon: epsilon, Delta: delta), CancellationToken.None);

    [Fact]
    public void Sample_size_follows_riondato_and_kornaropoulos_by_hand()
    {
        // ε = 0.01, δ = 0.1, VD = 17: ⌊log₂ 15⌋ + 1 = 4, ln 10 = 2.302585…; 0.5 / 0.0001 × 6.302585… = 31,512.9… → 31,513.
        Assert.Equal(31_513, BetweennessGuarantee.SampleSize(0.01, 0.1, 17));
        // ε = 0.05, δ = 0.1, VD = 3: ⌊log₂ 1⌋ + 1 = 1; 200 × 3.302585… = 660.5… → 661.
        Assert.Equal(661, BetweennessGuarantee.SampleSize(0.05, 0.1, 3));
        // ε = 0.1, δ = 0.01, VD = 34: ⌊log₂ 32⌋ + 1 = 6, ln 100 = 4.605170…; 50 × 10.605170… = 530.2… → 531.
        Assert.Equal(531, BetweennessGuarantee.SampleSize(0.1, 0.01, 34));
    }

    [Fact]
    public void The_smallest_delta_gives_a_finite_sample_size()
    {
        // δ = 4.9e-324: 1/δ overflows to infinity, −ln δ = 744.44…; ε = 0.2, VD = 13: 12.5 × (4 + 744.44…) = 9,355.5… → 9,356.
        Assert.Equal(9_356, BetweennessGuarantee.SampleSize(0.2, double.Epsilon, 13));
    }

    [Fact]
    public void Vertex_diameter_bound_is_twice_the_root_eccentricity_plus_one_capped_by_the_component()
    {
        // Path a–b–c–d–e (rooted at b, the first node of highest degree: eccentricity 3, 2·3 + 1 = 7 > 5 nodes) and a
        // separate star of six (rooted at its centre: eccentricity 1, bound 3). The larger bound, 5, wins.
        var path = new[] { "a", "b", "c", "d", "e" };
        var star = Enumerable.Range(0, 6).Select(i => $"s{i}").ToArray();
        var snapshot = Build(path.Concat(star).Select(id => Actor(id)),
            path.Zip(path.Skip(1), (u, v) => Tie(u, v)).Concat(star.Skip(1).Select(leaf => Tie("s0", leaf))));
        Assert.Equal(5, SampledBetweenness.VertexDiameterBound(PackedGraph.From(SimpleGraph.From(snapshot))));
        var starOnly = Build(star.Select(id => Actor(id)), star.Skip(1).Select(leaf => Tie("s0", leaf)));
        Assert.Equal(3, SampledBetweenness.VertexDiameterBound(PackedGraph.From(SimpleGraph.From(starOnly))));
    }

    [Theory]
    [InlineData(60, 110, 1)]
    [InlineData(60, 200, 2)]
    [InlineData(80, 90, 3)]   // several components: sampled pairs without a path count as zero
    [InlineData(45, 300, 4)]  // dense: many shortest paths per pair, so the uniform path draw matters
    public void Estimate_is_within_epsilon_of_the_exact_betweenness(int n, int m, int seed)
    {
        const double epsilon = 0.03;
        var snapshot = Random(n, m, seed);
        var exact = new Reference(snapshot, weighted: false).Betweenness();
        var result = Estimate(snapshot, epsilon, seed: seed);
        var pairs = n * (n - 1.0) / 2;
        for (var v = 0; v < n; v++)
        {
            Assert.InRange(Math.Abs(result.Betweenness![v] - exact[v]) / pairs, 0, epsilon);
        }
        var guarantee = result.Guarantee!;
        Assert.Equal((epsilon, 0.1, seed), (guarantee.Epsilon, guarantee.Delta, guarantee.Seed));
        Assert.Equal(BetweennessGuarantee.SampleSize(epsilon, 0.1, guarantee.VertexDiameterBound), guarantee.Samples);
        Assert.Null(result.Pivots);
    }

    [Fact]
    public void Estimate_of_a_star_credits_every_path_to_the_centre()
    {
        // Every pair of leaves has one shortest path, through the centre; pairs with the centre have no inner node.
        // So the centre's count is the number of sampled leaf pairs, close to its share (n−1)(n−2) / (n(n−1)) = 4/6.
        var star = Build(Enumerable.Range(0, 6).Select(i => Actor($"n{i}")), Enumerable.Range(1, 5).Select(i => Tie("n0", $"n{i}")));
        var result = Estimate(star, 0.05);
        Assert.All(result.Betweenness!.Skip(1), b => Assert.Equal(0, b));
        Assert.InRange(result.Betweenness![0] / 15, 4.0 / 6 - 0.05, 4.0 / 6 + 0.05);
    }

    [Fact]
    public void Estimate_is_repeatable_for_a_seed_and_changes_with_it()
    {
        var snapshot = Random(70, 150, 12);
        Assert.Equal(Estimate(snapshot, 0.05, seed: 3).Betweenness, Estimate(snapshot, 0.05, seed: 3).Betweenness);
        Assert.NotEqual(Estimate(snapshot, 0.05, seed: 3).Betweenness, Estimate(snapshot, 0.05, seed: 4).Betweenness);
    }

    [Fact]
    public void Graph_without_a_three_node_path_needs_no_sample()
    {
        var snapshot = Build([Actor("a"), Actor("b"), Actor("c"), Actor("d")], [Tie("a", "b"), Tie("c", "d")]);
        var result = Estimate(snapshot, 0.01);
        Assert.Equal(0, result.Guarantee!.Samples);
        Assert.Equal(2, result.Guarantee.VertexDiameterBound);
        Assert.All(result.Betweenness!, b => Assert.Equal(0, b));
    }

    [Fact]
    public void Weighted_estimate_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Centrality.Compute(Random(10, 20, 1),
            new CentralityOptions(CentralityMeasures.Betweenness, Weighted: true, Epsilon: 0.1), CancellationToken.None));
    }
}
