using System.ComponentModel.DataAnnotations;
using GraphApi.Core.Domain;

namespace GraphApi.Relationships;

/// <summary>What a caller sends to create or replace a relationship (see <see cref="Actors.ActorInput"/> for why all is optional).</summary>
public sealed record RelationshipInput(
    string? Id,
    string? Source,
    string? Target,
    string? Type,
    PartialDate? Since,
    PartialDate? Until,
    [property: Range(0.0, 1.0, MinimumIsExclusive = true)] double? Strength,
    EventInfo? Event,
    string? Note,
    Evidence? Evidence,
    bool? Inferred)
{
    public Relationship ToRelationship(string? routeId = null) => new()
    {
        Id = Id ?? routeId ?? "",
        Source = Source ?? "",
        Target = Target ?? "",
        Type = Type ?? "",
        Since = Since,
        Until = Until,
        Strength = Strength,
        Event = Event,
        Note = Note,
        Evidence = Evidence,
        Inferred = Inferred ?? false,
    };
}
