using GraphApi.Core.Graph;

namespace GraphApi.Core.Analysis.Communities;

/// <summary>
/// What to detect: modularity's resolution γ (> 0; higher gives more, smaller communities), the seed of Leiden's
/// random orders, and how many runs with other seeds measure each community's stability (0: none; each run costs as
/// much as the detection itself).
/// </summary>
public sealed record CommunityOptions(
    double Resolution = CommunityOptions.DefaultResolution, int Seed = CommunityOptions.DefaultSeed, int StabilityRuns = 0)
{
    public const double DefaultResolution = 1.0;
    public const int DefaultSeed = 42;

    /// <summary>The most stability runs one question may ask for.</summary>
    public const int MaxStabilityRuns = 20;

    /// <summary>Stability runs when a question names none: 10 up to <see cref="StabilityByDefaultUpTo"/> relationships, none above.</summary>
    public const int DefaultStabilityRuns = 10;

    /// <summary>
    /// Above this many relationships the runs are left out unless asked for: on 400k ties one detection takes seconds
    /// (docs/performance.md), and ten more would take the question past the analysis time budget.
    /// </summary>
    public const int StabilityByDefaultUpTo = 20_000;

    public static int DefaultStabilityRunsFor(int relationships) => relationships <= StabilityByDefaultUpTo ? DefaultStabilityRuns : 0;

    /// <summary>
    /// γ's range: three orders of magnitude either side of classic modularity (1), wide for any question we know of, and
    /// narrow enough that Q (whose penalty term is at most γ) and Leiden's gains stay well inside a double's range.
    /// </summary>
    public const double MinResolution = 0.001;
    public const double MaxResolution = 1000;
}

/// <summary>
/// A community: its number, its size, its best-connected members (see <see cref="CommunityDetection"/>) and, when
/// stability runs were asked for, the share of those runs in which its top members stayed in one community.
/// </summary>
public sealed record CommunitySummary(int Number, int Size, IReadOnlyList<int> TopMembers, double? Stability = null);

/// <summary>
/// Communities of one snapshot, indexed like it: <see cref="Community"/> per actor, numbered as
/// <see cref="Communities"/> lists them; per actor its degree, its neighbours inside its community, the number of
/// communities its neighbours are in, and its participation coefficient; <see cref="Bridges"/> the bridging actors, best first.
/// </summary>
public sealed record CommunityResult(
    GraphSnapshot Snapshot,
    CommunityOptions Options,
    double Modularity,
    IReadOnlyList<int> Community,
    IReadOnlyList<CommunitySummary> Communities,
    IReadOnlyList<int> Degree,
    IReadOnlyList<int> DegreeInside,
    IReadOnlyList<int> CommunitiesReached,
    IReadOnlyList<double> Participation,
    IReadOnlyList<int> Bridges);

/// <summary>
/// Communities by Leiden (<see cref="Leiden"/>) on the undirected actor graph with unweighted ties (parallel
/// relationships merged, <see cref="SimpleGraph"/>), each connected component on its own (<see cref="ByComponent"/>:
/// what does not touch a community cannot move it), and who bridges them:
/// <list type="bullet">
/// <item>communities are numbered 0, 1, … by size, largest first, ties by their smallest member id;</item>
/// <item>a community's top members are its <see cref="TopMembers"/> actors with the most neighbours inside it, ties by
/// degree, then id;</item>
/// <item>participation coefficient (Guimerà and Amaral 2005): P_i = 1 − Σ_s (k_is / k_i)², k_is the neighbours of i in
/// community s; 0 for an isolate;</item>
/// <item>bridges: actors with degree ≥ 2 and P &gt; 0 (ties into at least two communities), by P descending, then degree
/// descending, then id. Degree 1 is left out because such an actor cannot touch two communities anyway, and degree ≥ 2
/// keeps the rule the same as the usual one (Guimerà and Amaral's "connectors" need links to spread).</item>
/// <item>stability (with <see cref="CommunityOptions.StabilityRuns"/> R &gt; 0): Leiden again with seeds seed+1 …
/// seed+R; a community's stability is the share of those runs in which its top members (its core) all land in one
/// community. 1 means the core is found together whatever the random orders; a low value means the split there is one
/// of several near-equal ones.</item>
/// </list>
/// </summary>
public static class CommunityDetection
{
    public const int TopMembers = 5;

