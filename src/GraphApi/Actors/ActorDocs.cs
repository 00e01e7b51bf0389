namespace GraphApi.Actors;

/// <summary>The longer descriptions of the actor operations, as the OpenAPI document gives them.</summary>
public static class ActorDocs
{
    public const string List =
        "`q` matches name, aliases (acronyms, Korean names such as 한국산업단지공단) and id, ignoring case and accents. " +
        "`q` (at most 200 characters) and `sector` are checked by the text rule (see the document's description): a character it refuses is a 400 naming it. " +
        "Filters combine with AND; `sector` matches any of an actor's sectors. Ordered by id; paged with `limit` (1-500, default 50) and `offset`: " +
        "`total` counts every match and `next` (also sent as a `Link` header) is the next page's URL.";

    public const string Get =
        "The `ETag` header carries the actor's revision: send it in If-None-Match for a 304 while it holds, and in If-Match when replacing it. " +
        "The id of an actor merged into another (POST /api/actors/{id}/merge) answers 301 with the other's URL in `Location`, or 410 if that one is gone too.";

    public const string Create =
        "400 lists every broken field; 409 if the id is taken. Without `id` the actor gets a readable, unique one made from its name " +
        "(\"Pôle Eau\" → `pole-eau`, then `pole-eau-2`, …), returned in the body and `Location`. `region` is derived from `country`. Editor role.";

    public const string Update =
        "A full replace: send the whole actor, as for a create (a field left out is cleared). Send If-Match with the ETag you read so as not to " +
        "overwrite someone else's change (412 if it moved); 404 if there is no such actor. Editor role.";

    public const string Delete =
        "Deletes the actor and every relationship it has, and answers with how many relationships went with it, and which. " +
        "If-Match with the ETag you read makes it conditional (412 if it moved); 404 if there is no such actor. Editor role.";

    public const string Merge =
        "Merges the actor `{id}` into `into`, in one transaction: every relationship of `{id}` is re-pointed to `into`; its name and aliases " +
        "become aliases of `into` and its sources are added to those of `into`; relationships that would join `into` to itself (ties between " +
        "the two) are dropped and reported as `selfLoops`; relationships that end up with the same ends and type (either order for undirected " +
        "types) are reported as `duplicates` and kept, or with `duplicateTies: collapse` reduced to one (the one `into` already had, else the " +
        "smallest id). `{id}` is then deleted and answers GET with 301 to `into` from then on (410 if `into` is deleted later); the answer's " +
        "`Location` names `into`. `dryRun: true` answers the same without changing anything. If-Match carries the ETag of `{id}` (412 if it moved); " +
        "404 if either actor does not exist. Audited; editor role.";

    public const string Neighbourhood =
        "Actors within `depth` (1-3, default 1) hops of the actor, ties travelled both ways, nearest first then by id, " +
        "and every relationship among them. At most `limit` nodes (1-2000, default 200); `truncated` says whether farther actors were cut. " +
        "`asOf` (YYYY-MM-DD) uses only the ties in force that day, as the analyses' asOf does. 404 if there is no such actor.";

    public const string IdParameter = "The actor's id, e.g. `kicox`.";

    public const string DepthParameter = "How many hops out to go: 1-3, default 1.";

    public const string LimitNodesParameter = "At most this many actors: 1-2000, default 200 (the farthest are cut first).";
}
