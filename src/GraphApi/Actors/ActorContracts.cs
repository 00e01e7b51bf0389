using GraphApi.Core.Domain;
using GraphApi.Http.Input;

namespace GraphApi.Actors;

/// <summary>
/// An actor to create (POST) or the whole of one to replace it (PUT: a field left out is cleared). Required: `name`,
/// `kind`, `country`; every other field may be left out. Text fields follow the text rule (see the document's
/// description). An actor as read (GET) can be sent back as it is.
/// </summary>
/// <param name="Id">The id, a slug such as `pole-eau` (lower-case letters, digits and '-', 2-64 characters). Left out on POST: one is made from the name (`pole-eau`, then `pole-eau-2`, …). On PUT it may be left out, else it must equal the URL's: ids cannot change.</param>
/// <param name="Name">The actor's name as it calls itself, at most 200 characters.</param>
/// <param name="Aliases">Other names it is found by: acronyms, names in other languages (Korean names such as 한국산업단지공단). At most 30.</param>
/// <param name="Kind">What kind of actor it is (any case).</param>
/// <param name="Country">Where it is based: an ISO 3166-1 alpha-2 code, or EU for EU bodies (any case). Its region is derived from it.</param>
/// <param name="Region">Accepted and ignored: the region is derived from `country` (it is part of what GET answers, so an actor as read can be sent back).</param>
/// <param name="Sectors">The sectors it works in (free text, e.g. `water`, `mobility`). At most 20; the first is its main one.</param>
/// <param name="City">The city it is based in.</param>
/// <param name="Website">Its website: an absolute http or https URL.</param>
/// <param name="Description">What it does, in a few lines (multi-line text).</param>
/// <param name="Sources">Where its record comes from (a report section, a CRM import). At most 30.</param>
/// <param name="Contact">A person's e-mail and phone: personal data, shown to editors and admins only.</param>
/// <param name="Visibility">On POST: `public` (everyone's) or `private` (your workspace's only). Default: `private` for a key bound to a workspace, `public` otherwise. On PUT it may be left out, else it must be the actor's own: POST /api/actors/{id}/visibility changes it.</param>
public record ActorInput(
    string? Id,
    string? Name,
    IReadOnlyList<string>? Aliases,
    [property: OneOf(Sets.Kind)] string? Kind,
    [property: OneOf(Sets.Country)] string? Country,
    IReadOnlyList<string>? Sectors,
    string? City,
    string? Website,
    string? Description,
    IReadOnlyList<string>? Sources,
    ContactDetails? Contact,
    string? Region = null,
    [property: OneOf(Workspaces.WorkspaceRegistration.Visibility)] string? Visibility = null)
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

/// <summary>
/// An organisation, network, programme or person of the cooperation network. The `ETag` header of a GET carries its
/// revision (send it in If-Match when replacing it).
/// </summary>
/// <param name="Id">Its id, a stable slug such as `kicox` or `pole-eau`.</param>
/// <param name="Name">Its name.</param>
/// <param name="Aliases">Other names it is found by: acronyms, names in other languages.</param>
/// <param name="Kind">What kind of actor it is.</param>
/// <param name="Country">Where it is based: an ISO 3166-1 alpha-2 code, or EU for EU bodies.</param>
/// <param name="Region">The region its country belongs to (EU, KR, OTHER, or as the deployment configures), derived on every read.</param>
/// <param name="Sectors">The sectors it works in; the first is its main one.</param>
/// <param name="City">The city it is based in, if known.</param>
/// <param name="Website">Its website, if known.</param>
/// <param name="Description">What it does, if described.</param>
/// <param name="Sources">Where its record comes from.</param>
/// <param name="Contact">A person's e-mail and phone: given to editors and admins only, never exported.</param>
/// <param name="Visibility">`public`, or `private`: your workspace's own actor, seen by its members only.</param>
/// <param name="Workspace">For a private actor: the id of your workspace, which owns it.</param>
public sealed record ActorView(
    string Id,
    string Name,
    IReadOnlyList<string> Aliases,
    [property: OneOf(Sets.Kind)] string Kind,
    [property: OneOf(Sets.Country)] string Country,
    [property: OneOf(Sets.Region)] string Region,
    IReadOnlyList<string> Sectors,
    string? City,
    string? Website,
    string? Description,
    IReadOnlyList<string> Sources,
    ContactDetails? Contact,
    [property: OneOf(Workspaces.WorkspaceRegistration.Visibility)] string Visibility = Workspaces.WorkspaceRegistration.Public,
    string? Workspace = null);

/// <summary>The answer to deleting an actor: its relationships go with it, and the caller is told which.</summary>
/// <param name="Id">The deleted actor's id.</param>
/// <param name="RemovedRelationships">How many relationships were deleted with it (every tie it had).</param>
/// <param name="RemovedRelationshipIds">The ids of those relationships.</param>
public sealed record ActorDeleted(string Id, int RemovedRelationships, IReadOnlyList<string> RemovedRelationshipIds);
