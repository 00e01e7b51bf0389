namespace GraphApi.Core.Analysis.Communities;

/// <summary>
/// Leiden's refinement (RefinePartition / MergeNodesSubset): inside each community S of the local-moving partition,
/// start from singletons and let each node that is still alone and well connected to S
/// (E(v, S − v) ≥ γ·k_v·(K_S − k_v) / 2m) join a refined community C ⊆ S that is itself well connected to the rest of S
/// and to which v has at least one edge, drawn with probability ∝ exp(gain / θ) among the moves that do not lower
/// modularity (staying alone, gain 0, is one of them). A node only ever joins a community it has an edge to, so every
/// refined community is connected; aggregating by refined communities keeps that true at every level.
/// </summary>
internal sealed class Refinement
{
    /// <summary>θ, the randomness of the merge; the paper's and leidenalg's default.</summary>
    public const double Randomness = 0.01;

    private readonly LevelGraph _graph;
    private readonly int[] _community;
    private readonly double _resolutionPerTwoM;
    private readonly int[] _refined;
    private readonly double[] _refinedStrength;
    private readonly int[] _refinedSize;
    // E(C, S − C) of each refined community C inside its community S.
    private readonly double[] _external;
    private readonly double[] _toRefined;
    private readonly List<int> _touched = [];
    private readonly List<double> _gains = [];

    private Refinement(LevelGraph graph, int[] community, double resolution)
    {
        _graph = graph;
        _community = community;
        _resolutionPerTwoM = resolution / (2 * graph.TotalWeight);
        var n = graph.NodeCount;
        _refined = new int[n];
        _refinedStrength = new double[n];
        _refinedSize = new int[n];
        _external = new double[n];
        _toRefined = new double[n];
        for (var v = 0; v < n; v++)
        {
            _refined[v] = v;
            _refinedStrength[v] = graph.Strength[v];
            _refinedSize[v] = 1;
            for (var arc = graph.Offsets[v]; arc < graph.Offsets[v + 1]; arc++)
            {
                if (community[graph.Neighbours[arc]] == community[v])
                {
                    _external[v] += graph.Weights[arc];
                }
            }
        }
    }

    /// <summary>The refined partition of <paramref name="community"/> (numbers 0..n−1, not compacted).</summary>
    public static int[] Run(LevelGraph graph, int[] community, int communities, double resolution, ref SplitMix random,
        CancellationToken cancellationToken)
    {
        var refinement = new Refinement(graph, community, resolution);
        var communityStrength = new double[communities];
        for (var v = 0; v < graph.NodeCount; v++)
        {
            communityStrength[community[v]] += graph.Strength[v];
        }
        var groups = GroupMembers.Of(community, communities);
        for (var c = 0; c < communities; c++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var members = groups.Of(c);
            Shuffled.Shuffle(members, ref random);
            foreach (var v in members)
            {
                refinement.MergeIfAlone(v, communityStrength[community[v]], ref random);
            }
        }
        return refinement._refined;
    }

    private bool WellConnected(double external, double strength, double communityStrength) =>
        external >= _resolutionPerTwoM * strength * (communityStrength - strength);

    private void MergeIfAlone(int v, double communityStrength, ref SplitMix random)
    {
        var own = _refined[v];
        var strength = _graph.Strength[v];
        if (_refinedSize[own] != 1 || !WellConnected(_external[own], strength, communityStrength))
        {
            return;
        }
        for (var arc = _graph.Offsets[v]; arc < _graph.Offsets[v + 1]; arc++)
        {
            var u = _graph.Neighbours[arc];
            var r = _refined[u];
            if (_community[u] != _community[v] || r == own)
            {
                continue;
            }
            if (_toRefined[r] == 0)
            {
                _touched.Add(r);
            }
            _toRefined[r] += _graph.Weights[arc];
        }
        var target = Draw(own, strength, communityStrength, ref random);
        if (target != own)
        {
            _external[target] += _external[own] - 2 * _toRefined[target];
            _refinedStrength[target] += strength;
            _refinedSize[target]++;
            _refinedSize[own] = 0;
            _refined[v] = target;
        }
        foreach (var r in _touched)
        {
            _toRefined[r] = 0;
        }
        _touched.Clear();
    }

    /// <summary>
    /// A refined community for v among the touched ones that are well connected and whose gain is not negative, or v's
    /// own (<paramref name="own"/>, gain 0): chosen with probability ∝ exp((gain − best gain) / θ) from one seeded draw.
    /// </summary>
    private int Draw(int own, double strength, double communityStrength, ref SplitMix random)
    {
        var bestGain = 0.0;
        _gains.Clear();
        foreach (var r in _touched)
        {
            var gain = Gain(r, strength, communityStrength);
            _gains.Add(gain);
            bestGain = Math.Max(bestGain, gain);
        }
        // Weights relative to the best move, so exp never overflows; ineligible moves weigh nothing.
        var stay = Math.Exp(-bestGain / Randomness);
        var total = stay;
        for (var i = 0; i < _gains.Count; i++)
        {
            _gains[i] = _gains[i] >= 0 ? Math.Exp((_gains[i] - bestGain) / Randomness) : 0;
            total += _gains[i];
        }
        var pick = random.NextDouble() * total - stay;
        var chosen = own;
        for (var i = 0; i < _gains.Count && pick >= 0; i++)
        {
            if (_gains[i] > 0)
            {
                // Rounding may leave a sliver of the total past the last weight: it goes to the last eligible community.
                chosen = _touched[i];
                pick -= _gains[i];
            }
        }
        return chosen;
    }

    /// <summary>Modularity gain (× m) of v joining refined community r, or −1 when r is not well connected to its community.</summary>
    private double Gain(int r, double strength, double communityStrength) =>
        WellConnected(_external[r], _refinedStrength[r], communityStrength)
            ? _toRefined[r] - _resolutionPerTwoM * strength * _refinedStrength[r]
            : -1;
}
