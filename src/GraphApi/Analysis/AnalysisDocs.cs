namespace GraphApi.Analysis;

/// <summary>
/// The analysis endpoints' OpenAPI descriptions: each operation states the definitions callers need; each parameter
/// says what it takes (ranges included: the request check's and the readers' limits).
/// </summary>
public static class AnalysisDocs
{
    public const string Brokerage =
        "Raw Gould–Fernandez brokerage counts per actor, the same as R `sna::brokerage` on this arc set. Arcs: with `directed=false` " +
        "(default) every relationship is two arcs; with `directed=true` relationships of directed types (MEMBER_OF, MANAGES, …) are one arc " +
        "from source to target and undirected types stay two arcs. Parallel relationships count once. A two-path i→j→k with i≠k and no arc " +
        "i→k makes j a broker, in a role set by the groups of i, j, k: **coordinator** (w_I) A→A→A; **itinerant** (consultant, w_O) A→B→A; " +
        "**representative** (b_IO) A→A→B; **gatekeeper** (b_OI) A→B→B; **liaison** (b_O) A→B→C; **total** = their sum. Undirected, " +
        "representative equals gatekeeper. Sectors are multi-valued: under `partition=sector` an actor is grouped by its **first listed " +
        "sector**, or `none` when it lists none. Results are cached per graph version and parameters; a computation over the time budget, " +
        "or with every analysis slot busy, answers 503.";

    public const string Centrality =
        "Measures on the undirected simple graph (one edge per pair of actors with any relationship), with NetworkX's definitions: " +
        "**degree** = distinct neighbours; **betweenness** = Brandes, Σ over unordered pairs of the share of shortest paths through the actor " +
        "(`betweenness_centrality(normalized=False)`), **betweennessNormalized** = × 2/((n−1)(n−2)); **closeness** = `closeness_centrality` " +
        "with the Wasserman–Faust scaling for disconnected graphs; **constraint** and **effectiveSize** = Burt's measures " +
        "(`nx.constraint`, `nx.effective_size`, unweighted; absent for isolates, where they are undefined); **component** = connected " +
        "component number. Unrequested measures are omitted. `weighted=true` makes betweenness and closeness use route costs " +
        "−ln(strength) (strongest relationship per pair) as lengths, quantised to whole nano-nats as the introduction routes compare them, " +
        "so equally short paths are exact ties. `sample=k` estimates betweenness from k pivot sources drawn with `seed`, scaled by n/k, " +
        "with no stated error. `epsilon=ε` (with `delta=δ`) estimates unweighted betweenness with a guarantee, after Riondato & " +
        "Kornaropoulos (2016): r = ⌈(0.5/ε²)(⌊log₂(VD−2)⌋ + 1 + ln(1/δ))⌉ shortest paths, each drawn uniformly between a uniform pair of " +
        "actors (VD bounds the actors on any shortest path: 2·eccentricity+1 of each component's root); with probability ≥ 1−δ every " +
        "betweenness is within ε·n(n−1)/2 of exact (betweennessNormalized within ε·n/(n−2)). The answer's `guarantee` states ε, δ, the " +
        "sample size, the VD bound, the seed and those error bounds; the same seed gives the same answer. Closeness stays exact in both " +
        "estimates. Results are cached per graph version and parameters; a computation over the time budget answers 503 with advice.";

    public const string Gateways =
        "For every actor in group `from` and every actor in group `to`, takes the best introduction route (least total cost −ln(strength), " +
        "no decay; ties → fewer hops → lexicographically smaller id sequence; relationships travel both ways) and counts, for each actor, the " +
        "routes it sits on as an intermediate. `share` = routes / `pairs`, the number of (source, target) pairs with a route. With " +
        "`sample=k` only k sources drawn with `seed` are searched: `routes` and `pairs` then count the sampled sources' routes, `share` " +
        "estimates the share over all sources, and each item states its `standardError` (ratio estimator, sampling without replacement) " +
        "and a 95 % interval `low`..`high` (normal approximation); `sampledSources` and `seed` say what was sampled. The answer is a " +
        "ranking capped by `top`, not a paged list.";

    public const string Partition =
        "How actors are grouped: region (default), country, kind or sector (any case). Under sector an actor is grouped by its first listed sector, or `none`.";

    public const string Directed =
        "false (default): every relationship is two arcs; true: relationships of directed types (MEMBER_OF, MANAGES, …) are one arc from source to target.";

    public const string BrokerageSort =
        "The order of the list: total (default) or a role, descending, ties by id; actor orders by id (any case).";

    public const string Actors =
        "Only these actors, comma-separated ids (at most 500), e.g. `kicox,pole-eau`: 404 if one names no actor.";

    public const string Measures =
        "Which measures to compute and return, comma-separated (any case): any of degree, betweenness, closeness, constraint, effectiveSize. Default: all.";

    public const string Weighted =
        "true: betweenness and closeness use route costs −ln(strength) as lengths. Default false (hops). Not with epsilon.";

    public const string CentralitySample =
        "Estimate betweenness from this many pivot sources (1-1000000), drawn with seed, scaled by n/k; no stated error. Not with epsilon.";

    public const string Seed = "The random seed of a sampled estimate (default 42): the same seed gives the same answer.";

    public const string Epsilon =
        "Estimate unweighted betweenness to within ε·n(n−1)/2 with probability 1−δ: ε from 0.001 to 0.5. Not with sample or weighted=true.";

    public const string Delta = "The probability δ that the epsilon estimate misses its bound: greater than 0 and less than 1, default 0.1; only with epsilon.";

    public const string CentralitySort =
        "The order of the list: a requested measure (default betweenness, else the first requested) or actor (by id), any case.";

    public const string Order = "desc (default) or asc (any case); undefined values come last either way.";

    public const string GatewaysFrom =
        "The source group, as field:value — field one of kind, country, region, sector (any case) — several joined by commas with AND, " +
        "e.g. `region:EU` or `kind:MiniCluster,region:KR`. An actor is in a sector group if any of its sectors matches. Required.";

    public const string GatewaysTo = "The target group, in the same form as from, e.g. `region:KR`. Required.";

    public const string Top = "How many gateways to list, most routes first: 1-500, default 20.";

    public const string GatewaysSample =
        "Search only this many sources (2-1000000), drawn with seed; the answer then states each share's standard error and a 95 % interval.";
}
