using GraphApi.Core.Graph;

namespace GraphApi.Core.Analysis.Communities;

/// <summary>What to detect: modularity's resolution γ (> 0; higher gives more, smaller communities) and the seed of Leiden's random orders.</summary>
public sealed record CommunityOptions(double Resolution = CommunityOptions.DefaultResolution, int Seed = CommunityOptions.DefaultSeed)
{
    public const double DefaultResolution = 1.0;
    public const int DefaultSeed = 42;

    /// <summary>
    /// γ's range: three orders of magnitude either side of classic modularity (1), wide for any question we know of, and
    /// narrow enough that Q (whose penalty term is at most γ) and Leiden's gains stay well inside a double's range.
    /// </summary>
    public const double MinResolution = 0.001;
    public const double MaxResolution = 1000;
}

/// <summary>A community: its number, its size and its best-connected members (see <see cref="CommunityDetection"/>).</summary>
public sealed record CommunitySummary(int Number, int Size, IReadOnlyList<int> TopMembers);

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
/// relationships merged, <see cref="SimpleGraph"/>), and who bridges them:
/// <list type="bullet">
/// <item>communities are numbered 0, 1, … by size, largest first, ties by their smallest member id;</item>
/// <item>a community's top members are its <see cref="TopMembers"/> actors with the most neighbours inside it, ties by
/// degree, then id;</item>
/// <item>participation coefficient (Guimerà and Amaral 2005): P_i = 1 − Σ_s (k_is / k_i)², k_is the neighbours of i in
/// community s; 0 for an isolate;</item>
/// <item>bridges: actors with degree ≥ 2 and P &gt; 0 (ties into at least two communities), by P descending, then degree
/// descending, then id. Degree 1 is left out because such an actor cannot touch two communities anyway, and degree ≥ 2
/// keeps the rule the same as the usual one (Guimerà and Amaral's "connectors" need links to spread).</item>
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
        var found = Leiden.Detect(graph, options.Resolution, options.Seed, cancellationToken);
        var (community, members) = NumberBySize(found);
        var degree = new int[graph.NodeCount];
        var inside = new int[graph.NodeCount];
        var reach = new int[graph.NodeCount];
        var participation = new double[graph.NodeCount];
        CommunityRoles.Measure(graph, community, degree, inside, reach, participation);
        var summaries = members.Select((m, c) => new CommunitySummary(c, m.Length, Top(m, inside, degree))).ToList();
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

    private static int[] Top(int[] members, int[] inside, int[] degree) =>
        [.. members.OrderByDescending(v => inside[v]).ThenByDescending(v => degree[v]).ThenBy(v => v).Take(TopMembers)];

    private static int[] Bridges(int[] degree, double[] participation) =>
        [.. Enumerable.Range(0, degree.Length).Where(v => degree[v] >= 2 && participation[v] > 0)
            .OrderByDescending(v => participation[v]).ThenByDescending(v => degree[v]).ThenBy(v => v)];
}
