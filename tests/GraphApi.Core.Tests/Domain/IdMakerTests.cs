using FsCheck.Xunit;
using GraphApi.Core.Domain;

namespace GraphApi.Core.Tests.Domain;

public class IdMakerTests
{
    private static readonly Func<string, bool> NoneTaken = _ => false;

    private static Actor Unnamed(string name, string kind = "Cluster") => new() { Id = "", Name = name, Kind = kind, Country = "FR" };

    [Theory]
    [InlineData("Pôle Eau", "pole-eau")]
    [InlineData("Korea Industrial Complex Corp.", "korea-industrial-complex-corp")]
    [InlineData("  Biocat -- BioRegion of Catalonia!  ", "biocat-bioregion-of-catalonia")]
    [InlineData("Øresund Food (DK/SE)", "resund-food-dk-se")]
    [InlineData("Daegu 한국 Mechatronics", "daegu-mechatronics")]
    public void An_actor_id_is_its_name_in_lower_case_without_accents_or_punctuation(string name, string expected) =>
        Assert.Equal(expected, IdMaker.ForActor(Unnamed(name, "Cluster"), NoneTaken));

    [Fact]
    public void A_name_without_latin_letters_falls_back_to_the_kind() =>
        Assert.Equal("minicluster", IdMaker.ForActor(Unnamed("한국산업단지공단", "MiniCluster"), NoneTaken));

    [Fact]
    public void A_taken_id_gets_the_next_free_number()
    {
        HashSet<string> taken = ["pole-eau", "pole-eau-2", "pole-eau-4"];
        Assert.Equal("pole-eau-3", IdMaker.ForActor(Unnamed("Pôle Eau"), taken.Contains));
    }

    [Fact]
    public void A_relationship_id_is_source_type_target()
    {
        var tie = new Relationship { Id = "", Source = "pole-eau", Type = "BOARD_MEMBER_OF", Target = "tci-network" };
        Assert.Equal("pole-eau-board-member-of-tci-network", IdMaker.ForRelationship(tie, NoneTaken));
        Assert.Equal("pole-eau-board-member-of-tci-network-2", IdMaker.ForRelationship(tie, id => id == "pole-eau-board-member-of-tci-network"));
    }

    [Fact]
    public void A_long_stem_is_cut_so_the_number_still_fits()
    {
        var name = string.Concat(Enumerable.Repeat("cluster ", 20));
        var first = IdMaker.ForActor(Unnamed(name), NoneTaken);
        var second = IdMaker.ForActor(Unnamed(name), id => id == first);
        Assert.Equal(63, first.Length); // 64 characters end in a hyphen, which a slug may not
        Assert.EndsWith("-2", second, StringComparison.Ordinal);
        Assert.True(Ids.IsValid(first) && Ids.IsValid(second), $"{first} / {second}");
    }

    [Property]
    public bool Every_made_id_is_a_valid_slug(string? name, string? kind, bool firstTaken)
    {
        var actor = Unnamed(name ?? "", kind ?? "");
        var first = IdMaker.ForActor(actor, NoneTaken);
        var id = firstTaken ? IdMaker.ForActor(actor, candidate => candidate == first) : first;
        return Ids.IsValid(id) && (!firstTaken || id != first);
    }
}
