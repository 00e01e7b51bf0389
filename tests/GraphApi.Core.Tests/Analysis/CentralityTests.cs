using GraphApi.Core.Analysis;
using GraphApi.Core.Graph;
using static GraphApi.Core.Tests.Analysis.TestGraphs;

namespace GraphApi.Core.Tests.Analysis;

public sealed class CentralityTests
{
    private const double Tolerance = 1e-9;

    private static CentralityResult All(GraphSnapshot snapshot, bool weighted = false, int? sample = null, int seed = 42) =>
        Centrality.Compute(snapshot, new CentralityOptions(CentralityMeasures.All, weighted, sample, seed), CancellationToken.None);

    [Fact]
    public void Path_of_three_with_an_isolate_has_the_textbook_values()
    {
        var snapshot = Build([Actor("a"), Actor("b"), Actor("c"), Actor("z")], [Tie("a", "b"), Tie("b", "c"), Tie("c", "b", "MET_AT")]);
        var result = All(snapshot);
        Assert.Equal([1, 2, 1, 0], result.Degree);
        Assert.Equal([0, 1, 0, 0], result.Betweenness!);
        // n = 4: normalised = 1 × 2 / (3 × 2).
        Assert.Equal(1.0 / 3, result.BetweennessNormalized![1], Tolerance);
        // a reaches 2 others at total distance 3: (2/3) × (2/3); b: (2/2) × (2/3); the isolate 0.
        Assert.Equal(4.0 / 9, result.Closeness![0], Tolerance);
        Assert.Equal(2.0 / 3, result.Closeness[1], Tolerance);
        Assert.Equal(0, result.Closeness[3]);
        // b: two unconnected contacts, each (1/2)²; a: one contact, 1². Effective sizes 1 and 2.
        Assert.Equal([1.0, 0.5, 1.0, null], result.Constraint!);
        Assert.Equal([1.0, 2.0, 1.0, null], result.EffectiveSize!);
        Assert.Equal([0, 0, 0, 1], result.Component);
    }

    [Fact]
    public void Weighted_betweenness_follows_the_strong_ties()
    {
        // a–c directly is weak (0.4, cost 0.92); a–b–c is strong (0.9 × 0.9, cost 0.21): weighted, b carries the pair.
        var snapshot = Build([Actor("a"), Actor("b"), Actor("c")], [Tie("a", "b", strength: 0.9), Tie("b", "c", strength: 0.9), Tie("a", "c", "MET_AT")]);
        Assert.Equal([0, 0, 0], All(snapshot).Betweenness!);
        Assert.Equal([0, 1, 0], All(snapshot, weighted: true).Betweenness!);
    }

    [Fact]
    public void Only_requested_measures_are_computed()
    {
        var result = Centrality.Compute(Random(20, 30, 3), new CentralityOptions(CentralityMeasures.Degree | CentralityMeasures.Constraint), CancellationToken.None);
        Assert.Null(result.Betweenness);
        Assert.Null(result.Closeness);
        Assert.Null(result.EffectiveSize);
        Assert.NotNull(result.Constraint);
    }

    [Theory]
    [MemberData(nameof(Seeds), 6, MemberType = typeof(TestGraphs))]
    public void Matches_all_pairs_reference_on_random_graphs(int seed)
    {
        var snapshot = Random(35, 60, seed);
        foreach (var weighted in new[] { false, true })
        {
            var reference = new Reference(snapshot, weighted);
            var result = All(snapshot, weighted);
            var expected = reference.Betweenness();
            for (var v = 0; v < snapshot.ActorCount; v++)
            {
                Assert.Equal(expected[v], result.Betweenness![v], Tolerance);
                Assert.Equal(reference.Closeness(v), result.Closeness![v], Tolerance);
                AssertClose(reference.Constraint(v), result.Constraint![v]);
                AssertClose(reference.EffectiveSize(v), result.EffectiveSize![v]);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Seeds), 6, MemberType = typeof(TestGraphs))]
    public void Normalised_betweenness_lies_in_the_unit_interval(int seed)
    {
        var result = All(Random(40, 45 + 10 * seed, seed));
        Assert.All(result.BetweennessNormalized!, b => Assert.InRange(b, 0, 1));
    }

    [Fact]
    public void Star_centre_has_normalised_betweenness_one()
    {
        var snapshot = Build(Enumerable.Range(0, 6).Select(i => Actor($"n{i}")), Enumerable.Range(1, 5).Select(i => Tie("n0", $"n{i}")));
        Assert.Equal(1.0, All(snapshot).BetweennessNormalized![0], Tolerance);
    }

    [Fact]
    public void Sampled_betweenness_is_the_pivots_dependencies_scaled_by_n_over_k()
    {
        var snapshot = Random(40, 80, 7);
        var result = All(snapshot, sample: 10, seed: 5);
        var pivots = Centrality.Pivots(40, 10, 5);
        var reference = new Reference(snapshot, weighted: false);
        Assert.Equal(10, result.Pivots);
        Assert.Equal(10, pivots.Distinct().Count());
        for (var v = 0; v < 40; v++)
        {
            Assert.Equal(reference.Dependencies(v, pivots) * 40 / 10 / 2, result.Betweenness![v], Tolerance);
            // Closeness stays exact when betweenness is sampled.
            Assert.Equal(reference.Closeness(v), result.Closeness![v], Tolerance);
        }
    }

    [Fact]
    public void Sampling_is_repeatable_and_a_sample_of_n_is_exact()
    {
        var snapshot = Random(40, 80, 8);
        Assert.Equal(All(snapshot, sample: 12, seed: 3).Betweenness, All(snapshot, sample: 12, seed: 3).Betweenness);
        Assert.NotEqual(Centrality.Pivots(40, 12, 3), Centrality.Pivots(40, 12, 4));
        var exhaustive = All(snapshot, sample: 40);
        Assert.Null(exhaustive.Pivots);
        Assert.Equal(All(snapshot).Betweenness, exhaustive.Betweenness);
    }

    [Fact]
    public void Repeated_runs_give_bit_identical_results()
    {
        var snapshot = Random(300, 900, 11);
        var first = All(snapshot, weighted: true);
        for (var run = 0; run < 3; run++)
        {
            Assert.Equal(first.Betweenness, All(snapshot, weighted: true).Betweenness);
        }
    }

    [Fact]
    public void Components_are_numbered_by_their_first_actor()
    {
        var snapshot = Build([Actor("a"), Actor("b"), Actor("c"), Actor("d"), Actor("e")], [Tie("a", "d"), Tie("b", "e")]);
        Assert.Equal([0, 1, 2, 0, 1], All(snapshot).Component);
    }

    [Fact]
    public void Stops_when_cancelled()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() =>
            Centrality.Compute(Random(50, 100, 1), new CentralityOptions(CentralityMeasures.All), cancelled.Token));
    }

    private static void AssertClose(double? expected, double? actual)
    {
        Assert.Equal(expected is null, actual is null);
        if (expected is not null)
        {
            Assert.Equal(expected.Value, actual!.Value, Tolerance);
        }
    }
}
