using GraphApi.Core.Domain;
using GraphApi.Core.Graph;
using GraphApi.Core.Routing;

namespace GraphApi.Core.Tests.Graph;

/// <summary>
/// Random write sequences applied to a snapshot as deltas (what every write does) must leave a graph that reads
/// exactly like one rebuilt from the records after each write: lookups, neighbours, search, routes of every mode,
/// fewest hops, neighbourhoods, and the merged (compacted) base array for array.
/// </summary>
public sealed partial class DeltaSnapshotProperties
{
    private static readonly string[] Types = ["MOU", "MANAGES", "PARTNER_OF", "MET_AT", "MEMBER_OF", "SUPPORTS"];
    private static readonly string[] Kinds = ["Cluster", "MiniCluster", "Agency", "University"];
    private static readonly string[] Countries = ["FR", "KR", "DE", "US"];
    private static readonly DateOnly Today = new(2024, 6, 1);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public void Delta_snapshots_read_like_a_rebuild_after_every_write(int seed)
    {
        var random = new Random(seed);
        var model = new Model(random);
        var snapshot = model.Populated(25, 50);
        for (var step = 0; step < 120; step++)
        {
            snapshot = model.RandomWrite(snapshot, step + 2);
            if (random.Next(25) == 0)
            {
                snapshot = snapshot.Compacted(); // a background merge happened
            }
            var rebuilt = GraphSnapshot.Build(model.Actors.Values, model.Relationships.Values, snapshot.Version, RelationshipTypeCatalogue.Default);
            var context = $"seed {seed}, step {step}";
            AssertSameRecords(rebuilt, snapshot, context);
            AssertSameNeighbours(rebuilt, snapshot, context);
            AssertSameSearches(rebuilt, snapshot, random, context);
            AssertSameRoutes(rebuilt, snapshot, random, context);
            if (step % 10 == 0)
            {
                AssertSameBase(rebuilt, snapshot.Compacted(), context);
            }
        }
    }

    [Fact]
    public void A_bulk_write_past_the_rebuild_threshold_gives_the_same_snapshot()
    {
        var random = new Random(99);
        var model = new Model(random);
        for (var i = 0; i < 40; i++)
        {
            model.AddActor();
        }
        var snapshot = GraphSnapshot.Build(model.Actors.Values, [], 1, RelationshipTypeCatalogue.Default);
        snapshot = snapshot.With(2, upsertActors: [model.AddActor()]); // a delta to start from
        var removed = model.Actors.Keys.First();
        model.Actors.Remove(removed);
        var actors = Enumerable.Range(0, 3000).Select(_ => model.AddActor()).ToList();
        var relationships = Enumerable.Range(0, 3000).Select(_ => model.AddRelationship()).OfType<Relationship>().ToList();
        var bulk = snapshot.With(3, upsertActors: actors, removeActors: [removed], upsertRelationships: relationships);

        var rebuilt = GraphSnapshot.Build(model.Actors.Values, model.Relationships.Values, 3, RelationshipTypeCatalogue.Default);
        Assert.True(bulk.IsCompact);
        AssertSameRecords(rebuilt, bulk, "bulk");
        AssertSameBase(rebuilt, bulk, "bulk");
    }

    private static void AssertSameRecords(GraphSnapshot expected, GraphSnapshot actual, string context)
    {
        Assert.Equal(expected.ActorCount, actual.ActorCount);
        Assert.Equal(expected.RelationshipCount, actual.RelationshipCount);
        Assert.True(expected.Actors.SequenceEqual(actual.Actors), $"{context}: actors differ");
        Assert.True(expected.Relationships.SequenceEqual(actual.Relationships), $"{context}: relationships differ");
        Assert.Equal(expected.Actors.Select(a => a.Id), actual.ActorSlotsInIdOrder().Select(s => actual.ActorAt(s).Id));
        foreach (var relationship in expected.Relationships)
        {
            Assert.Same(relationship, actual.FindRelationship(relationship.Id));
        }
    }

    private static void AssertSameNeighbours(GraphSnapshot expected, GraphSnapshot actual, string context)
    {
        foreach (var actor in expected.Actors)
        {
            Assert.Same(actor, actual.FindActor(actor.Id));
            Assert.Equal(Neighbours(expected, actor.Id), Neighbours(actual, actor.Id));
            Assert.Equal(expected.RelationshipsOf(actor.Id).Select(r => r.Id), actual.RelationshipsOf(actor.Id).Select(r => r.Id));
            Assert.True(Describe(expected, Neighbourhood.Of(expected, actor.Id, 2, 12)) == Describe(actual, Neighbourhood.Of(actual, actor.Id, 2, 12)),
                $"{context}: neighbourhood of {actor.Id}");
        }
    }

