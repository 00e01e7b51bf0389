namespace GraphApi.Relationships;

/// <summary>The longer descriptions of the relationship operations, as the OpenAPI document gives them.</summary>
public static class RelationshipDocs
{
    public const string List =
        "`actor` returns the ties at either end of that actor (404 if there is no such actor); `type` only ties of that type (any case). " +
        "Ordered by id; paged with `limit` (1-500, default 50) and `offset`: `total` counts every match and `next` (also sent as a `Link` " +
        "header) is the next page's URL.";

    public const string Get =
        "The relationship with its evidence. The `ETag` header carries its revision: send it in If-None-Match for a 304 while it holds, " +
        "and in If-Match when replacing or deleting it.";

    public const string Create =
        "Both ends must exist, the type must be in the catalogue (GET /api/relationship-types; any case), 0 < strength <= 1, since <= until. " +
        "Dates may be YYYY, YYYY-MM or YYYY-MM-DD and keep that precision. Without `id` the relationship gets a readable, unique one " +
        "made from source, type and target (`pole-eau-mou-kicox`, then `pole-eau-mou-kicox-2`, …), returned in the body and `Location`; " +
        "409 if the id given is taken. Editor role.";

    public const string Update =
        "A full replace: send the whole relationship, as for a create (a field left out is cleared). Send If-Match with the ETag you read " +
        "so as not to overwrite someone else's change (412 if it moved); 404 if there is no such relationship. Editor role.";

    public const string Delete =
        "If-Match with the ETag you read makes it conditional (412 if it moved); 404 if there is no such relationship. Editor role.";

    public const string Types =
        "Each type's direction semantics and default introduction strength: the estimated chance that this tie alone carries a warm " +
        "introduction. A relationship's own `strength` overrides its type's.";

    public const string IdParameter = "The relationship's id, e.g. `kicox-board-member-of-tci-network`.";
}