    public static CommunityResult Compute(GraphSnapshot snapshot, CommunityOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        snapshot = snapshot.Compacted();
        return Compute(snapshot, SimpleGraph.From(snapshot), options, cancellationToken);
    }

    /// <summary>
    /// Communities of <paramref name="graph"/>, whose node v is the snapshot's actor v (e.g. the graph of the ties in
    /// force on some date): the snapshot only names the actors.
    /// </summary>
    public static CommunityResult Compute(GraphSnapshot snapshot, SimpleGraph graph, CommunityOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(options);
        var found = ByComponent.Detect(graph, options.Resolution, options.Seed, cancellationToken);
        var (community, members) = NumberBySize(found);
        var degree = new int[graph.NodeCount];
        var inside = new int[graph.NodeCount];
        var reach = new int[graph.NodeCount];
        var participation = new double[graph.NodeCount];
        CommunityRoles.Measure(graph, community, degree, inside, reach, participation);
        var cores = members.Select(m => Top(m, inside, degree)).ToArray();
        var stability = options.StabilityRuns > 0 ? Stability(graph, options, cores, cancellationToken) : null;
        var summaries = members.Select((m, c) => new CommunitySummary(c, m.Length, cores[c], stability?[c])).ToList();
        return new CommunityResult(snapshot, options, Modularity.Of(graph, community, members.Length, options.Resolution),
            community, summaries, degree, inside, reach, participation, Bridges(degree, participation));
    }

    /// <summary>Renumbers communities by size descending, then smallest member (node order is actor id order).</summary>
    private static (int[] Community, int[][] Members) NumberBySize(int[] found)
    {
        var groups = found.Length == 0 ? 0 : found.Max() + 1;
        var members = LevelGraph.MembersOf(found, groups);
        // Members are in increasing order, so members[c][0] is the smallest.
        var order = Enumerable.Range(0, groups).OrderByDescending(c => members[c].Length).ThenBy(c => members[c][0]).ToArray();
        var community = new int[found.Length];
        var sorted = new int[groups][];
        for (var rank = 0; rank < groups; rank++)
        {
            sorted[rank] = members[order[rank]];
            foreach (var v in sorted[rank])
            {
                community[v] = rank;
            }
        }
        return (community, sorted);
    }

    /// <summary>Per community, the share of runs with seeds seed+1 … seed+R in which all of its core lands in one community.</summary>
    private static double[] Stability(SimpleGraph graph, CommunityOptions options, int[][] cores, CancellationToken cancellationToken)
    {
        var together = new int[cores.Length];
        for (var run = 1; run <= options.StabilityRuns; run++)
        {
            var other = ByComponent.Detect(graph, options.Resolution, unchecked(options.Seed + run), cancellationToken);
            for (var c = 0; c < cores.Length; c++)
            {
                var core = cores[c];
                if (core.All(v => other[v] == other[core[0]]))
                {
                    together[c]++;
                }
            }
        }
        return [.. together.Select(t => (double)t / options.StabilityRuns)];
    }

    private static int[] Top(int[] members, int[] inside, int[] degree) =>
        [.. members.OrderByDescending(v => inside[v]).ThenByDescending(v => degree[v]).ThenBy(v => v).Take(TopMembers)];

    private static int[] Bridges(int[] degree, double[] participation) =>
        [.. Enumerable.Range(0, degree.Length).Where(v => degree[v] >= 2 && participation[v] > 0)
            .OrderByDescending(v => participation[v]).ThenByDescending(v => degree[v]).ThenBy(v => v)];
}
