namespace GraphApi.Routes;

/// <summary>The route operations' OpenAPI descriptions: the rules a caller needs to read an answer.</summary>
public static class RouteDocs
{
    public const string Introductions =
        "Ranked introduction routes from any of the `from` actors to `to`: one actor (`{\"id\":…}`) or any actor matching a filter " +
        "(`{\"kind\",\"country\",\"region\",\"sector\"}`, combined with AND, e.g. any MiniCluster in KR).\n\n" +
        "* **Both directions**: every relationship can be travelled either way; each step reports its stored `direction` " +
        "(`forward` when travel follows stored source → target, `backward` otherwise) and the stored `source`/`target`.\n" +
        "* **Strength** of a hop: s = strength × 0.5^(age / halfLifeYears), where strength is the relationship's override or its type's default " +
        "(GET /api/relationship-types) and age = asOf (or today) − since, in years. No decay when `since` is unknown or `halfLifeYears` is omitted; " +
        "otherwise `halfLifeYears` is 0.1-10000. A hop decayed below about 1e-308 shows strength 0 (and its route score 0) while its cost stays finite.\n" +
        "* **Cost** of a hop = −ln s; a route's `cost` is the sum, its `score` = Π s (0..1, higher is better). " +
        "The best route has the least cost; ties (costs equal to 1e-9) go to fewer hops, then to the alphabetically smaller sequence of actor ids.\n" +
        "* `k` (1-10, default 3) alternatives, best first (Yen's loopless k-shortest routes). `distinctTargets`: each route ends at a different actor. " +
        "`disjoint`: no route passes through or ends at an actor an earlier route passes through, nor repeats an earlier direct tie.\n" +
        "* `maxHops` (1-8, default 6) bounds the route length exactly (a longer cheapest route does not hide a shorter one). " +
        "`relationshipTypes` restricts the ties used; `avoid` actors are never visited; `asOf` (YYYY-MM-DD) ignores ties not in force that day " +
        "(started after it, or ended before it).\n" +
        "* Routes start at a `from` actor and never pass through or end at another one. Between the same two actors a hop uses the strongest tie.\n" +
        "* `strengths`: `stated` (default) uses each relationship's own strength; `learned` uses what the introduction ledger learned of it " +
        "(POST /api/introductions), through the same decay and cost rule. Every step shows its `learned` estimate and trial counts either way.\n\n" +
        "Unknown ids → 404 naming them; bad fields → 400 per field; no route → 200 with an empty `routes` and a `reason`.";

    public const string Shortest =
        "Counts hops only (no strengths, decay or filters); every relationship can be travelled both ways. `from` is one actor id or " +
        "several, comma-separated: the path is then the fewest hops from any of them (it never passes through another one). Among equally " +
        "short paths the alphabetically smallest sequence of actor ids wins (so, among equally near `from` actors, the first in id order), " +
        "and each hop uses the strongest tie between its actors. Answers in the same shape as introduction routes (score and cost from base " +
        "strengths); unknown ids → 404 naming them; no path → 200 with empty `routes` and a `reason`.";

    public const string ShortestFrom =
        "Where the path starts: one actor id, or several comma-separated (at most 100), e.g. `pole-eau,kicox`: the path starts at the nearest.";

    public const string ShortestTo = "The actor id where the path ends; not one of `from`.";

    public const string BestNextTie =
        "Whom should `from` meet next? Each candidate is tried as one new tie `from`–candidate of `type` (default MOU, counted at its " +
        "catalogue strength, undated so it never decays). With the tie, the best route to `to` (one actor, or any actor matching a filter) is the " +
        "better of today's best route and the route the tie opens: `from` → candidate, then the candidate's best existing route of at most " +
        "`maxHops` − 1 hops that does not pass back through `from`. Routes, strengths, costs (−ln s, compared to 1e-9) and tie-breaking are " +
        "those of POST /api/routes/introductions.\n\n" +
        "* `from`: one actor id or a list of them. Several actors act as one (a consortium, an organisation and its branches): today's best " +
        "route is the best from any of them (as POST /api/routes/introductions with that `from`), candidates are actors outside the list and " +
        "not tied to any of it, and the new tie is made by the list's first actor in id order — each of them would open a route of the " +
        "same cost and hops, and routes tie-break on the id sequence, which starts with the `from` actor. One actor gives the same answer " +
        "as before lists were allowed.\n" +
        "* `candidates`: a filter over actors (kind / country / region / sector, AND); default every actor. Actors already tied to `from` are " +
        "left out unless `includeTied` is true.\n" +
        "* **Ranking**, best first: the best score with the tie (higher first); then `newlyReachable`, the number of target actors a route of at most " +
        "`maxHops` reaches with the tie and not without it (more first); then, among ties that raise the score, the hops of the route they open (fewer first); then the " +
        "candidate's id. Candidates that neither raise the best score (`gain` > 0) nor reach a new target are left out.\n" +
        "* Exact for every candidate at the cost of one backward, hop-layered search from the targets (bounded by today's best cost), plus a " +
        "reachability count for the targets no route reaches today.\n\n" +
        "Unknown ids → 404 naming them; bad fields → 400 per field.";
}
