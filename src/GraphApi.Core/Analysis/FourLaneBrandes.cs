using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace GraphApi.Core.Analysis;

/// <summary>
/// Unweighted Brandes for <see cref="Lanes"/> sources at once, one vector lane per source: a node's hop counts,
/// path counts and coefficients for the batch sit side by side, so each arc is read once for the whole batch and
/// one vector operation does every lane's work. Sources next to each other in the packed order are close in the
/// graph, so a node lies on nearly the same level for every source of a batch and the batch's searches step
/// through nearly the same nodes: per source, far fewer arcs are scanned than by one search at a time.
/// <para>
/// Step L lists every node that is L hops from at least one of the batch's sources. The search either pushes path
/// counts from step L to step L + 1, masked to the lanes where the arc goes one level down, or, when the nodes not yet
/// reached have fewer arcs than step L (the wide middle levels of a small-world graph), lets each of them pull the
/// path counts of its neighbours on step L. The accumulation pulls, and
/// needs no predecessor lists and no distance test: in a lane where v lies on level L its neighbours lie on level
/// L − 1, L or L + 1, and while step L is summed only deeper levels hold a non-zero coefficient (1 + δ(w)) / σ(w),
/// because step L's coefficients are written after the whole step has been summed. Lanes where v lies on another
/// level are summed too and thrown away.
/// </para>
/// </summary>
internal sealed partial class FourLaneBrandes : BrandesSearch
{
    public const int Lanes = 4;

    private static readonly Vector256<long> Unreached = Vector256.Create(-1L);

    private readonly int[] _offsets;
    private readonly int[] _neighbours;
    private readonly Vector256<long>[] _level;
    private readonly Vector256<double>[] _sigma;
    private readonly Vector256<double>[] _coefficient;
    // The step a node was last listed on, so a node reached in several lanes at once is listed once.
    private readonly int[] _stepOf;
    // Step L lists _visits[_stepStart[L] .. _stepStart[L + 1]); a node is listed once per distinct level it has.
    private readonly int[] _visits;
    private readonly int[] _stepStart;
    // Per entry of _visits: the sum of the node's neighbours' coefficients.
    private readonly Vector256<double>[] _successorSum;
    // Nodes some lane has not reached yet (a superset: nodes reached since the last bottom-up step are dropped lazily),
    // and the arcs of those truly unreached, the cost of a bottom-up step; the arcs of the step being built.
    private readonly int[] _unfinished;
    private int _unfinishedCount;
    private long _unfinishedArcs;
    private long _frontierArcs;
    // Arcs of each step's nodes, to choose how the accumulation sums; per node, coefficients pushed to it.
    private readonly long[] _stepArcs;
    private readonly Vector256<double>[] _pushed;
    private int _steps;
    private int _listed;

    public FourLaneBrandes(PackedGraph graph)
    {
        var n = graph.NodeCount;
        _offsets = graph.Offsets;
        _neighbours = graph.Neighbours;
        _level = new Vector256<long>[n];
        _sigma = new Vector256<double>[n];
        _coefficient = new Vector256<double>[n];
        _stepOf = new int[n];
        _visits = new int[Lanes * n];
        _stepStart = new int[n + 2];
        _successorSum = new Vector256<double>[Lanes * n];
        _unfinished = new int[n];
        _stepArcs = new long[n + 1];
        _pushed = new Vector256<double>[n];
        Array.Fill(_level, Unreached);
        Array.Fill(_stepOf, -1);
    }

    public override int BatchSize => Lanes;

