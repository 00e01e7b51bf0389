using GraphApi.Core.Graph;

namespace GraphApi.Core.Analysis;

/// <summary>An actor that best routes pass through: <see cref="Routes"/> of them, a <see cref="Share"/> of all pairs with a route.</summary>
public sealed record GatewayCount(int Actor, long Routes, double Share);

/// <summary>
/// Gateways from group A to group B. <see cref="Pairs"/> counts the (source in A, target in B, source ≠ target)
/// pairs joined by a route; <see cref="Ranking"/> holds every actor that is an intermediate on at least one best
/// route, most routes first, ties by actor id.
/// </summary>
public sealed record GatewayResult(GraphSnapshot Snapshot, ActorGroup From, ActorGroup To, int Sources, int Targets, long Pairs, IReadOnlyList<GatewayCount> Ranking);

/// <summary>
/// "Who are the doors from A to B": for each source in A, the best introduction route (see <see cref="BestRouteTree"/>)
/// to each reachable target in B; an actor scores one for every such route it sits on as an intermediate (ends
/// excluded). Routes travel every relationship both ways, as introductions do.
/// </summary>
public static class Gateways
{
    public static GatewayResult Compute(GraphSnapshot snapshot, ActorGroup from, ActorGroup to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        snapshot = snapshot.Compacted();
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        var graph = SimpleGraph.From(snapshot);
        var n = graph.NodeCount;
        var sources = Enumerable.Range(0, n).Where(v => from.Contains(snapshot.ActorAt(v))).ToArray();
        var isTarget = Enumerable.Range(0, n).Select(v => to.Contains(snapshot.ActorAt(v))).ToArray();
        var routes = new long[n];
        long pairs = 0;
        var gate = new Lock();
        var options = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount };
        // Counts are integers, so adding the workers' tallies in any order gives the same answer.
        Parallel.For(0, sources.Length, options, () => new Tally(n), (i, _, tally) =>
        {
            tally.Add(graph, sources[i], isTarget);
            return tally;
        }, tally =>
        {
            lock (gate)
            {
                pairs += tally.Pairs;
                for (var v = 0; v < n; v++)
                {
                    routes[v] += tally.Routes[v];
                }
            }
        });
        var ranking = Enumerable.Range(0, n)
            .Where(v => routes[v] > 0)
            .OrderByDescending(v => routes[v]).ThenBy(v => v)
            .Select(v => new GatewayCount(v, routes[v], (double)routes[v] / pairs))
            .ToList();
        return new GatewayResult(snapshot, from, to, sources.Length, isTarget.Count(t => t), pairs, ranking);
    }

    /// <summary>One worker's counts, with its own route tree and subtree counters.</summary>
    private sealed class Tally(int n)
    {
        private readonly BestRouteTree _tree = new(n);
        private readonly long[] _targetsBelow = new long[n];

        public long[] Routes { get; } = new long[n];

        public long Pairs { get; private set; }

        public void Add(SimpleGraph graph, int source, bool[] isTarget)
        {
            _tree.Grow(graph, source);
            var reached = _tree.Reached;
            // Children are settled after their parents, so a reverse sweep has every subtree complete when its
            // root is reached: the targets strictly below v are the routes v carries as an intermediate.
            for (var i = reached.Length - 1; i > 0; i--)
            {
                var v = reached[i];
                var own = isTarget[v] ? 1 : 0;
                Routes[v] += _targetsBelow[v];
                Pairs += own;
                _targetsBelow[_tree.Parent(v)] += _targetsBelow[v] + own;
                _targetsBelow[v] = 0;
            }
            _targetsBelow[source] = 0;
        }
    }
}
