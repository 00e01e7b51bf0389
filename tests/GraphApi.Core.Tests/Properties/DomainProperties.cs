using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GraphApi.Core.Domain;

namespace GraphApi.Core.Tests.Properties;

public sealed class DomainProperties
{
    private static readonly RelationshipTypeCatalogue Catalogue = RelationshipTypeCatalogue.Default;

    [Property]
    public Property PartialDate_text_round_trips_at_its_precision() =>
        Prop.ForAll(DomainGenerators.PartialDates.ToArbitrary(), date =>
            PartialDate.TryParse(date.ToString(), out var parsed) && parsed == date);

    [Property]
    public Property PartialDate_json_round_trips() =>
        Prop.ForAll(DomainGenerators.PartialDates.ToArbitrary(), date =>
            JsonSerializer.Deserialize<PartialDate>(JsonSerializer.Serialize(date)) == date);

    [Property]
    public Property PartialDate_start_is_not_after_end_and_both_are_inside_the_year() =>
        Prop.ForAll(DomainGenerators.PartialDates.ToArbitrary(), date =>
            date.Start <= date.End && date.Start.Year == date.Year && date.End.Year == date.Year);

    [Property]
    public Property Whatever_text_parses_as_a_date_prints_back_as_that_text() =>
        Prop.ForAll(ArbMap.Default.ArbFor<string>(), text =>
            !PartialDate.TryParse(text, out var parsed) || parsed.ToString() == text.Trim());

    [Property]
    public Property Dates_compare_like_their_first_days() =>
        Prop.ForAll(DomainGenerators.PartialDates.ToArbitrary(), DomainGenerators.PartialDates.ToArbitrary(), (a, b) =>
            a.Start == b.Start || Math.Sign(a.CompareTo(b)) == Math.Sign(a.Start.CompareTo(b.Start)));

    [Property]
    public Property Every_generated_valid_actor_is_accepted() =>
        Prop.ForAll(DomainGenerators.ValidActors.ToArbitrary(), actor => ActorRules.Validate(actor).IsEmpty);

    [Property]
    public Property An_actor_with_a_non_slug_id_is_refused_on_its_id() =>
        Prop.ForAll(DomainGenerators.ValidActors.ToArbitrary(), DomainGenerators.NonSlugs.ToArbitrary(), (actor, id) =>
            ActorRules.Validate(actor with { Id = id }).ToDictionary().ContainsKey("id"));

    [Property]
    public Property An_actor_name_with_a_control_character_is_refused() =>
        Prop.ForAll(DomainGenerators.ValidActors.ToArbitrary(), Gen.Choose(0, 31).ToArbitrary(), (actor, code) =>
            ActorRules.Validate(actor with { Name = "a" + (char)code + "b" }).ToDictionary().ContainsKey("name"));

    [Property]
    public Property Slugs_are_valid_ids_and_non_slugs_are_not() =>
        Prop.ForAll(DomainGenerators.Slugs.ToArbitrary(), DomainGenerators.NonSlugs.ToArbitrary(), (slug, other) =>
            Ids.IsValid(slug) && !Ids.IsValid(other));

    [Property]
    public Property Strengths_outside_zero_to_one_are_refused() =>
        Prop.ForAll(DomainGenerators.BadStrengths.ToArbitrary(), strength =>
            RelationshipRules.Validate(Tie() with { Strength = strength }, Catalogue).ToDictionary().ContainsKey("strength"));

    [Property]
    public Property Strengths_in_zero_to_one_are_accepted() =>
        Prop.ForAll(DomainGenerators.GoodStrengths.ToArbitrary(), strength =>
            RelationshipRules.Validate(Tie() with { Strength = strength }, Catalogue).IsEmpty);

    [Property]
    public Property Only_catalogue_types_are_accepted() =>
        Prop.ForAll(ArbMap.Default.ArbFor<string>(), type =>
            RelationshipRules.Validate(Tie() with { Type = type ?? "" }, Catalogue).ToDictionary().ContainsKey("type") != Catalogue.IsKnown(type ?? ""));

    [Property]
    public Property A_tie_whose_until_precedes_its_since_is_refused() =>
        Prop.ForAll(DomainGenerators.PartialDates.ToArbitrary(), DomainGenerators.PartialDates.ToArbitrary(), (a, b) =>
            RelationshipRules.Validate(Tie() with { Since = a, Until = b }, Catalogue).ToDictionary().ContainsKey("until") == (a.Start > b.End));

    private static Relationship Tie() => new() { Id = "a-b", Source = "aa", Target = "bb", Type = "MOU" };
}
