namespace GraphApi.Core.Analysis.Communities;

/// <summary>
/// Leiden's fast local moving (Traag, Waltman and van Eck 2019, MoveNodesFast): nodes wait in a queue, first in a
/// seeded random order; each one taken out moves to the community (a neighbour's, or a new empty one) that raises
/// modularity most, and when it moves, its neighbours outside its new community rejoin the queue. It ends when the
/// queue is empty, so no single node can raise modularity by moving.
/// </summary>
internal sealed class LocalMoving
{
    private const int CancellationStride = 4096;

    private readonly LevelGraph _graph;
    private readonly int[] _community;
    private readonly double _resolutionPerTwoM;
    private readonly double[] _communityStrength;
    private readonly int[] _communitySize;
    private readonly Stack<int> _empty = new();
    private readonly double[] _toCommunity;
    private readonly List<int> _touched = [];

    private LocalMoving(LevelGraph graph, int[] community, double resolution)
    {
        _graph = graph;
        _community = community;
        _resolutionPerTwoM = resolution / (2 * graph.TotalWeight);
        var n = graph.NodeCount;
        _communityStrength = new double[n];
        _communitySize = new int[n];
        _toCommunity = new double[n];
        for (var v = 0; v < n; v++)
        {
            _communityStrength[community[v]] += graph.Strength[v];
            _communitySize[community[v]]++;
        }
        for (var c = n - 1; c >= 0; c--)
        {
            if (_communitySize[c] == 0)
            {
                _empty.Push(c);
            }
        }
    }

    /// <summary>
    /// Moves nodes of <paramref name="graph"/> between communities, updating <paramref name="community"/> in place
    /// (community numbers must be below the node count). Returns whether any node moved.
    /// </summary>
    public static bool Run(LevelGraph graph, int[] community, double resolution, ref SplitMix random, CancellationToken cancellationToken) =>
        graph.TotalWeight > 0 && new LocalMoving(graph, community, resolution).Drain(Shuffled.Order(graph.NodeCount, ref random), cancellationToken);

    private bool Drain(int[] order, CancellationToken cancellationToken)
    {
        var n = _graph.NodeCount;
        // A ring buffer of at most n waiting nodes: a node is never queued twice at once.
        var queue = order;
        var queued = new bool[n];
        Array.Fill(queued, true);
        int head = 0, waiting = n;
        var moved = false;
        for (var step = 0; waiting > 0; step++)
        {
            if (step % CancellationStride == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
            var v = queue[head];
            head = (head + 1) % n;
            waiting--;
            queued[v] = false;
            var from = _community[v];
            var to = BestCommunity(v);
            if (to == from)
            {
                continue;
            }
            moved = true;
            for (var arc = _graph.Offsets[v]; arc < _graph.Offsets[v + 1]; arc++)
            {
                var u = _graph.Neighbours[arc];
                if (!queued[u] && _community[u] != to)
                {
                    queued[u] = true;
                    queue[(head + waiting) % n] = u;
                    waiting++;
                }
            }
        }
        return moved;
    }

    /// <summary>
    /// Takes v out of its community and puts it where modularity gains most: gain(C) = w(v, C) − γ·k_v·K_C / 2m
    /// (in units of 1/m), 0 for an empty community. Ties keep v where it was, then favour the community met first.
    /// </summary>
    private int BestCommunity(int v)
    {
        var own = _community[v];
        var strength = _graph.Strength[v];
        _communityStrength[own] -= strength;
        _communitySize[own]--;
        for (var arc = _graph.Offsets[v]; arc < _graph.Offsets[v + 1]; arc++)
        {
            var c = _community[_graph.Neighbours[arc]];
            if (_toCommunity[c] == 0)
            {
                _touched.Add(c);
            }
            _toCommunity[c] += _graph.Weights[arc];
        }
        var best = own;
        var bestGain = _toCommunity[own] - _resolutionPerTwoM * strength * _communityStrength[own];
        foreach (var c in _touched)
        {
            var gain = _toCommunity[c] - _resolutionPerTwoM * strength * _communityStrength[c];
            if (gain > bestGain)
            {
                (best, bestGain) = (c, gain);
            }
            _toCommunity[c] = 0;
        }
        _touched.Clear();
        if (bestGain < 0)
        {
            // Alone does better than anywhere: v's own community if v was its last member, else a fresh one.
            best = _communitySize[own] == 0 ? own : _empty.Pop();
        }
        _communityStrength[best] += strength;
        _communitySize[best]++;
        _community[v] = best;
        if (_communitySize[own] == 0 && best != own)
        {
            _empty.Push(own);
        }
        return best;
    }
}
