using GraphApi.Core.Analysis;
using GraphApi.Core.Domain;
using GraphApi.Core.Graph;
using static GraphApi.Core.Tests.Analysis.TestGraphs;

namespace GraphApi.Core.Tests.Analysis;

public sealed class BrokerageTests
{
    private static BrokerageRoles RolesOf(GraphSnapshot snapshot, string id, bool directed = false, ActorField partition = ActorField.Region) =>
        Brokerage.Compute(snapshot, partition, directed, CancellationToken.None).Roles[snapshot.IndexOf(id)];

    /// <summary>A path x — b — y: b brokers x→b→y and y→b→x when the ties are undirected.</summary>
    private static GraphSnapshot Path(string x, string b, string y) =>
        Build([Actor("b", b), Actor("x", x), Actor("y", y)], [Tie("x", "b"), Tie("b", "y")]);

    [Fact]
    public void Coordinator_when_all_three_share_a_group() =>
        Assert.Equal(new BrokerageRoles(2, 0, 0, 0, 0), RolesOf(Path("FR", "DE", "IT"), "b"));

    [Fact]
    public void Itinerant_when_the_ends_share_a_group_the_broker_is_not_in() =>
        Assert.Equal(new BrokerageRoles(0, 2, 0, 0, 0), RolesOf(Path("FR", "KR", "DE"), "b"));

    [Fact]
    public void Representative_and_gatekeeper_when_the_broker_shares_one_end_s_group()
    {
        // x (EU) → b (EU) → y (KR) is representative; y → b → x is gatekeeper.
        Assert.Equal(new BrokerageRoles(0, 0, 1, 1, 0), RolesOf(Path("FR", "DE", "KR"), "b"));
    }

    [Fact]
    public void Liaison_when_all_three_groups_differ() =>
        Assert.Equal(new BrokerageRoles(0, 0, 0, 0, 2), RolesOf(Path("FR", "KR", "US"), "b"));

    [Fact]
    public void No_brokerage_when_the_ends_are_tied_directly()
    {
        var triangle = Build([Actor("b"), Actor("x"), Actor("y")], [Tie("x", "b"), Tie("b", "y"), Tie("x", "y")]);
        Assert.Equal(0, RolesOf(triangle, "b").Total);
    }

    [Fact]
    public void An_actor_can_hold_every_role_at_once()
    {
        // Star around b (EU): two EU leaves, two KR leaves, one US leaf; 5 × 4 = 20 ordered leaf pairs, none tied directly.
        var star = Build(
            [Actor("b", "FR"), Actor("e1", "DE"), Actor("e2", "IT"), Actor("k1", "KR"), Actor("k2", "KR"), Actor("u1", "US")],
            [Tie("e1", "b"), Tie("e2", "b"), Tie("b", "k1"), Tie("b", "k2"), Tie("u1", "b")]);
        // coordinator e1↔e2; itinerant k1↔k2; representative EU→b→{k1,k2,u1} (2×3); gatekeeper the reverse; liaison KR↔US (2×2).
        Assert.Equal(new BrokerageRoles(2, 2, 6, 6, 4), RolesOf(star, "b"));
        Assert.Equal(20, RolesOf(star, "b").Total);
        Assert.Equal(0, RolesOf(star, "e1").Total);
    }

    [Fact]
    public void Directed_view_follows_stored_direction_of_directed_types_only()
    {
        // x MEMBER_OF b, b MANAGES y: one two-path x → b → y when directed; both ways when not.
        var chain = Build([Actor("b", "FR"), Actor("x", "DE"), Actor("y", "KR")], [Tie("x", "b", "MEMBER_OF"), Tie("b", "y", "MANAGES")]);
        Assert.Equal(new BrokerageRoles(0, 0, 1, 0, 0), RolesOf(chain, "b", directed: true));
        Assert.Equal(new BrokerageRoles(0, 0, 1, 1, 0), RolesOf(chain, "b", directed: false));

        // Reversed stored direction: y → b → x only, so b is a gatekeeper letting a KR contact into EU.
        var reversed = Build([Actor("b", "FR"), Actor("x", "DE"), Actor("y", "KR")], [Tie("b", "x", "MANAGES"), Tie("y", "b", "MEMBER_OF")]);
        Assert.Equal(new BrokerageRoles(0, 0, 0, 1, 0), RolesOf(reversed, "b", directed: true));
    }

    [Fact]
    public void Undirected_types_stay_two_way_in_the_directed_view()
    {
        var mous = Build([Actor("b", "FR"), Actor("x", "DE"), Actor("y", "KR")], [Tie("x", "b"), Tie("y", "b", "PARTNER_OF")]);
        Assert.Equal(RolesOf(mous, "b", directed: false), RolesOf(mous, "b", directed: true));
    }

    [Fact]
    public void Parallel_relationships_count_once()
    {
        var doubled = Build([Actor("b", "DE"), Actor("x", "FR"), Actor("y", "KR")],
            [Tie("x", "b"), Tie("x", "b", "MET_AT"), Tie("b", "x", "PARTNER_OF"), Tie("b", "y")]);
        Assert.Equal(new BrokerageRoles(0, 0, 1, 1, 0), RolesOf(doubled, "b"));
    }

    [Fact]
    public void Sector_partition_groups_by_the_first_listed_sector_or_none()
    {
        var snapshot = Build(
            [Actor("b", "FR", "Cluster", "water", "energy"), Actor("x", "FR", "Cluster", "energy", "water"), Actor("y", "FR", "Cluster")],
            [Tie("x", "b"), Tie("b", "y")]);
        var result = Brokerage.Compute(snapshot, ActorField.Sector, directed: false, CancellationToken.None);
        Assert.Equal(["water", "energy", "none"], result.Groups);
        // Three different first sectors: liaison both ways.
        Assert.Equal(new BrokerageRoles(0, 0, 0, 0, 2), result.Roles[snapshot.IndexOf("b")]);
    }

    [Theory]
    [MemberData(nameof(Seeds), 8, MemberType = typeof(TestGraphs))]
    public void Matches_brute_force_triples_on_random_graphs(int seed)
    {
        var snapshot = Random(25, 55, seed);
        foreach (var directed in new[] { false, true })
        {
            foreach (var partition in Enum.GetValues<ActorField>())
            {
                var expected = Reference.Brokerage(snapshot, partition, directed);
                Assert.Equal(expected, Brokerage.Compute(snapshot, partition, directed, CancellationToken.None).Roles);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Seeds), 8, MemberType = typeof(TestGraphs))]
    public void Roles_sum_to_every_open_two_path_and_undirected_representative_equals_gatekeeper(int seed)
    {
        var snapshot = Random(30, 70, seed + 100);
        foreach (var directed in new[] { false, true })
        {
            var open = new long[snapshot.ActorCount];
            foreach (var (_, broker, _) in Reference.OpenTwoPaths(snapshot, directed))
            {
                open[broker]++;
            }
            var roles = Brokerage.Compute(snapshot, ActorField.Region, directed, CancellationToken.None).Roles;
            Assert.Equal(open, roles.Select(r => r.Total));
            if (!directed)
            {
                Assert.All(roles, r => Assert.Equal(r.Representative, r.Gatekeeper));
            }
        }
    }

    [Fact]
    public void Stops_when_cancelled()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => Brokerage.Compute(Random(50, 100, 1), ActorField.Region, false, cancelled.Token));
    }
}
