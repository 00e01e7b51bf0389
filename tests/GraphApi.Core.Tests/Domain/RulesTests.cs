using GraphApi.Core.Domain;

namespace GraphApi.Core.Tests.Domain;

public class RulesTests
{
    private static Actor ValidActor => new() { Id = "pole-eau", Name = "Pôle Eau", Kind = "Cluster", Country = "FR", Aliases = ["France Water Team"] };

    private static Relationship ValidTie => new() { Id = "pole-eau-mou-kicox", Source = "pole-eau", Target = "kicox", Type = "MOU" };

    [Fact]
    public void A_valid_actor_passes() => Assert.True(ActorRules.Validate(ValidActor).IsEmpty);

    [Fact]
    public void Every_broken_actor_field_is_named()
    {
        var errors = ActorRules.Validate(ValidActor with { Id = "Bad Id", Name = " ", Kind = "Blob", Country = "fr", Website = "ftp://x" }).ToDictionary();
        Assert.Equal(["country", "id", "kind", "name", "website"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("a")]
    [InlineData("-abc")]
    [InlineData("ABC")]
    [InlineData("a_b")]
    [InlineData("../etc")]
    [InlineData("a/b")]
    [InlineData("kicox\n")]
    public void Rejects_ids_that_are_not_slugs(string id) => Assert.False(Ids.IsValid(id));

    [Fact]
    public void Rejects_an_id_over_64_characters() => Assert.False(Ids.IsValid(new string('a', 65)));

    [Fact]
    public void Rejects_long_names_and_control_characters()
    {
        Assert.Contains("name", ActorRules.Validate(ValidActor with { Name = new string('x', 10_000) }).ToDictionary().Keys);
        Assert.Contains("name", ActorRules.Validate(ValidActor with { Name = "a\u0000b" }).ToDictionary().Keys);
        Assert.Contains("aliases[0]", ActorRules.Validate(ValidActor with { Aliases = ["ok\u0007"] }).ToDictionary().Keys);
    }

    [Fact]
    public void Accepts_korean_names_and_the_eu_code() =>
        Assert.True(ActorRules.Validate(ValidActor with { Name = "한국산업단지공단", Country = "EU" }).IsEmpty);

    [Fact]
    public void A_valid_relationship_passes() => Assert.True(RelationshipRules.Validate(ValidTie, RelationshipTypeCatalogue.Default).IsEmpty);

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.5)]
    [InlineData(1.0001)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Strength_must_be_in_zero_one(double strength) =>
        Assert.Contains("strength", RelationshipRules.Validate(ValidTie with { Strength = strength }, RelationshipTypeCatalogue.Default).ToDictionary().Keys);

    [Fact]
    public void Self_ties_unknown_types_and_reversed_dates_are_rejected()
    {
        var errors = RelationshipRules.Validate(
            ValidTie with { Target = "pole-eau", Type = "KNOWS) DETACH DELETE n //", Since = PartialDate.Parse("2016"), Until = PartialDate.Parse("2015") },
            RelationshipTypeCatalogue.Default).ToDictionary();
        Assert.Equal(["target", "type", "until"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Same_year_since_and_more_precise_until_is_allowed() =>
        Assert.True(RelationshipRules.Validate(ValidTie with { Since = PartialDate.Parse("2015"), Until = PartialDate.Parse("2015-03") }, RelationshipTypeCatalogue.Default).IsEmpty);

    [Theory]
    [InlineData("KR", "KR")]
    [InlineData("FR", "EU")]
    [InlineData("EU", "EU")]
    [InlineData("US", "OTHER")]
    [InlineData("GB", "OTHER")]
    public void Region_is_derived_from_country(string country, string region) => Assert.Equal(region, Regions.Default.Of(country));

    [Fact]
    public void Regions_can_be_extended() =>
        Assert.Equal("US", new Regions(new Dictionary<string, IReadOnlyList<string>> { ["US"] = ["US"] }).Of("US"));

    [Fact]
    public void The_catalogue_has_the_documented_defaults()
    {
        var catalogue = RelationshipTypeCatalogue.Default;
        Assert.Equal(0.9, catalogue["MOU"].Strength);
        Assert.False(catalogue["MOU"].Directed);
        Assert.True(catalogue["MANAGES"].Directed);
        Assert.Equal(0.4, catalogue["MET_AT"].Strength);
        Assert.Equal(9, catalogue.All.Count);
    }
}
