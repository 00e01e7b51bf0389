using System.Text;
using GraphApi.Core.Domain;

namespace GraphApi.Core.Tests.Domain;

/// <summary>The text rule as the domain's entries apply it: every text field of actors and relationships, merges, ids, filters.</summary>
public class TextRuleEntryTests
{
    private static readonly string Nfd = "Po\u0302le Eau".Normalize(NormalizationForm.FormD);

    private static Actor ValidActor => new() { Id = "pole-eau", Name = "Pôle Eau", Kind = "Cluster", Country = "FR" };

    private static Relationship ValidTie => new() { Id = "pole-eau-mou-kicox", Source = "pole-eau", Target = "kicox", Type = "MOU" };

    public static TheoryData<string, Func<string, Actor>> ActorFields() => new()
    {
        { "name", v => ValidActor with { Name = v } },
        { "aliases[1]", v => ValidActor with { Aliases = ["ok", v] } },
        { "sectors[0]", v => ValidActor with { Sectors = [v] } },
        { "city", v => ValidActor with { City = v } },
        { "website", v => ValidActor with { Website = "https://example.org/" + v } },
        { "description", v => ValidActor with { Description = v } },
        { "sources[0]", v => ValidActor with { Sources = [v] } },
        { "contact.email", v => ValidActor with { Contact = new ContactDetails(v + "@example.org", null) } },
        { "contact.phone", v => ValidActor with { Contact = new ContactDetails(null, v) } },
    };

    [Theory]
    [MemberData(nameof(ActorFields))]
    public void Every_actor_text_field_refuses_a_noncharacter_by_name(string field, Func<string, Actor> with)
    {
        var errors = ActorRules.Validate(with("x\uFFFE")).ToDictionary();
        Assert.Equal([field], errors.Keys);
        Assert.Contains("contains U+FFFE, a noncharacter, at position", Assert.Single(errors[field]), StringComparison.Ordinal);
    }

    public static TheoryData<string, Func<string, Relationship>> RelationshipFields() => new()
    {
        { "note", v => ValidTie with { Note = v } },
        { "evidence.document", v => ValidTie with { Evidence = new Evidence(v, null, null) } },
        { "evidence.section", v => ValidTie with { Evidence = new Evidence(null, v, null) } },
        { "evidence.quote", v => ValidTie with { Evidence = new Evidence(null, null, v) } },
        { "event.name", v => ValidTie with { Event = new EventInfo(v, null, null) } },
        { "event.place", v => ValidTie with { Event = new EventInfo(null, null, v) } },
    };

    [Theory]
    [MemberData(nameof(RelationshipFields))]
    public void Every_relationship_text_field_refuses_a_bidi_override_by_name(string field, Func<string, Relationship> with)
    {
        var errors = RelationshipRules.Validate(with("\u202Ex"), RelationshipTypeCatalogue.Default).ToDictionary();
        Assert.Equal([field], errors.Keys);
        Assert.StartsWith("contains U+202E, a bidirectional embedding or override", Assert.Single(errors[field]), StringComparison.Ordinal);
    }

