using GraphApi.Core.Graph;

namespace GraphApi.Core.Analysis;

/// <summary>
/// The directed arcs brokerage counts two-paths on, as out- and in-adjacency in CSR form (sorted, distinct).
/// Undirected view: every relationship is two arcs. Directed view: a relationship of a directed type is one arc
/// from its stored source to its stored target; a relationship of an undirected type (MOU, PARTNER_OF, …) stays
/// two arcs, because the order its ends were stored in means nothing. Parallel relationships collapse to one arc
/// and there are no self-arcs — R's <c>sna::brokerage</c> works on a 0/1 adjacency matrix the same way.
/// </summary>
internal sealed class ArcSet
{
    private readonly int[] _outOffsets;
    private readonly int[] _outTargets;
    private readonly int[] _inOffsets;
    private readonly int[] _inSources;

    private ArcSet(int n, long[] arcs)
    {
        (_outOffsets, _outTargets) = Csr(n, arcs, reverse: false);
        (_inOffsets, _inSources) = Csr(n, arcs, reverse: true);
    }

    public static ArcSet From(GraphSnapshot snapshot, bool directed)
    {
        snapshot = snapshot.Compacted();
        var arcs = new List<long>(snapshot.RelationshipCount * 2);
        for (var e = 0; e < snapshot.RelationshipCount; e++)
        {
            var source = snapshot.SourceOf(e);
            var target = snapshot.TargetOf(e);
            if (source == target)
            {
                continue;
            }
            arcs.Add(Pack(source, target));
            var oneWay = directed && snapshot.Catalogue.TryGet(snapshot.RelationshipAt(e).Type, out var type) && type.Directed;
            if (!oneWay)
            {
                arcs.Add(Pack(target, source));
            }
        }
        return new ArcSet(snapshot.ActorCount, [.. arcs]);
    }

    public ReadOnlySpan<int> Out(int node) => _outTargets.AsSpan(_outOffsets[node], _outOffsets[node + 1] - _outOffsets[node]);

    public ReadOnlySpan<int> In(int node) => _inSources.AsSpan(_inOffsets[node], _inOffsets[node + 1] - _inOffsets[node]);

    private static long Pack(int from, int to) => ((long)from << 32) | (uint)to;

    private static (int[] Offsets, int[] Ends) Csr(int n, long[] arcs, bool reverse)
    {
        var keys = reverse ? arcs.Select(a => Pack((int)(uint)a, (int)(a >> 32))).ToArray() : (long[])arcs.Clone();
        Array.Sort(keys);
        var offsets = new int[n + 1];
        var ends = new List<int>(keys.Length);
        var previous = -1L;
        foreach (var key in keys)
        {
            if (key == previous)
            {
                continue;
            }
            previous = key;
            offsets[(int)(key >> 32) + 1]++;
            ends.Add((int)(uint)key);
        }
        for (var v = 0; v < n; v++)
        {
            offsets[v + 1] += offsets[v];
        }
        return (offsets, [.. ends]);
    }
}
