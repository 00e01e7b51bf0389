using System.Globalization;
using GraphApi.Core.Analysis;
using GraphApi.Core.Domain;
using GraphApi.Core.Graph;
using GraphApi.Core.Routing;

namespace GraphApi.Core.Tests.Graph;

/// <summary>
/// The no-leak property, on seeded random graphs with private actors and ties in three workspaces, reached by a series
/// of writes (so overlays are rebuilt over deltas): every answer for a caller in A — lists, search, routes with their
/// alternatives, the best next tie, fewest hops, neighbourhoods, centrality and brokerage — equals the answer on a
/// reference graph built from the public records plus A's alone; and nothing B or an anonymous caller can be answered
/// from holds any record of A's.
/// </summary>
public sealed class WorkspaceViewProperties
{
    private const int Graphs = 120;
    private static readonly string[] Workspaces = ["a", "b", "c"];
    private static readonly string[] Types = ["MOU", "MANAGES", "PARTNER_OF", "MET_AT", "MEMBER_OF", "SUPPORTS"];
    private static readonly DateOnly Today = new(2024, 6, 1);

    private sealed record Case(GraphSnapshot State, List<Actor> Actors, List<Relationship> Ties, Random Random);

    [Fact]
    public void A_workspace_view_answers_as_the_reference_graph_of_the_public_records_and_its_own()
    {
        var routesCompared = 0;
        for (var seed = 0; seed < Graphs; seed++)
        {
            var c = RandomCase(seed);
            foreach (var workspace in Workspaces)
            {
                var view = c.State.ForWorkspace(workspace);
                // The reference holds the same records as plain ones: a graph that never heard of workspaces.
                var reference = GraphSnapshot.Build(Visible(c.Actors, workspace).Select(a => a with { Workspace = null }),
                    Visible(c.Ties, workspace).Select(r => r with { Workspace = null }), 1, RelationshipTypeCatalogue.Default);
                var context = $"seed {seed}, workspace {workspace}";
                Assert.True(Ids(view.Actors) == Ids(reference.Actors), $"{context}: actors differ");
                Assert.True(Ids(view.Relationships) == Ids(reference.Relationships), $"{context}: relationships differ");
                Assert.True(Search(view, "1") == Search(reference, "1"), $"{context}: search differs");
                routesCompared += CompareAnswers(view, reference, c.Random, context);
            }
        }
        Assert.True(routesCompared > Graphs, $"only {routesCompared} routes were compared: the random cases mean too little");
    }

    [Fact]
    public void No_view_but_its_own_holds_anything_of_a_workspace()
    {
        for (var seed = 0; seed < Graphs; seed++)
        {
            var c = RandomCase(seed);
            var ownedByA = c.Actors.Where(x => x.Workspace == "a").Select(x => x.Id).Concat(c.Ties.Where(r => r.Workspace == "a").Select(r => r.Id)).ToHashSet();
            foreach (var view in new[] { c.State.PublicView(), c.State.ForWorkspace("b"), c.State.ForWorkspace("c"), c.State.ForWorkspace(null) })
            {
                var seen = view.Actors.Select(x => x.Id).Concat(view.Relationships.Select(r => r.Id)).ToList();
                Assert.True(!seen.Any(ownedByA.Contains), $"seed {seed}: the view of {view.Workspace ?? "the public"} holds {string.Join(", ", seen.Where(ownedByA.Contains))}");
                Assert.DoesNotContain(view.Relationships, r => ownedByA.Contains(r.Source) || ownedByA.Contains(r.Target));
                var anyone = view.ActorSlotsInIdOrder()[0];
                Assert.All(Neighbourhood.Of(view, view.ActorAt(anyone).Id, 3, 1000).Nodes, n => Assert.DoesNotContain(view.ActorAt(n.Actor).Id, ownedByA));
            }
        }
    }

    private static int CompareAnswers(GraphSnapshot view, GraphSnapshot reference, Random random, string context)
    {
        var ids = view.Actors.Select(a => a.Id).ToList();
        var routes = 0;
        for (var q = 0; q < 3; q++)
        {
            var from = ids[random.Next(ids.Count)];
            var to = ids[random.Next(ids.Count)];
            if (from == to)
            {
                continue;
            }
            var query = new IntroductionQuery([from], RouteTarget.Actor(to)) { Options = new(Today), K = 3, MaxHops = 5 };
            var expected = Routes(reference, IntroductionRouter.Find(reference, query).Routes);
            Assert.True(expected == Routes(view, IntroductionRouter.Find(view, query).Routes), $"{context}: routes {from} to {to} differ");
            routes += expected.Length == 0 ? 0 : 1;
            Assert.True(Route(reference, FewestHops.Find(reference, from, to)) == Route(view, FewestHops.Find(view, from, to)), $"{context}: fewest hops differ");
            var next = new BestNextTieQuery(from, RouteTarget.Actor(to)) { Options = new(Today), MaxHops = 3 };
            Assert.True(Candidates(reference, BestNextTie.Find(reference, next)) == Candidates(view, BestNextTie.Find(view, next)), $"{context}: best next tie differs");
            Assert.True(Around(reference, from) == Around(view, from), $"{context}: neighbourhood of {from} differs");
        }
        var options = new CentralityOptions(CentralityMeasures.Degree | CentralityMeasures.Betweenness | CentralityMeasures.Constraint);
        Assert.True(Centrality(reference, options) == Centrality(view, options), $"{context}: centrality differs");
        Assert.True(Brokerage(reference) == Brokerage(view), $"{context}: brokerage differs");
        return routes;
    }

