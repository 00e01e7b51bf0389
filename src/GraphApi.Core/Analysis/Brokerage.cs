using GraphApi.Core.Domain;
using GraphApi.Core.Graph;

namespace GraphApi.Core.Analysis;

/// <summary>
/// Raw Gould–Fernandez (1989) brokerage counts of one actor. A two-path i → j → k with i ≠ k and no arc i → k
/// makes j a broker; its role depends on the groups of i, j and k (R <c>sna::brokerage</c> names in brackets):
/// <list type="bullet">
/// <item>coordinator (w_I): i, j, k all in one group — A → A → A;</item>
/// <item>itinerant or consultant (w_O): i and k share a group the broker is not in — A → B → A;</item>
/// <item>representative (b_IO): the broker passes a contact from its own group out to another — A → A → B;</item>
/// <item>gatekeeper (b_OI): the broker lets a contact from another group into its own — A → B → B;</item>
/// <item>liaison (b_O): three different groups — A → B → C;</item>
/// <item>total (t): every brokered two-path, so the five roles always sum to it.</item>
/// </list>
/// On the undirected view every open two-path is counted in both directions, so representative equals gatekeeper.
/// </summary>
public sealed record BrokerageRoles(long Coordinator, long Itinerant, long Representative, long Gatekeeper, long Liaison)
{
    public long Total => Coordinator + Itinerant + Representative + Gatekeeper + Liaison;
}

/// <summary>Brokerage roles of every actor (indexed like the snapshot) under one partition.</summary>
public sealed record BrokerageResult(GraphSnapshot Snapshot, ActorField Partition, bool Directed, IReadOnlyList<string> Groups, IReadOnlyList<BrokerageRoles> Roles);

public static class Brokerage
{
    public static BrokerageResult Compute(GraphSnapshot snapshot, ActorField partition, bool directed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        snapshot = snapshot.Compacted();
        ArgumentNullException.ThrowIfNull(snapshot);
        var n = snapshot.ActorCount;
        var groupNames = new string[n];
        var groupIds = new int[n];
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var v = 0; v < n; v++)
        {
            groupNames[v] = ActorFields.GroupOf(snapshot.ActorAt(v), partition);
            if (!ids.TryGetValue(groupNames[v], out groupIds[v]))
            {
                groupIds[v] = ids[groupNames[v]] = ids.Count;
            }
        }
        var arcs = ArcSet.From(snapshot, directed);
        var roles = new BrokerageRoles[n];
        var options = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount, TaskScheduler = TaskScheduler.Current };
        // Each broker's counts depend only on its own two-paths, so brokers are independent and the result is the
        // same whatever the scheduling. The marks array is per worker thread.
        Parallel.For(0, n, options, () => new TwoPathMarks(n), (j, _, marks) =>
        {
            roles[j] = CountBroker(arcs, groupIds, j, marks);
            return marks;
        }, _ => { });
        return new BrokerageResult(snapshot, partition, directed, groupNames, roles);
    }

    private static BrokerageRoles CountBroker(ArcSet arcs, int[] group, int j, TwoPathMarks marks)
    {
        long coordinator = 0, itinerant = 0, representative = 0, gatekeeper = 0, liaison = 0;
        var gj = group[j];
        foreach (var i in arcs.In(j))
        {
            marks.Mark(arcs.Out(i));
            var gi = group[i];
            foreach (var k in arcs.Out(j))
            {
                if (k == i || marks.IsMarked(k))
                {
                    continue;
                }
                var gk = group[k];
                if (gi == gj && gj == gk)
                {
                    coordinator++;
                }
                else if (gi == gk)
                {
                    itinerant++;
                }
                else if (gi == gj)
                {
                    representative++;
                }
                else if (gj == gk)
                {
                    gatekeeper++;
                }
                else
                {
                    liaison++;
                }
            }
        }
        return new BrokerageRoles(coordinator, itinerant, representative, gatekeeper, liaison);
    }

    /// <summary>Marks the out-neighbours of one i at a time; a new stamp clears the previous marks in O(1).</summary>
    private sealed class TwoPathMarks(int n)
    {
        private readonly int[] _stamp = new int[n];
        private int _current;

        public void Mark(ReadOnlySpan<int> nodes)
        {
            _current++;
            foreach (var v in nodes)
            {
                _stamp[v] = _current;
            }
        }

        public bool IsMarked(int node) => _stamp[node] == _current;
    }
}