    private static void AssertSameSearches(GraphSnapshot expected, GraphSnapshot actual, Random random, string context)
    {
        foreach (var query in new[] { "a", "b", "x" + random.Next(10), "renamed", "\uFFFE", "pele", "\uD800" })
        {
            var want = expected.ActorSlotsInIdOrder().Where(s => expected.Matches(s, query)).Select(s => expected.ActorAt(s).Id);
            var got = actual.ActorSlotsInIdOrder().Where(s => actual.Matches(s, query)).Select(s => actual.ActorAt(s).Id);
            Assert.True(want.SequenceEqual(got), $"{context}: search '{query}'");
        }
    }

    private static void AssertSameRoutes(GraphSnapshot expected, GraphSnapshot actual, Random random, string context)
    {
        var ids = expected.Actors.Select(a => a.Id).ToArray();
        if (ids.Length < 3)
        {
            return;
        }
        for (var q = 0; q < 4; q++)
        {
            var from = ids[random.Next(ids.Length)];
            var to = ids[random.Next(ids.Length)];
            if (from == to)
            {
                continue;
            }
            var rules = new RouteQueryOptions(Today) { HalfLifeYears = random.Next(2) == 0 ? null : 5 };
            IntroductionQuery[] queries =
            [
                new([from], RouteTarget.Actor(to)) { K = 3, MaxHops = 1 + random.Next(5), Options = rules },
                new([from], RouteTarget.Matching(a => a.Kind == "MiniCluster")) { K = 3, DistinctTargets = true, Options = rules },
                new([from], RouteTarget.Actor(to)) { K = 2, Disjoint = true, Options = rules },
            ];
            foreach (var query in queries)
            {
                Assert.True(Describe(expected, IntroductionRouter.Find(expected, query)) == Describe(actual, IntroductionRouter.Find(actual, query)),
                    $"{context}: routes {from} → {query.To.ActorId ?? "filter"}");
            }
            Assert.Equal(Describe(expected, FewestHops.Find(expected, from, to)), Describe(actual, FewestHops.Find(actual, from, to)));
        }
    }

    private static void AssertSameBase(GraphSnapshot expected, GraphSnapshot compacted, string context)
    {
        var (e, a) = (expected.Base, compacted.Base);
        Assert.True(e.Offsets.SequenceEqual(a.Offsets), $"{context}: offsets");
        Assert.True(e.ArcTarget.SequenceEqual(a.ArcTarget), $"{context}: arc targets");
        Assert.True(e.ArcRelationship.SequenceEqual(a.ArcRelationship), $"{context}: arc relationships");
        Assert.True(e.Fields.SequenceEqual(a.Fields), $"{context}: relationship fields");
        Assert.True(e.SearchText.SequenceEqual(a.SearchText), $"{context}: search text");
        Assert.True(e.Actors.SequenceEqual(a.Actors), $"{context}: actors");
    }

    private static string[] Neighbours(GraphSnapshot graph, string id)
    {
        var arcs = graph.Arcs(graph.IndexOf(id));
        var result = new string[arcs.Length];
        for (var i = 0; i < arcs.Length; i++)
        {
            result[i] = graph.ActorAt(arcs.Targets[i]).Id + "/" + graph.RelationshipAt(arcs.Relationships[i]).Id;
        }
        return result;
    }

    private static string Describe(GraphSnapshot graph, Neighbourhood n) =>
        string.Join(' ', n.Nodes.Select(x => $"{graph.ActorAt(x.Actor).Id}@{x.Depth}")) + " | "
        + string.Join(' ', n.Relationships.Select(r => graph.RelationshipAt(r).Id)) + (n.Truncated ? " …" : "");

    private static string Describe(GraphSnapshot graph, RouteResult result) =>
        string.Join(" ; ", result.Routes.Select(r => Describe(graph, r))) + "|" + result.Reason;

    private static string Describe(GraphSnapshot graph, Route? route) => route is null ? "none" :
        string.Join('>', route.Actors.Select(a => graph.ActorAt(a).Id)) + " via " + string.Join(',', route.Relationships.Select(r => graph.RelationshipAt(r).Id))
        + " s=" + string.Join(',', route.Strengths.Select(s => s.ToString("R")));
}
