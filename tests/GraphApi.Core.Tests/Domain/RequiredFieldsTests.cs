using GraphApi.Core.Domain;

namespace GraphApi.Core.Tests.Domain;

/// <summary>
/// The required fields the rules publish (the API's body schema and the CSV headers read them) are exactly the
/// fields their validation refuses when blank.
/// </summary>
public sealed class RequiredFieldsTests
{
    private static readonly Actor FullActor = new()
    {
        Id = "full", Name = "Full", Kind = "Cluster", Country = "FR", City = "Lyon", Website = "https://example.org", Description = "d",
    };

    private static readonly Relationship FullRelationship = new() { Id = "r1", Source = "aa", Target = "bb", Type = "MOU", Note = "n" };

    private static readonly Dictionary<string, Func<Actor, Actor>> BlankActorField = new()
    {
        ["name"] = a => a with { Name = " " },
        ["kind"] = a => a with { Kind = "" },
        ["country"] = a => a with { Country = "" },
        ["city"] = a => a with { City = null },
        ["website"] = a => a with { Website = null },
        ["description"] = a => a with { Description = null },
    };

    private static readonly Dictionary<string, Func<Relationship, Relationship>> BlankRelationshipField = new()
    {
        ["source"] = r => r with { Source = "" },
        ["target"] = r => r with { Target = " " },
        ["type"] = r => r with { Type = "" },
        ["note"] = r => r with { Note = null },
    };

    [Fact]
    public void An_actor_is_refused_for_a_blank_field_exactly_when_the_field_is_listed_as_required()
    {
        Assert.True(ActorRules.Validate(FullActor).IsEmpty);
        foreach (var (field, blank) in BlankActorField)
        {
            var errors = ActorRules.Validate(blank(FullActor)).ToDictionary();
            Assert.Equal(ActorRules.RequiredFields.Contains(field), errors.ContainsKey(field));
        }
        Assert.Equal(["is required and must not be blank"], ActorRules.Validate(FullActor with { Kind = "" }).ToDictionary()["kind"]);
    }

    [Fact]
    public void A_relationship_is_refused_for_a_blank_field_exactly_when_the_field_is_listed_as_required()
    {
        Assert.True(RelationshipRules.Validate(FullRelationship, RelationshipTypeCatalogue.Default).IsEmpty);
        foreach (var (field, blank) in BlankRelationshipField)
        {
            var errors = RelationshipRules.Validate(blank(FullRelationship), RelationshipTypeCatalogue.Default).ToDictionary();
            Assert.Equal(RelationshipRules.RequiredFields.Contains(field), errors.ContainsKey(field));
        }
        Assert.Equal(["is required and must not be blank"],
            RelationshipRules.Validate(FullRelationship with { Source = "", Target = "" }, RelationshipTypeCatalogue.Default).ToDictionary()["target"]);
    }

    [Fact]
    public void Every_required_field_is_covered_above()
    {
        Assert.Subset(BlankActorField.Keys.ToHashSet(), ActorRules.RequiredFields.ToHashSet());
        Assert.Subset(BlankRelationshipField.Keys.ToHashSet(), RelationshipRules.RequiredFields.ToHashSet());
    }
}