    [Fact]
    public void Names_aliases_and_sectors_refuse_invisible_characters_but_descriptions_keep_them()
    {
        var actor = ValidActor with { Name = "KI\u200BCOX", Aliases = ["K\u2060I"], Sectors = ["\uFEFFwater"], Description = "soft\u00ADhyphen, \u200Fmark" };
        Assert.Equal(["aliases[0]", "name", "sectors[0]"], ActorRules.Validate(actor).ToDictionary().Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void List_entries_refuse_the_separator_every_export_joins_them_with()
    {
        var errors = ActorRules.Validate(ValidActor with { Aliases = ["ok", "한국|EU"], Sectors = ["a|b"], Sources = ["p. 4 | §2"] }).ToDictionary();
        Assert.Equal(["aliases[1]", "sectors[0]", "sources[0]"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("contains '|' at position 3, which separates list entries in the CSV, GraphML and GEXF exports", Assert.Single(errors["aliases[1]"]));
    }

    [Fact]
    public void Multi_line_fields_keep_line_breaks_single_line_fields_refuse_them()
    {
        var tie = ValidTie with { Note = "one\r\ntwo\tthree", Evidence = new Evidence("doc\nument", null, "quote\nline") };
        Assert.Equal(["evidence.document"], RelationshipRules.Validate(tie, RelationshipTypeCatalogue.Default).ToDictionary().Keys);
    }

    [Fact]
    public void An_actor_is_stored_nfc_and_trimmed_in_every_text_field()
    {
        var actor = ActorRules.Normalised(ValidActor with
        {
            Name = Nfd + " ", Aliases = [Nfd], Sectors = [Nfd], City = Nfd, Website = "https://example.org/" + Nfd, Description = " " + Nfd,
            Sources = [Nfd], Contact = new ContactDetails(Nfd + "@example.org", Nfd),
        });
        string?[] texts = [actor.Name, .. actor.Aliases, .. actor.Sectors, actor.City, actor.Description, .. actor.Sources, actor.Contact!.Phone];
        Assert.All(texts, t => Assert.Equal("Pôle Eau", t));
        Assert.Equal("https://example.org/Pôle Eau", actor.Website);
        Assert.Equal("Pôle Eau@example.org", actor.Contact.Email);
    }

    [Fact]
    public void A_relationship_is_stored_nfc_and_empty_evidence_or_event_is_no_evidence_or_event()
    {
        var tie = RelationshipRules.Normalised(ValidTie with { Note = Nfd, Evidence = new Evidence(Nfd, Nfd, Nfd), Event = new EventInfo(Nfd, null, Nfd) });
        string?[] texts = [tie.Note, tie.Evidence!.Document, tie.Evidence.Section, tie.Evidence.Quote, tie.Event!.Name, tie.Event.Place];
        Assert.All(texts, t => Assert.Equal("Pôle Eau", t));
        var empty = RelationshipRules.Normalised(ValidTie with { Evidence = new Evidence(" ", null, ""), Event = new EventInfo(" ", null, null) });
        Assert.Null(empty.Evidence);
        Assert.Null(empty.Event);
    }

    [Fact]
    public void A_merge_joins_aliases_in_nfc_without_repeating_one_stored_decomposed()
    {
        var into = ValidActor with { Aliases = [Nfd] };
        var merged = new Actor { Id = "pole-eau-crm", Name = Nfd, Aliases = ["France Water Team"], Kind = "Cluster", Country = "FR", Sources = [Nfd] };
        var plan = ActorMergePlanner.Plan(merged, into, [], [], RelationshipTypeCatalogue.Default, collapse: false, version: 1);
        Assert.Equal(["France Water Team"], plan.IntoActor.Aliases);
        Assert.Equal(["Pôle Eau"], plan.IntoActor.Sources);
    }

    [Fact]
    public void Normalising_is_safe_on_an_actor_the_checks_refuse()
    {
        // The JSON import normalises every item, valid or not, to report on them all.
        var actor = ValidActor with { Aliases = ["e\u0301", null!], Sectors = [null!], Name = "x\uFFFE" };
        var normalised = ActorRules.Normalised(actor);
        Assert.Equal(["é", null!], normalised.Aliases);
        Assert.Equal("x\uFFFE", normalised.Name);
        Assert.Equal(["aliases[1]", "name", "sectors[0]"], ActorRules.Validate(actor).ToDictionary().Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_merge_is_refused_when_text_stored_before_the_rule_breaks_it()
    {
        // As GraphService checks a merge's plan: an alias stored before the rule existed must be fixed first (a 400), not stored again.
        var merged = new Actor { Id = "spoof", Name = "\u202Egnp.exe", Kind = "Company", Country = "FR" };
        var plan = ActorMergePlanner.Plan(merged, ValidActor, [], [], RelationshipTypeCatalogue.Default, collapse: false, version: 1);
        var errors = ActorRules.Validate(plan.IntoActor).ToDictionary();
        Assert.StartsWith("contains U+202E", Assert.Single(errors["aliases[0]"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Ids_are_made_from_any_name_without_throwing()
    {
        foreach (var name in new[] { "Bad\uFFFEName", "x" + (char)0xD800 })
        {
            Assert.True(Ids.IsValid(IdMaker.ForActor(ValidActor with { Name = name }, _ => false)));
        }
    }

    [Fact]
    public void A_sector_filter_refuses_what_the_rule_refuses_and_is_compared_in_nfc()
    {
        var errors = new ValidationErrors();
        Assert.Null(ActorFilterRules.Check(new ActorFilter(Sector: "wa\uFFFEter"), Regions.Default, errors, "to."));
        Assert.Equal("contains U+FFFE, a noncharacter, at position 3", Assert.Single(errors.ToDictionary()["to.sector"]));
        var filter = ActorFilterRules.Check(new ActorFilter(Sector: Nfd), Regions.Default, new ValidationErrors());
        Assert.True(filter!.Matches(ActorRules.Normalised(ValidActor with { Sectors = [Nfd] })));
    }
}
