using GraphApi.Core.Analysis;
using GraphApi.Core.Domain;
using GraphApi.TestSupport;

namespace GraphApi.Core.Tests.Analysis;

/// <summary>
/// The as-of graph (GraphSnapshot.InForceOn) against the reference graph filtered by hand: on random dated graphs, every
/// analysis gives exactly the same answer on both, for days on and next to the ties' dates.
/// </summary>
public sealed class AsOfAnalysisTests
{
    private static readonly ActorFilter Eu = new(Region: "EU");
    private static readonly ActorFilter Kr = new(Region: "KR");

    public static IEnumerable<object[]> Seeds => TestGraphs.Seeds(12);

    [Theory]
    [MemberData(nameof(Seeds))]
    public void The_as_of_graph_holds_every_actor_and_exactly_the_ties_in_force(int seed)
    {
        var graph = DatedNetwork.Random(30, 90, seed);
        var snapshot = graph.Snapshot;
        foreach (var day in graph.InterestingDays(new Random(seed), 20))
        {
            var asOf = snapshot.InForceOn(day);
            var reference = graph.FilteredByHand(day);
            Assert.Equal(reference.Actors.Select(a => a.Id), asOf.Actors.Select(a => a.Id));
            Assert.Equal(reference.Relationships.Select(r => r.Id), asOf.Relationships.Select(r => r.Id));
            Assert.Equal(snapshot.Version, asOf.Version);
            for (var v = 0; v < asOf.ActorCount; v++)
            {
                Assert.Equal(reference.Arcs(v).Targets.ToArray(), asOf.Arcs(v).Targets.ToArray());
                Assert.Equal(reference.Arcs(v).Relationships.ToArray(), asOf.Arcs(v).Relationships.ToArray());
            }
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Brokerage_as_of_a_day_equals_brokerage_on_the_graph_filtered_by_hand(int seed)
    {
        var graph = DatedNetwork.Random(30, 90, seed);
        var snapshot = graph.Snapshot;
        foreach (var day in graph.InterestingDays(new Random(seed), 8))
        {
            foreach (var directed in new[] { false, true })
            {
                var asOf = Brokerage.Compute(snapshot.InForceOn(day), ActorField.Region, directed, CancellationToken.None);
                var reference = Brokerage.Compute(graph.FilteredByHand(day), ActorField.Region, directed, CancellationToken.None);
                Assert.Equal(reference.Roles, asOf.Roles);
                Assert.Equal(reference.Groups, asOf.Groups);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Centrality_as_of_a_day_equals_centrality_on_the_graph_filtered_by_hand(int seed)
    {
        var graph = DatedNetwork.Random(25, 70, seed);
        var snapshot = graph.Snapshot;
        foreach (var day in graph.InterestingDays(new Random(seed), 6))
        {
            foreach (var weighted in new[] { false, true })
            {
                var options = new CentralityOptions(CentralityMeasures.All, weighted);
                var asOf = Centrality.Compute(snapshot.InForceOn(day), options, CancellationToken.None);
                var reference = Centrality.Compute(graph.FilteredByHand(day), options, CancellationToken.None);
                Assert.Equal(reference.Degree, asOf.Degree);
                Assert.Equal(reference.Betweenness, asOf.Betweenness);
                Assert.Equal(reference.Closeness, asOf.Closeness);
                Assert.Equal(reference.Constraint, asOf.Constraint);
                Assert.Equal(reference.EffectiveSize, asOf.EffectiveSize);
                Assert.Equal(reference.Component, asOf.Component);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Gateways_as_of_a_day_equal_gateways_on_the_graph_filtered_by_hand(int seed)
    {
        var graph = DatedNetwork.Random(30, 80, seed);
        var snapshot = graph.Snapshot;
        foreach (var day in graph.InterestingDays(new Random(seed), 6))
        {
            var asOf = Gateways.Compute(snapshot.InForceOn(day), Eu, Kr, CancellationToken.None);
            var reference = Gateways.Compute(graph.FilteredByHand(day), Eu, Kr, CancellationToken.None);
            Assert.Equal(reference.Pairs, asOf.Pairs);
            Assert.Equal(reference.Ranking.Select(g => (g.Actor, g.Routes, g.Share)), asOf.Ranking.Select(g => (g.Actor, g.Routes, g.Share)));
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void A_snapshot_with_pending_writes_gives_the_same_as_of_graph_as_one_rebuilt_from_its_records(int seed)
    {
        var graph = DatedNetwork.Random(30, 90, seed);
        var extra = DatedNetwork.Random(30, 20, seed + 1000).Ties.Select(r => r with { Id = "x" + r.Id }).ToList();
        var written = graph.Snapshot.With(2, upsertRelationships: extra, removeRelationships: graph.Ties.Take(10).Select(r => r.Id));
        Assert.False(written.IsCompact);
        var rebuilt = new DatedNetwork(graph.Actors, [.. graph.Ties.Skip(10), .. extra]);
        foreach (var day in rebuilt.InterestingDays(new Random(seed), 10))
        {
            Assert.Equal(rebuilt.FilteredByHand(day).Relationships.Select(r => r.Id), written.InForceOn(day).Relationships.Select(r => r.Id));
        }
    }

    [Fact]
    public void Ties_count_from_the_first_day_their_since_can_mean_to_the_last_day_their_until_can_mean()
    {
        var actors = new[] { TestGraphs.Actor("a"), TestGraphs.Actor("b"), TestGraphs.Actor("c") };
        var snapshot = TestGraphs.Build(actors,
        [
            TestGraphs.Tie("a", "b") with { Since = new(2015, 5), Until = new(2016) },
            TestGraphs.Tie("b", "c"),
        ]);
        int Ties(int year, int month, int day) => snapshot.InForceOn(new DateOnly(year, month, day)).RelationshipCount;
        Assert.Equal(1, Ties(2015, 4, 30));
        Assert.Equal(2, Ties(2015, 5, 1));
        Assert.Equal(2, Ties(2016, 12, 31));
        Assert.Equal(1, Ties(2017, 1, 1));
        Assert.Equal(3, snapshot.InForceOn(new DateOnly(2015, 4, 30)).ActorCount);
    }

    [Fact]
    public void A_day_on_which_every_tie_is_in_force_gives_the_snapshot_itself()
    {
        var snapshot = TestGraphs.Build([TestGraphs.Actor("a"), TestGraphs.Actor("b")], [TestGraphs.Tie("a", "b")]);
        Assert.Same(snapshot, snapshot.InForceOn(new DateOnly(2001, 1, 1)));
    }
}
