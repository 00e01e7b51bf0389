using GraphApi.Core.Domain;
using GraphApi.Core.Graph;
using GraphApi.Core.Routing;

namespace GraphApi.Core.Analysis;

/// <summary>
/// How to count gateways: from every source (<paramref name="Sample"/> null, or at least the number of sources), or
/// from <paramref name="Sample"/> sources (at least two) drawn without replacement with <paramref name="Seed"/>.
/// </summary>
public sealed record GatewayOptions(int? Sample = null, int Seed = GatewayOptions.DefaultSeed)
{
    public const int DefaultSeed = 42;

    public static GatewayOptions Exact { get; } = new();
}

/// <summary>
/// An actor that best routes pass through: <see cref="Routes"/> of them, a <see cref="Share"/> of all pairs with a
/// route. When sources were sampled, both count the sampled sources' routes only, the share estimates the share
/// over all sources, and <see cref="Error"/> says how far off that estimate may be.
/// </summary>
public sealed record GatewayCount(int Actor, long Routes, double Share, ShareError? Error = null);

/// <summary>
/// Gateways from group A to group B. <see cref="Pairs"/> counts the (source in A, target in B, source ≠ target)
/// pairs joined by a route; <see cref="Ranking"/> holds every actor that is an intermediate on at least one best
/// route, most routes first, ties by actor id. <see cref="SampledSources"/> is set when only that many of the
/// <see cref="Sources"/> were searched; pairs and routes then count theirs.
/// </summary>
public sealed record GatewayResult(GraphSnapshot Snapshot, ActorFilter From, ActorFilter To, int Sources, int Targets, long Pairs,
    IReadOnlyList<GatewayCount> Ranking, int? SampledSources = null);

/// <summary>
/// "Who are the doors from A to B": for each source in A, the best introduction route (see <see cref="BestRouteTree"/>)
/// to each reachable target in B; an actor scores one for every such route it sits on as an intermediate (ends
/// excluded). Routes travel every relationship both ways, as introductions do.
/// </summary>
/// <remarks>
/// One tree per source holds its routes to every target; one in-tree per target holds every source's route to it
/// (<see cref="BestRouteTree.GrowToward"/>). Both give the same routes, so an exact count grows whichever kind is
/// fewer. A sample draws sources, so it grows source trees (each sampled source's routes are one term of its error).
/// </remarks>
public static class Gateways
{
    public static GatewayResult Compute(GraphSnapshot snapshot, ActorFilter from, ActorFilter to, CancellationToken cancellationToken) =>
        Compute(snapshot, from, to, GatewayOptions.Exact, cancellationToken);

    public static GatewayResult Compute(GraphSnapshot snapshot, ActorFilter from, ActorFilter to, GatewayOptions options,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Sample is { } size)
        {
            // A standard error needs at least two sampled sources.
            ArgumentOutOfRangeException.ThrowIfLessThan(size, 2, nameof(options));
        }
        snapshot = snapshot.Compacted();
        var graph = SimpleGraph.From(snapshot).Arcs;
        var members = Enumerable.Range(0, graph.NodeCount).Where(a => from.Matches(snapshot.ActorAt(a))).ToArray();
        var sampled = options.Sample is { } k && k < members.Length;
        var sources = sampled ? [.. Centrality.Pivots(members.Length, options.Sample!.Value, options.Seed).Select(i => members[i])] : members;
        var isTarget = Enumerable.Range(0, graph.NodeCount).Select(a => to.Matches(snapshot.ActorAt(a))).ToArray();
        var targets = Enumerable.Range(0, graph.NodeCount).Where(a => isTarget[a]).ToArray();
        var totals = !sampled && targets.Length < sources.Length
            ? Count(graph, targets, Membership(graph.NodeCount, sources), towardRoots: true, sampled, cancellationToken)
            : Count(graph, sources, isTarget, towardRoots: false, sampled, cancellationToken);
        return new GatewayResult(snapshot, from, to, members.Length, targets.Length, totals.Pairs,
            Ranking(totals, sampled ? (sources.Length, members.Length) : null), sampled ? sources.Length : null);
    }

    /// <summary>Actors on at least one route, most routes first, ties by id; with the error of each share for a sample (k of N sources).</summary>
    private static List<GatewayCount> Ranking(GatewayTally totals, (int K, int N)? sample) =>
        [.. Enumerable.Range(0, totals.Routes.Length)
            .Where(actor => totals.Routes[actor] > 0)
            .OrderByDescending(actor => totals.Routes[actor]).ThenBy(actor => actor)
            .Select(actor => new GatewayCount(actor, totals.Routes[actor], (double)totals.Routes[actor] / totals.Pairs,
                sample is (var k, var n) ? totals.Error(actor, k, n) : null))];

    private static bool[] Membership(int n, int[] members)
    {
        var isMember = new bool[n];
        foreach (var member in members)
        {
            isMember[member] = true;
        }
        return isMember;
    }

    /// <summary>
    /// Grows one tree per root on every core (routes from each source root, or to each target root when
    /// <paramref name="towardRoots"/>), counting the other ends: the pairs' other group. Each worker keeps its own
    /// tally, and the tallies are summed.
    /// </summary>
    private static GatewayTally Count(CostGraph graph, int[] roots, bool[] isOtherEnd, bool towardRoots, bool sampled, CancellationToken cancellationToken)
    {
        var n = graph.NodeCount;
        var total = new GatewayTally(n, sampled);
        var gate = new Lock();
        var options = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount, TaskScheduler = TaskScheduler.Current };
        // Tallies are whole numbers, so adding the workers' tallies in any order gives the same answer.
        Parallel.For(0, roots.Length, options, () => new Worker(n, sampled), (i, _, worker) =>
        {
            worker.Add(graph, roots[i], isOtherEnd, towardRoots);
            return worker;
        }, worker =>
        {
            lock (gate)
            {
                total.Add(worker.Tally);
            }
        });
        return total;
    }

    /// <summary>One worker's route tree, subtree counters and tally.</summary>
    private sealed class Worker(int n, bool sampled)
    {
        private readonly BestRouteTree _tree = new(n);
        private readonly long[] _endsBelow = new long[n];

        public GatewayTally Tally { get; } = new(n, sampled);

        /// <summary>One root's tree: from a source to every target, or (<paramref name="towardRoot"/>) from every source to a target.</summary>
        public void Add(CostGraph graph, int root, bool[] isOtherEnd, bool towardRoot)
        {
            if (towardRoot)
            {
                _tree.GrowToward(graph, root);
            }
            else
            {
                _tree.Grow(graph, root);
            }
            var reached = _tree.Reached;
            var pairs = Tally.IsSampled ? EndsAmong(reached, isOtherEnd) : 0;
            // Children come after their parents, so a reverse sweep has every subtree complete when its root is
            // reached: the other ends strictly below v are the routes v carries as an intermediate.
            for (var i = reached.Length - 1; i > 0; i--)
            {
                var v = reached[i];
                var below = _endsBelow[v];
                _endsBelow[_tree.Parent(v)] += below + (isOtherEnd[v] ? 1 : 0);
                _endsBelow[v] = 0;
                Tally.AddRoutes(v, below, pairs);
            }
            Tally.AddTree(_endsBelow[root]);
            _endsBelow[root] = 0;
        }

        private static long EndsAmong(ReadOnlySpan<int> reached, bool[] isOtherEnd)
        {
            long count = 0;
            for (var i = 1; i < reached.Length; i++)
            {
                count += isOtherEnd[reached[i]] ? 1 : 0;
            }
            return count;
        }
    }
}
