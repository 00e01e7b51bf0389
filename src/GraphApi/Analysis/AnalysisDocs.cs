namespace GraphApi.Analysis;

/// <summary>The analysis endpoints' OpenAPI descriptions: they state the definitions callers need.</summary>
public static class AnalysisDocs
{
    public const string Brokerage =
        "Raw Gould–Fernandez brokerage counts per actor, the same as R `sna::brokerage` on this arc set. Arcs: with `directed=false` " +
        "(default) every relationship is two arcs; with `directed=true` relationships of directed types (MEMBER_OF, MANAGES, …) are one arc " +
        "from source to target and undirected types stay two arcs. Parallel relationships count once. A two-path i→j→k with i≠k and no arc " +
        "i→k makes j a broker, in a role set by the groups of i, j, k: **coordinator** (w_I) A→A→A; **itinerant** (consultant, w_O) A→B→A; " +
        "**representative** (b_IO) A→A→B; **gatekeeper** (b_OI) A→B→B; **liaison** (b_O) A→B→C; **total** = their sum. Undirected, " +
        "representative equals gatekeeper. `partition` = region (default), country, kind or sector. Sectors are multi-valued: an actor " +
        "is grouped by its **first listed sector**, or `none` when it lists none. `sort` = total (default) or a role, descending, ties by id; " +
        "`sort=actor` orders by id. `actors=a,b` restricts the list (404 if an id is unknown). `limit` 1-500 (default 50), `offset`.";

    public const string Centrality =
        "Measures on the undirected simple graph (one edge per pair of actors with any relationship), with NetworkX's definitions: " +
        "**degree** = distinct neighbours; **betweenness** = Brandes, Σ over unordered pairs of the share of shortest paths through the actor " +
        "(`betweenness_centrality(normalized=False)`), **betweennessNormalized** = × 2/((n−1)(n−2)); **closeness** = `closeness_centrality` " +
        "with the Wasserman–Faust scaling for disconnected graphs; **constraint** and **effectiveSize** = Burt's measures " +
        "(`nx.constraint`, `nx.effective_size`, unweighted; absent for isolates, where they are undefined); **component** = connected " +
        "component number. `measures` = any of degree,betweenness,closeness,constraint,effectiveSize (default all); unrequested ones are " +
        "omitted. `weighted=true` makes betweenness and closeness use route costs −ln(strength) (strongest relationship per pair) as " +
        "lengths, quantised to whole nano-nats as the introduction routes compare them, so equally short paths are exact ties. " +
        "`sample=k` estimates betweenness from k pivot sources drawn with `seed` (default 42), scaled by n/k, with no stated error. " +
        "`epsilon=ε` (0.001–0.5, with `delta=δ`, 0<δ<1, default 0.1) estimates unweighted betweenness with a guarantee, after Riondato & " +
        "Kornaropoulos (2016): r = ⌈(0.5/ε²)(⌊log₂(VD−2)⌋ + 1 + ln(1/δ))⌉ shortest paths, each drawn uniformly between a uniform pair of " +
        "actors (VD bounds the actors on any shortest path: 2·eccentricity+1 of each component's root); with probability ≥ 1−δ every " +
        "betweenness is within ε·n(n−1)/2 of exact (betweennessNormalized within ε·n/(n−2)). The answer's `guarantee` states ε, δ, the " +
        "sample size, the VD bound, the seed and those error bounds; the same seed gives the same answer. Not with `sample` or " +
        "`weighted=true`. Closeness stays exact in both estimates. `sort` = a requested measure (default betweenness) or actor; `order` = desc (default) or asc; undefined " +
        "values last. Results are cached per graph version; a computation over the time budget answers 503 with advice.";

    public const string Gateways =
        "For every actor in group `from` and every actor in group `to`, takes the best introduction route (least total cost −ln(strength), " +
        "no decay; ties → fewer hops → lexicographically smaller id sequence; relationships travel both ways) and counts, for each actor, the " +
        "routes it sits on as an intermediate. `share` = routes / `pairs`, the number of (source, target) pairs with a route. Groups are " +
        "`attribute:value` with attribute region, country, kind or sector (an actor is in a sector group if any of its sectors matches), " +
        "e.g. `from=region:EU&to=region:KR`, `to=kind:MiniCluster`. `top` 1-500 (default 20). `sample=k` (at least 2) searches only k " +
        "sources drawn with `seed` (default 42): `routes` and `pairs` then count the sampled sources' routes, `share` estimates the share over " +
        "all sources, and each item states its `standardError` (ratio estimator, sampling without replacement) and a 95 % interval " +
        "`low`..`high` (normal approximation); `sampledSources` and `seed` say what was sampled.";
}
