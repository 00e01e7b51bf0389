using GraphApi.Core.Analysis.Communities;
using GraphApi.Core.Domain;
using GraphApi.Core.Graph;

namespace GraphApi.Core.Tests.Analysis.Communities;

/// <summary>
/// An actor or a tie that does not touch a community must not move it (issue 25): adding isolated actors, whose ids
/// sort anywhere among the others, or a whole distant component, leaves every other actor's community, its top members,
/// participation and stability exactly as they were. Plus Zachary's karate club at its known optimum, and stability.
/// </summary>
public class StableCommunitiesTests
{
    public static IEnumerable<object[]> RandomCases() =>
        from seed in Enumerable.Range(1, 15)
        from shape in new[] { (N: 30, M: 40), (N: 50, M: 90), (N: 40, M: 160) }
        select new object[] { shape.N, shape.M, seed };

    private static CommunityResult Detect(GraphSnapshot snapshot, int stabilityRuns = 0) =>
        CommunityDetection.Compute(snapshot, new CommunityOptions(1.0, 42, stabilityRuns), CancellationToken.None);

    [Theory]
    [MemberData(nameof(RandomCases))]
    public void Adding_isolated_actors_or_a_distant_component_moves_no_other_actor(int n, int m, int seed)
    {
        var random = new Random(seed);
        var (actors, ties) = RandomGraph("a", n, m, random);
        var before = TestGraphs.Build(actors, ties);
        // Isolates whose ids sort first, among the others and last; a component of its own with ids in between.
        var isolates = new[] { "0-first", "a00-between", $"a{n / 2:000}-middle", "zz-last" }.Select(id => TestGraphs.Actor(id));
        var (distantActors, distantTies) = RandomGraph("m", 12, 30, random);
        var after = TestGraphs.Build([.. actors, .. isolates, .. distantActors], [.. ties, .. distantTies]);

        var old = Detect(before, stabilityRuns: 3);
        var now = Detect(after, stabilityRuns: 3);

        var ids = actors.Select(a => a.Id).ToList();
        int OldOf(string id) => old.Community[before.IndexOf(id)];
        int NowOf(string id) => now.Community[after.IndexOf(id)];
        foreach (var u in ids)
        {
            foreach (var v in ids)
            {
                Assert.True((OldOf(u) == OldOf(v)) == (NowOf(u) == NowOf(v)), $"{u} and {v}: together before {OldOf(u) == OldOf(v)}, now {NowOf(u) == NowOf(v)}");
            }
            Assert.Equal(old.Participation[before.IndexOf(u)], now.Participation[after.IndexOf(u)]);
            Assert.Equal(old.DegreeInside[before.IndexOf(u)], now.DegreeInside[after.IndexOf(u)]);
        }
        foreach (var community in old.Communities)
        {
            var top = community.TopMembers.Select(v => before.ActorAt(v).Id).ToList();
            var same = now.Communities[NowOf(top[0])];
            Assert.Equal(community.Size, same.Size);
            Assert.Equal(top, same.TopMembers.Select(v => after.ActorAt(v).Id));
            Assert.Equal(community.Stability, same.Stability);
        }
        // Not vacuous: the original actors do fall into several communities.
        Assert.True(old.Communities.Count(c => c.Size > 1) >= 2, "the original graph has at least two communities of several actors");
    }

    [Fact]
    public void Zacharys_karate_club_reaches_the_optimum_modularity()
    {
        var result = Detect(KarateClub());
        // The optimum is 0.4197896 (Brandes et al. 2008, by integer programming), in four communities.
        Assert.Equal(0.4198, result.Modularity, 4);
        Assert.Equal(4, result.Communities.Count);
    }

    [Fact]
    public void Clear_groups_are_stable_over_every_run_and_stability_is_a_share()
    {
        var clear = CliqueRing(cliques: 4, size: 6);
        var found = Detect(clear, stabilityRuns: 10);
        Assert.Equal(4, found.Communities.Count);
        Assert.All(found.Communities, c => Assert.Equal(1.0, c.Stability));

        var blurred = Detect(SyntheticNetworkOf(groups: 6, size: 12, mixing: 0.55, seed: 5), stabilityRuns: 10);
        Assert.All(blurred.Communities, c => Assert.InRange(c.Stability!.Value, 0.0, 1.0));
        Assert.Contains(blurred.Communities, c => c.Stability < 1.0);
        Assert.All(Detect(clear).Communities, c => Assert.Null(c.Stability));
    }

    private static GraphSnapshot SyntheticNetworkOf(int groups, int size, double mixing, int seed) =>
        GraphApi.TestSupport.SyntheticNetwork.PlantedPartition(groups * size, groups, groups * size * 3, mixing, seed);

    /// <summary>Cliques of <paramref name="size"/> actors, each tied to the next by one tie, in a ring.</summary>
    private static GraphSnapshot CliqueRing(int cliques, int size)
    {
        static string Id(int clique, int member) => $"c{clique}-{member}";
        var ties = new List<Relationship>();
        for (var c = 0; c < cliques; c++)
        {
            for (var i = 0; i < size; i++)
            {
                for (var j = i + 1; j < size; j++)
                {
                    ties.Add(TestGraphs.Tie(Id(c, i), Id(c, j)));
                }
            }
            ties.Add(TestGraphs.Tie(Id(c, 0), Id((c + 1) % cliques, 1)));
        }
        var actors = Enumerable.Range(0, cliques).SelectMany(c => Enumerable.Range(0, size).Select(i => TestGraphs.Actor(Id(c, i))));
        return TestGraphs.Build(actors, ties);
    }

    private static (List<Actor> Actors, List<Relationship> Ties) RandomGraph(string prefix, int n, int m, Random random)
    {
        var actors = Enumerable.Range(0, n).Select(i => TestGraphs.Actor($"{prefix}{i:000}")).ToList();
        var ties = new List<Relationship>();
        while (ties.Count < m)
        {
            var (s, t) = (random.Next(n), random.Next(n));
            if (s != t)
            {
                ties.Add(TestGraphs.Tie(actors[s].Id, actors[t].Id) with { Id = $"{prefix}-r{ties.Count:0000}" });
            }
        }
        return (actors, ties);
    }

    /// <summary>Zachary's karate club (1977): 34 members, 78 friendships, numbered from 0 as NetworkX does.</summary>
    private static GraphSnapshot KarateClub()
    {
        int[][] adjacency =
        [
            [1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13, 17, 19, 21, 31], [2, 3, 7, 13, 17, 19, 21, 30], [3, 7, 8, 9, 13, 27, 28, 32],
            [7, 12, 13], [6, 10], [6, 10, 16], [16], [], [30, 32, 33], [33], [], [], [], [33], [32, 33], [32, 33], [], [], [32, 33], [33],
            [32, 33], [], [32, 33], [25, 27, 29, 32, 33], [25, 27, 31], [31], [29, 33], [33], [31, 33], [32, 33], [32, 33], [32, 33], [33], [],
        ];
        static string Id(int member) => $"k{member:00}";
        var ties = adjacency.SelectMany((others, member) => others.Select(other => TestGraphs.Tie(Id(member), Id(other)))).ToList();
        Assert.Equal(78, ties.Count);
        return TestGraphs.Build(Enumerable.Range(0, 34).Select(i => TestGraphs.Actor(Id(i))), ties);
    }
}
