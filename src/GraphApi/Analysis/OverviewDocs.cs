namespace GraphApi.Analysis;

/// <summary>The overview operation's OpenAPI descriptions.</summary>
public static class OverviewDocs
{
    public const string Overview =
        "Actors matching `kind`, `country`, `region` and `sector` (all optional, combined with AND, as in the actor list) " +
        "with x/y positions (ForceAtlas2, deterministic) and one edge per tied pair, as node-index pairs in `edges`. " +
        "When more than `limit` actors match, the ones with the most ties to other matching actors are kept (then by id), `truncated` is " +
        "true and `matching` says how many matched. For a member of a workspace the overview holds the workspace's private actors and ties " +
        "too, and `privateNodes` / `privateEdges` say which (node indices; edge indices k, an edge counting when at least one of its ties is " +
        "private); for anyone else both are empty. Computed once per graph version and filter; the ETag names the graph version and the " +
        "question, so If-None-Match answers 304 while the graph is unchanged. A layout not computed yet takes one of the analysis slots: " +
        "when all are busy past a brief wait, or the layout runs past the analyses' time budget, 503 with Retry-After or advice.";

    public const string Limit = "The most actors to lay out: 1-25000, default 10000.";
}