    private static Case RandomCase(int seed)
    {
        var random = new Random(seed * 7907 + 13);
        var actors = new List<Actor>();
        var n = random.Next(5, 12);
        for (var i = 0; i < n; i++)
        {
            actors.Add(Actor($"p{i}", null, random));
        }
        foreach (var workspace in Workspaces)
        {
            for (var i = random.Next(0, 3); i > 0; i--)
            {
                actors.Add(Actor($"{workspace}-x{i}", workspace, random));
            }
        }
        var ties = new List<Relationship>();
        var m = random.Next(n, 3 * n);
        for (var e = 0; e < m + 12; e++)
        {
            // The first m ties are public; then each workspace ties public actors and its own at random.
            var workspace = e < m ? null : Workspaces[random.Next(Workspaces.Length)];
            var ends = actors.Where(a => a.Workspace is null || a.Workspace == workspace).ToList();
            var source = ends[random.Next(ends.Count)];
            var target = ends[random.Next(ends.Count)];
            if (source.Id != target.Id)
            {
                ties.Add(new Relationship
                {
                    Id = $"{workspace ?? "p"}-t{e}", Source = source.Id, Target = target.Id, Type = Types[random.Next(Types.Length)],
                    Strength = random.Next(3) == 0 ? 0.3 + random.Next(7) / 10.0 : null, Workspace = workspace,
                });
            }
        }
        // Public records load at once; the private ones arrive by writes in a few batches, and one public write follows.
        var state = GraphSnapshot.Build(actors.Where(a => a.Workspace is null), ties.Where(r => r.Workspace is null), 1, RelationshipTypeCatalogue.Default);
        var version = 1L;
        foreach (var batch in actors.Where(a => a.Workspace is not null).Cast<object>().Concat(ties.Where(r => r.Workspace is not null)).Chunk(4))
        {
            state = state.With(++version, upsertActors: batch.OfType<Actor>(), upsertRelationships: batch.OfType<Relationship>());
            _ = state.ForWorkspace(Workspaces[random.Next(Workspaces.Length)]); // overlays built in between are rebuilt or reused later
        }
        var renamed = actors[0] with { Name = "Renamed 1" };
        actors[0] = renamed;
        state = state.With(++version, upsertActors: [renamed]);
        return new Case(state, actors, ties, random);
    }

    private static Actor Actor(string id, string? workspace, Random random) => new()
    {
        Id = id, Name = id.ToUpperInvariant(), Kind = random.Next(3) == 0 ? "MiniCluster" : "Cluster",
        Country = random.Next(2) == 0 ? "FR" : "KR", Region = random.Next(2) == 0 ? "EU" : "KR", Workspace = workspace,
    };

    private static IEnumerable<T> Visible<T>(IEnumerable<T> records, string workspace) where T : class =>
        records.Where(r => (r is Actor a ? a.Workspace : ((Relationship)(object)r).Workspace) is var w && (w is null || w == workspace));

    private static string Ids<T>(IEnumerable<T> records) => string.Join(",", records.Select(r => r is Actor a ? a.Id : ((Relationship)(object)r!).Id));

    private static string Search(GraphSnapshot g, string folded) => string.Join(",", g.ActorSlotsInIdOrder().Where(v => g.Matches(v, folded)).Select(v => g.ActorAt(v).Id));

    private static string Route(GraphSnapshot g, Route? route) => route is null ? "-"
        : string.Join(">", route.Actors.Select(a => g.ActorAt(a).Id)) + "|" + string.Join(",", route.Relationships.Select(r => g.RelationshipAt(r).Id))
          + "|" + route.Score.ToString("R", CultureInfo.InvariantCulture);

    private static string Routes(GraphSnapshot g, IReadOnlyList<Route> routes) => string.Join(" ; ", routes.Select(r => Route(g, r)));

    private static string Candidates(GraphSnapshot g, BestNextTieResult result) =>
        $"{Route(g, result.Current)} {result.Targets} {result.ReachableTargets} " + string.Join(" ; ", result.Candidates.Select(c =>
            $"{g.ActorAt(c.Source).Id}>{g.ActorAt(c.Actor).Id} {Route(g, c.Continuation)} {c.Gain.ToString("R", CultureInfo.InvariantCulture)}"));

    private static string Around(GraphSnapshot g, string id)
    {
        var found = Neighbourhood.Of(g, id, 2, 1000);
        return string.Join(",", found.Nodes.Select(n => $"{g.ActorAt(n.Actor).Id}@{n.Depth}").Order(StringComparer.Ordinal)) + "|"
            + string.Join(",", found.Relationships.Select(r => g.RelationshipAt(r).Id).Order(StringComparer.Ordinal));
    }

    private static string Centrality(GraphSnapshot g, CentralityOptions options)
    {
        var result = Core.Analysis.Centrality.Compute(g, options, CancellationToken.None);
        return string.Join(";", result.Snapshot.ActorSlotsInIdOrder().Select(v =>
            $"{result.Snapshot.ActorAt(v).Id}:{result.Degree[v]}:{result.Betweenness![v].ToString("R", CultureInfo.InvariantCulture)}:{result.Constraint![v]?.ToString("R", CultureInfo.InvariantCulture)}"));
    }

    private static string Brokerage(GraphSnapshot g)
    {
        var result = Core.Analysis.Brokerage.Compute(g, ActorField.Region, directed: false, CancellationToken.None);
        return string.Join(";", result.Snapshot.ActorSlotsInIdOrder().Select(v => $"{result.Snapshot.ActorAt(v).Id}:{result.Roles[v]}"));
    }
}
