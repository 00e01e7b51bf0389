using System.ComponentModel.DataAnnotations;
using GraphApi.Core.Domain;
using GraphApi.Http.Input;

namespace GraphApi.Relationships;

/// <summary>
/// A relationship to create (POST) or the whole of one to replace it (PUT: a field left out is cleared). Required:
/// `source`, `target`, `type`; both ends must exist. A relationship as read (GET) can be sent back as it is.
/// </summary>
/// <param name="Id">The id, a slug such as `pole-eau-mou-kicox`. Left out on POST: one is made from source, type and target (then `-2`, …). On PUT it may be left out, else it must equal the URL's: ids cannot change.</param>
/// <param name="Source">The id of the actor the tie starts from (for directed types, e.g. the member of a board).</param>
/// <param name="Target">The id of the actor it goes to; not the source.</param>
/// <param name="Type">Its type, from the catalogue (GET /api/relationship-types), in any case.</param>
/// <param name="Since">When it began: YYYY, YYYY-MM or YYYY-MM-DD, kept at that precision; not after `until`.</param>
/// <param name="Until">When it ended, likewise; left out while it lasts.</param>
/// <param name="Strength">Its own introduction strength (greater than 0, at most 1), overriding its type's default.</param>
/// <param name="Event">For ties made at an event (MET_AT): the event's name, date and place.</param>
/// <param name="Note">A free note (multi-line text).</param>
/// <param name="Evidence">The document that states the tie: its name, the section or page, and a short quote.</param>
/// <param name="Inferred">true when the source implies rather than states the tie. Default false.</param>
/// <param name="Visibility">On POST: `public` (everyone's) or `private` (your workspace's only; it may join public actors and your workspace's own). Default: `private` for a key bound to a workspace, `public` otherwise. On PUT it may be left out, else it must be the tie's own: POST /api/relationships/{id}/visibility changes it.</param>
public sealed record RelationshipInput(
    string? Id,
    string? Source,
    string? Target,
    [property: OneOf(Sets.RelationshipType)] string? Type,
    PartialDate? Since,
    PartialDate? Until,
    [property: Range(0.0, 1.0, MinimumIsExclusive = true)] double? Strength,
    EventInfo? Event,
    string? Note,
    Evidence? Evidence,
    bool? Inferred,
    [property: OneOf(Workspaces.WorkspaceRegistration.Visibility)] string? Visibility = null)
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

/// <summary>
/// A typed tie between two actors, with the evidence that states it. Every tie can be travelled both ways for an
/// introduction; `source` → `target` is its stored direction. The `ETag` header of a GET carries its revision.
/// </summary>
/// <param name="Id">Its id.</param>
/// <param name="Source">The actor it starts from.</param>
/// <param name="Target">The actor it goes to.</param>
/// <param name="Type">Its type (GET /api/relationship-types says which types are directed and their default strength).</param>
/// <param name="Since">When it began, at the precision known (YYYY, YYYY-MM or YYYY-MM-DD).</param>
/// <param name="Until">When it ended, at the precision known; absent while it lasts.</param>
/// <param name="Strength">Its own introduction strength, when it overrides its type's default.</param>
/// <param name="Event">For ties made at an event: the event's name, date and place.</param>
/// <param name="Note">A free note.</param>
/// <param name="Evidence">The document that states the tie: its name, the section or page, and a short quote.</param>
/// <param name="Inferred">Whether the source implies rather than states the tie (such ties carry a lowered strength).</param>
/// <param name="Visibility">`public`, or `private`: your workspace's own tie, seen by its members only.</param>
/// <param name="Workspace">For a private tie: the id of your workspace, which owns it.</param>
public sealed record RelationshipView(
    string Id,
    string Source,
    string Target,
    [property: OneOf(Sets.RelationshipType)] string Type,
    PartialDate? Since,
    PartialDate? Until,
    double? Strength,
    EventInfo? Event,
    string? Note,
    Evidence? Evidence,
    bool Inferred,
    [property: OneOf(Workspaces.WorkspaceRegistration.Visibility)] string Visibility = Workspaces.WorkspaceRegistration.Public,
    string? Workspace = null);

/// <summary>One type of the relationship-type catalogue.</summary>
/// <param name="Name">The type's name, as relationships and filters give it.</param>
/// <param name="Directed">Whether `source` → `target` means something for this type (a member and its body); undirected types read the same either way.</param>
/// <param name="Strength">Its default introduction strength: the estimated chance that this tie alone carries a warm introduction (0 to 1).</param>
/// <param name="Description">What the type means.</param>
public sealed record RelationshipTypeView([property: OneOf(Sets.RelationshipType)] string Name, bool Directed, double Strength, string Description);
