using GraphApi.Core.Domain;
using GraphApi.Core.Graph;

namespace GraphApi.Core.Tests.Graph;

/// <summary>
/// Private records beside the public graph: the snapshot's accessors and its public view see the public graph only; a
/// workspace's view is the public graph plus its own records, the same as a snapshot built from those records alone.
/// </summary>
public class PrivateOverlayTests
{
    private static Actor A(string id, string? workspace = null) => new() { Id = id, Name = id.ToUpperInvariant(), Kind = "Cluster", Country = "FR", Workspace = workspace };

    private static Relationship R(string id, string from, string to, string? workspace = null) =>
        new() { Id = id, Source = from, Target = to, Type = "MOU", Workspace = workspace };

    private static readonly Actor[] Actors = [A("aa"), A("bb"), A("cc"), A("north-friend", "north"), A("south-friend", "south")];

    private static readonly Relationship[] Ties =
    [
        R("aa-bb", "aa", "bb"), R("north-aa-cc", "aa", "cc", "north"), R("north-friend-bb", "north-friend", "bb", "north"),
        R("south-bb-cc", "bb", "cc", "south"), R("south-friend-aa", "south-friend", "aa", "south"),
    ];

    private static GraphSnapshot Snapshot() => GraphSnapshot.Build(Actors, Ties, 5, RelationshipTypeCatalogue.Default);

    private static GraphSnapshot Reference(string? workspace) => GraphSnapshot.Build(
        Actors.Where(a => a.Workspace is null || a.Workspace == workspace).Select(a => a with { Workspace = null }),
        Ties.Where(r => r.Workspace is null || r.Workspace == workspace).Select(r => r with { Workspace = null }), 5, RelationshipTypeCatalogue.Default);

    /// <summary>Actors, relationships and each actor's arcs, by id, as one text.</summary>
    private static string Shape(GraphSnapshot s) => string.Join(" | ",
        string.Join(",", s.Actors.Select(a => a.Id)),
        string.Join(",", s.Relationships.Select(r => r.Id)),
        string.Join(",", s.ActorSlotsInIdOrder().SelectMany(v => s.Arcs(v).Relationships.ToArray().Select(r => $"{s.ActorAt(v).Id}>{s.RelationshipAt(r).Id}"))));

    [Fact]
    public void The_snapshot_and_its_public_view_hold_the_public_graph_only()
    {
        var snapshot = Snapshot();

        Assert.Equal(Shape(Reference(null)), Shape(snapshot));
        Assert.Equal(Shape(Reference(null)), Shape(snapshot.PublicView()));
        Assert.Null(snapshot.FindActor("north-friend"));
        Assert.Null(snapshot.FindRelationship("north-aa-cc"));
        Assert.True(snapshot.HasPrivateRecords);
    }

    [Theory]
    [InlineData("north")]
    [InlineData("south")]
    public void A_workspace_view_is_the_public_graph_plus_its_own_records(string workspace)
    {
        var view = Snapshot().ForWorkspace(workspace);

        Assert.Equal(Shape(Reference(workspace)), Shape(view));
        Assert.Equal(workspace, view.Workspace);
        Assert.All(view.Actors, a => Assert.True(a.Workspace is null || a.Workspace == workspace));
    }

    [Fact]
    public void A_private_write_moves_neither_the_public_version_nor_the_public_view()
    {
        var before = Snapshot();
        var publicView = before.PublicView();
        var southView = before.ForWorkspace("south");

        var after = before.With(9, upsertRelationships: [R("north-bb-cc", "bb", "cc", "north")]);

        Assert.Same(publicView, after.PublicView());
        Assert.Same(southView, after.ForWorkspace("south"));
        Assert.Equal(5, after.PublicView().Version);
        Assert.Equal(9, after.ForWorkspace("north").Version);
        Assert.Contains("north-bb-cc", after.ForWorkspace("north").Relationships.Select(r => r.Id));
        Assert.DoesNotContain("north-bb-cc", after.ForWorkspace("south").Relationships.Select(r => r.Id));
        Assert.Equal(after.ForWorkspace("north").ViewKey, after.ForWorkspace("north").ViewKey);
        Assert.NotEqual(after.ForWorkspace("north").ViewKey, after.PublicView().ViewKey);
    }

    [Fact]
    public void Deleting_a_public_actor_takes_the_private_ties_touching_it()
    {
        var after = Snapshot().With(6, removeActors: ["aa"]);

        Assert.DoesNotContain("north-aa-cc", after.ForWorkspace("north").Relationships.Select(r => r.Id));
        Assert.DoesNotContain("south-friend-aa", after.ForWorkspace("south").Relationships.Select(r => r.Id));
        Assert.Contains("south-friend", after.ForWorkspace("south").Actors.Select(a => a.Id));
        Assert.Equal(6, after.PublicView().Version);
    }

    [Fact]
    public void A_record_whose_visibility_changes_moves_from_one_side_to_the_other()
    {
        var published = Snapshot().With(7, upsertRelationships: [R("north-aa-cc", "aa", "cc")]);
        var hidden = published.With(8, upsertRelationships: [R("aa-bb", "aa", "bb", "south")]);

        Assert.Contains("north-aa-cc", published.PublicView().Relationships.Select(r => r.Id));
        Assert.Contains("north-aa-cc", published.ForWorkspace("south").Relationships.Select(r => r.Id));
        Assert.DoesNotContain("aa-bb", hidden.PublicView().Relationships.Select(r => r.Id));
        Assert.DoesNotContain("aa-bb", hidden.ForWorkspace("north").Relationships.Select(r => r.Id));
        Assert.Contains("aa-bb", hidden.ForWorkspace("south").Relationships.Select(r => r.Id));
    }
}
