using GraphApi.Core.Domain;
using GraphApi.Core.Graph;

namespace GraphApi.Core.Tests.Graph;

public class GraphSnapshotTests
{
    private static Actor A(string id, params string[] aliases) => new() { Id = id, Name = id.ToUpperInvariant(), Kind = "Cluster", Country = "FR", Aliases = aliases };

    private static Relationship R(string id, string from, string to, string type = "MOU", double? strength = null) =>
        new() { Id = id, Source = from, Target = to, Type = type, Strength = strength };

    [Fact]
    public void Numbers_actors_in_id_order_and_lists_both_ends_of_each_tie()
    {
        var snapshot = GraphSnapshot.Build([A("cc"), A("aa"), A("bb")], [R("r1", "cc", "aa"), R("r2", "aa", "bb")], 7, RelationshipTypeCatalogue.Default);
        Assert.Equal(["aa", "bb", "cc"], snapshot.Actors.Select(a => a.Id));
        var aa = snapshot.IndexOf("aa");
        Assert.Equal([snapshot.IndexOf("bb"), snapshot.IndexOf("cc")], snapshot.Arcs(aa).Targets.ToArray());
        Assert.Equal(1, snapshot.Degree(snapshot.IndexOf("cc")));
        Assert.Equal(7, snapshot.Version);
    }

    [Fact]
    public void Keeps_stored_direction_and_strength_defaults()
    {
        var snapshot = GraphSnapshot.Build([A("aa"), A("bb")], [R("r1", "bb", "aa", "MANAGES"), R("r2", "aa", "bb", "MET_AT", 0.2)], 1, RelationshipTypeCatalogue.Default);
        var r1 = snapshot.RelationshipIndexOf("r1");
        Assert.Equal(snapshot.IndexOf("bb"), snapshot.SourceOf(r1));
        Assert.Equal(0.85, snapshot.BaseStrength(r1));
        Assert.Equal(0.2, snapshot.BaseStrength(snapshot.RelationshipIndexOf("r2")));
    }

    [Fact]
    public void With_applies_changes_without_touching_the_original()
    {
        var before = GraphSnapshot.Build([A("aa"), A("bb")], [R("r1", "aa", "bb")], 1, RelationshipTypeCatalogue.Default);
        var after = before.With(2, upsertActors: [A("cc")], removeRelationships: ["r1"]);
        Assert.Equal(2, before.ActorCount);
        Assert.Equal(1, before.RelationshipCount);
        Assert.Equal(3, after.ActorCount);
        Assert.Equal(0, after.RelationshipCount);
    }

    [Theory]
    [InlineData("pole eau")]
    [InlineData("PÔLE")]
    [InlineData("한국산업")]
    [InlineData("water team")]
    public void Search_folds_case_and_accents_and_finds_aliases(string query)
    {
        var snapshot = GraphSnapshot.Build(
            [A("pole-eau", "Pôle Eau", "France Water Team"), A("kicox", "한국산업단지공단"), A("other")], [], 1, RelationshipTypeCatalogue.Default);
        var folded = TextSearch.Fold(query);
        var hits = Enumerable.Range(0, snapshot.ActorCount).Where(i => snapshot.Matches(i, folded)).Select(i => snapshot.ActorAt(i).Id).ToList();
        Assert.Single(hits);
    }
}
