using GraphApi.Core.Domain;

namespace GraphApi.Actors;

/// <summary>
/// What a caller sends to create or replace an actor. Every field is optional at the JSON level so that a
/// missing field comes back as a per-field validation error instead of a serializer failure.
/// </summary>
public sealed record ActorInput(
    string? Id,
    string? Name,
    IReadOnlyList<string>? Aliases,
    string? Kind,
    string? Country,
    IReadOnlyList<string>? Sectors,
    string? City,
    string? Website,
    string? Description,
    IReadOnlyList<string>? Sources,
    ContactDetails? Contact)
{
    public Actor ToActor(string? routeId = null) => new()
    {
        Id = Id ?? routeId ?? "",
        Name = Name ?? "",
        Aliases = Aliases ?? [],
        Kind = Kind ?? "",
        Country = Country ?? "",
        Sectors = Sectors ?? [],
        City = City,
        Website = Website,
        Description = Description,
        Sources = Sources ?? [],
        Contact = Contact,
    };
}