    public override void Run(ReadOnlySpan<int> sources, double[]? dependencies, Span<int> reached, Span<double> distanceSums)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sources.Length, Lanes);
        Search(sources);
        if (!reached.IsEmpty)
        {
            Summarise(sources.Length, reached, distanceSums);
        }
        if (dependencies is not null)
        {
            Accumulate(dependencies);
        }
        Reset();
    }

    private void Search(ReadOnlySpan<int> sources)
    {
        var active = ActiveLanes(sources.Length);
        var tail = 0;
        _frontierArcs = 0;
        _unfinishedArcs = _neighbours.Length;
        for (var v = 0; v < _unfinished.Length; v++)
        {
            _unfinished[v] = v;
        }
        _unfinishedCount = _unfinished.Length;
        for (var lane = 0; lane < sources.Length; lane++)
        {
            var s = sources[lane];
            if (_stepOf[s] != 0)
            {
                _stepOf[s] = 0;
                _visits[tail++] = s;
                _frontierArcs += Degree(s);
            }
            _level[s] = _level[s].WithElement(lane, 0);
            _sigma[s] = _sigma[s].WithElement(lane, 1.0);
            if (Finished(_level[s], active))
            {
                _unfinishedArcs -= Degree(s);
            }
        }
        int head = 0, steps = 0;
        _stepStart[0] = 0;
        while (head < tail)
        {
            var end = tail;
            _stepStart[++steps] = end;
            // Beamer, Asanović and Patterson's direction choice: scan whichever side has fewer arcs, the step's nodes
            // pushing down or the not yet reached nodes looking up.
            var bottomUp = _unfinishedArcs < _frontierArcs;
            _stepArcs[steps - 1] = _frontierArcs;
            _frontierArcs = 0;
            tail = bottomUp ? BottomUp(steps, tail, active) : TopDown(head, end, steps, tail, active);
            head = end;
        }
        // The last pass found nothing new: steps 0 … steps − 1 hold nodes.
        _steps = steps;
        _listed = tail;
    }

    /// <summary>Step <paramref name="steps"/> − 1 pushes its path counts to its neighbours one level down.</summary>
    private int TopDown(int head, int end, int steps, int tail, Vector256<long> active)
    {
        var visits = _visits;
        var neighbours = _neighbours;
        // Unchecked element references: w comes from the graph, and a bounds check per lane array per arc is
        // measurable in this loop, the hottest of every exact betweenness run.
        ref var levels = ref MemoryMarshal.GetArrayDataReference(_level);
        ref var counts = ref MemoryMarshal.GetArrayDataReference(_sigma);
        var current = Vector256.Create((long)steps - 1);
        var next = Vector256.Create((long)steps);
        for (; head < end; head++)
        {
            var v = visits[head];
            var here = Vector256.Equals(Unsafe.Add(ref levels, v), current);
            var paths = Unsafe.Add(ref counts, v) & here.AsDouble();
            for (int a = _offsets[v], last = _offsets[v + 1]; a < last; a++)
            {
                var w = neighbours[a];
                ref var found = ref Unsafe.Add(ref levels, w);
                var fresh = here & Vector256.Equals(found, Unreached);
                if (fresh != Vector256<long>.Zero)
                {
                    found = Vector256.ConditionalSelect(fresh, next, found);
                    if (_stepOf[w] != steps)
                    {
                        _stepOf[w] = steps;
                        visits[tail++] = w;
                        _frontierArcs += Degree(w);
                    }
                    if (Finished(found, active))
                    {
                        _unfinishedArcs -= Degree(w);
                    }
                }
                Unsafe.Add(ref counts, w) += paths & Vector256.Equals(found, next).AsDouble();
            }
        }
        return tail;
    }

    /// <summary>
    /// Every node not yet reached in some lane sums the path counts of its neighbours on step <paramref name="steps"/>
    /// − 1; the lanes where that sum is positive put it one level down. Nodes reached in every lane leave the list.
    /// </summary>
    private int BottomUp(int steps, int tail, Vector256<long> active)
    {
        var neighbours = _neighbours;
        ref var levels = ref MemoryMarshal.GetArrayDataReference(_level);
        ref var counts = ref MemoryMarshal.GetArrayDataReference(_sigma);
        var current = Vector256.Create((long)steps - 1);
        var next = Vector256.Create((long)steps);
        var kept = 0;
        for (var i = 0; i < _unfinishedCount; i++)
        {
            var u = _unfinished[i];
            var open = Vector256.Equals(_level[u], Unreached) & active;
            if (open == Vector256<long>.Zero)
            {
                continue;
            }
            var sum = Vector256<double>.Zero;
            for (int a = _offsets[u], last = _offsets[u + 1]; a < last; a++)
            {
                var w = neighbours[a];
                sum += Unsafe.Add(ref counts, w) & Vector256.Equals(Unsafe.Add(ref levels, w), current).AsDouble();
            }
            var reach = open & Vector256.GreaterThan(sum, Vector256<double>.Zero).AsInt64();
            if (reach != Vector256<long>.Zero)
            {
                _level[u] = Vector256.ConditionalSelect(reach, next, _level[u]);
                _sigma[u] = Vector256.ConditionalSelect(reach.AsDouble(), sum, _sigma[u]);
                _stepOf[u] = steps;
                _visits[tail++] = u;
                _frontierArcs += Degree(u);
                if (Finished(_level[u], active))
                {
                    _unfinishedArcs -= Degree(u);
                    continue;
                }
            }
            _unfinished[kept++] = u;
        }
        _unfinishedCount = kept;
        return tail;
    }

    private int Degree(int v) => _offsets[v + 1] - _offsets[v];

    /// <summary>Whether every lane that has a source has reached the node.</summary>
    private static bool Finished(Vector256<long> level, Vector256<long> active) =>
        (Vector256.Equals(level, Unreached) & active) == Vector256<long>.Zero;

    private static Vector256<long> ActiveLanes(int lanes) =>
        Vector256.Create(lanes > 0 ? -1L : 0, lanes > 1 ? -1L : 0, lanes > 2 ? -1L : 0, lanes > 3 ? -1L : 0);

    private void Reset()
    {
        // A batch that listed most nodes (any connected graph) is undone faster by clearing whole arrays in order
        // than by writing 100 bytes at each listed node's scattered place, once per level it was listed on.
        if (_listed >= _stepOf.Length / 2)
        {
            Array.Fill(_level, Unreached);
            Array.Clear(_sigma);
            Array.Clear(_coefficient);
            Array.Clear(_pushed);
            Array.Fill(_stepOf, -1);
            return;
        }
        for (var i = 0; i < _listed; i++)
        {
            var v = _visits[i];
            _level[v] = Unreached;
            _sigma[v] = Vector256<double>.Zero;
            _coefficient[v] = Vector256<double>.Zero;
            _pushed[v] = Vector256<double>.Zero;
            _stepOf[v] = -1;
        }
    }
}
