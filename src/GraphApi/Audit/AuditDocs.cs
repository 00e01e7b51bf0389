namespace GraphApi.Audit;

/// <summary>The audit operation's description, as the OpenAPI document gives it.</summary>
public static class AuditDocs
{
    public const string Read =
        "Every change, newest first: who (the key's name), when, what (the entity's type and id), the operation and the entity's JSON " +
        "before and after. Filters combine with AND and are named after the fields they match: `entityType`, `entityId`, `who`, `operation`. " +
        "Paged like every list, with `limit` (1-500, default 50) and `offset`; `total` counts the matches and `next` (also a `Link` header) " +
        "is the next page's URL. A walk is anchored at the newest entry when it starts: `next` pins that entry's id as `upTo`, so entries " +
        "recorded meanwhile never shift the pages (start again without `upTo` to see them). Admin role.";

    public const string UpToParameter =
        "Read only entries up to and including this id (the anchor of a walk through the pages; `next` links carry it). Left out: up to the newest.";
}
