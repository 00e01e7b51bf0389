namespace GraphApi.Introductions;

/// <summary>The ledger operations' OpenAPI descriptions.</summary>
public static class IntroductionDocs
{
    public const string Ledger =
        "The introduction ledger: what happened when someone asked for an introduction along a route.\n\n" +
        "**State machine** (a route of n hops; step k goes from path[k−1] to path[k]):\n" +
        "* `open` (k steps forwarded) → `forwarded` at step k+1 → `open`, or `reached` once all n are forwarded; " +
        "`declined` or `no-answer` at step k+1 → that status, final.\n" +
        "* `reached` → `met` → `met`; `met` → `agreement` → `agreement`, final.\n" +
        "* 400: unknown type, a step not on the route (outside 1..n), a step on met/agreement or none on a step event, a bad or future date. " +
        "409: anything else the table does not allow — an event after a final status, a step other than the next (out of order), " +
        "met before every step is forwarded, agreement before met, a date before the ask's or the last event's. A refused event changes nothing.\n\n" +
        "**Learned strengths**: each step outcome is a trial of its relationship (forwarded = success, declined / no-answer = failure; " +
        "steps never reached are not tried). Learned strength = (w·s + successes) / (w + trials), the mean of a Beta prior centred on the " +
        "stated strength s with weight w = 10, updated by the trials; POST /api/routes/introductions with `strengths: \"learned\"` routes on it.\n\n" +
        "**Caching**: the ledger's reads carry an ETag naming the ledger's state (asks and events recorded; the graph's version does not " +
        "move when the ledger is written), so If-None-Match answers 304 until something is recorded.\n\n" +
        "**Workspaces**: a caller sees, counts and learns from the public asks plus their workspace's private ones; another workspace's " +
        "ask answers exactly as an id that never existed, and its writes move no other caller's ETag.";

    public const string List =
        "Newest first: by the day asked (`askedOn`), then the time recorded. Filters combine with AND; `limit`/`offset` page the list, " +
        "`next` links the next page.\n\n" + Ledger;

    public const string Ask =
        "`route` is the route asked along as a route answer gives it: its `path` (requester first, target last) and one " +
        "relationship id per hop; it must be a route of the current graph (each relationship joins its two actors, either way round; " +
        "no actor twice; 1-8 hops), as the caller sees it (the public graph plus their workspace's records). Unknown requester or target → 404 naming them. " +
        "`visibility` defaults to `private` for a key bound to a workspace (the ask is its own) and `public` otherwise; an ask along any of the " +
        "workspace's private ties or actors must be private (400 naming them). The entry carries the API key's name (`recordedBy`, " +
        "shown to editors and admins only) and is in the audit log.\n\n" + Ledger;

    public const string Relationship =
        "Only for an ask whose status is `agreement`, once (409 otherwise). Creates requester → target of `type` (default MOU), since the " +
        "agreement's date, with the ledger entry as its evidence (document \"GraphApi introduction ledger\", section " +
        "\"/api/introductions/{id}\", quote = the agreement's evidence). A private ask's agreement becomes a private tie of its workspace.";

    public const string Requester =
        "Only asks by this actor id. An id that names no actor and appears in no ask is a 404 (a typo); asks of a deleted actor stay listed.";

    public const string Target = "Only asks to meet this actor id (404 as for `requester`).";

    public const string Status = "Only asks with this status (any case).";

    public const string Id = "The ask's id, as POST /api/introductions returned it.";
}
