namespace GraphApi.Analysis;

/// <summary>The communities operation's OpenAPI descriptions.</summary>
public static class CommunityDocs
{
    public const string Communities =
        "Communities by the Leiden algorithm (Traag, Waltman & van Eck 2019) maximising modularity with resolution γ, " +
        "Q = Σ_c [L_c/m − γ·(K_c/2m)²], on the undirected simple graph: one unweighted edge per pair of actors with any relationship " +
        "(parallel relationships merged, directions ignored). Every community is connected. Lower `resolution` gives fewer, larger " +
        "communities, higher more and smaller ones; `seed` fixes Leiden's random orders, so the same graph, resolution and seed give the " +
        "same answer. Iterations repeat until one raises modularity by less than 0.0005. `modularity` is Q of the answer (igraph's " +
        "`modularity(membership, resolution=γ)`; 0 for a graph without ties). Communities are numbered 0, 1, … by size, largest first, " +
        "ties by smallest member id; each lists its `size` and its `topMembers` (most neighbours inside the community, then degree, then " +
        "id; up to 5). Per actor: `degree`, `degreeInside`, `communitiesReached` (the communities its neighbours are in) and " +
        "`participation`, Guimerà & Amaral's participation coefficient P = 1 − Σ_s (k_s/k)² (k_s its neighbours in community s; 0 for an " +
        "isolate): 0 when all ties stay in one community, towards 1 when they spread evenly over many. `bridges`: actors with degree ≥ 2 " +
        "and P > 0, by P descending, then degree descending, then id. `communityCount` and `bridgeCount` give the full sizes of the lists " +
        "`top` caps. `items` pages all actors by community, then id. Each connected component is split on its own (its own " +
        "modularity, its actors in id order, isolates each alone), so an actor or tie that does not touch a community never moves it. " +
        "`stability` of a community: Leiden run again with seeds seed+1 … seed+`stabilityRuns`, the share of those runs in which its " +
        "top members stay in one community (1: found together whatever the random orders). Results are cached per graph version, " +
        "resolution, seed and runs; a computation over the time budget answers 503.";

    public const string Resolution = "The resolution γ: 0.001-1000, default 1 (classic modularity).";

    public const string Seed = "Fixes Leiden's random orders (default 42): the same graph, resolution and seed give the same answer.";

    public const string StabilityRuns =
        "How many runs with other seeds measure each community's stability: 0-20; default 10 on graphs of up to 20,000 " +
        "relationships, 0 (no stability) above, where each run takes seconds.";

    public const string Top = "How many communities and bridges to list: 1-500, default 20.";
}
