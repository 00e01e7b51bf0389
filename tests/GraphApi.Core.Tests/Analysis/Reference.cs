using GraphApi.Core.Analysis;
using GraphApi.Core.Domain;
using GraphApi.Core.Graph;
using GraphApi.Core.Routing;

namespace GraphApi.Core.Tests.Analysis;

/// <summary>
/// Deliberately plain reference implementations, written from the definitions on dense matrices with no cleverness,
/// to check the fast code against: all-pairs shortest paths and path counts, brute-force two-path enumeration,
/// Burt's general formulas, and exhaustive simple-path search for best routes.
/// Weighted lengths are the router's quantised costs (whole nano-nats, held exactly in doubles), so path lengths
/// compare exactly, as the service compares them.
/// </summary>
internal sealed class Reference
{
    private readonly int _n;
    private readonly bool[,] _adjacent;
    private readonly double[,] _cost;
    private readonly double[,] _distance;
    private readonly double[,] _paths;
    // Distances are in nano-nats when weighted; closeness reports nats.
    private readonly double _unit;

    public Reference(GraphSnapshot snapshot, bool weighted)
    {
        Snapshot = snapshot;
        _n = snapshot.ActorCount;
        _adjacent = new bool[_n, _n];
        _cost = new double[_n, _n];
        _unit = weighted ? HopCosts.Resolution : 1.0;
        for (var e = 0; e < snapshot.RelationshipCount; e++)
        {
            int s = snapshot.SourceOf(e), t = snapshot.TargetOf(e);
            var cost = weighted ? HopCosts.QuantisedCostOf(snapshot.BaseStrength(e)) : 1.0;
            if (!_adjacent[s, t] || cost < _cost[s, t])
            {
                _cost[s, t] = _cost[t, s] = cost;
            }
            _adjacent[s, t] = _adjacent[t, s] = true;
        }
        (_distance, _paths) = AllPairs();
    }

    public GraphSnapshot Snapshot { get; }

    public bool Adjacent(int a, int b) => _adjacent[a, b];

    public double Distance(int a, int b) => _distance[a, b];

    /// <summary>Floyd–Warshall distances, then shortest-path counts by adding over predecessors in distance order.</summary>
    private (double[,] Distance, double[,] Paths) AllPairs()
    {
        var d = new double[_n, _n];
        for (var a = 0; a < _n; a++)
        {
            for (var b = 0; b < _n; b++)
            {
                d[a, b] = a == b ? 0 : _adjacent[a, b] ? _cost[a, b] : double.PositiveInfinity;
            }
        }
        for (var k = 0; k < _n; k++)
        {
            for (var a = 0; a < _n; a++)
            {
                for (var b = 0; b < _n; b++)
                {
                    if (d[a, k] + d[k, b] < d[a, b])
                    {
                        d[a, b] = d[a, k] + d[k, b];
                    }
                }
            }
        }
        var sigma = new double[_n, _n];
        for (var s = 0; s < _n; s++)
        {
            sigma[s, s] = 1;
            foreach (var v in Enumerable.Range(0, _n).Where(v => v != s && !double.IsPositiveInfinity(d[s, v])).OrderBy(v => d[s, v]))
            {
                for (var u = 0; u < _n; u++)
                {
                    if (_adjacent[u, v] && d[s, u] + _cost[u, v] == d[s, v])
                    {
                        sigma[s, v] += sigma[s, u];
                    }
                }
            }
        }
        return (d, sigma);
    }

    private bool OnShortestPath(int s, int v, int t) =>
        !double.IsPositiveInfinity(_distance[s, t]) && _distance[s, v] + _distance[v, t] == _distance[s, t];

    /// <summary>Σ over unordered pairs {s, t} ∌ v of σ_st(v) / σ_st.</summary>
    public double[] Betweenness() => [.. Enumerable.Range(0, _n).Select(v => Dependencies(v, Enumerable.Range(0, _n)) / 2)];

    /// <summary>Σ over sources s in <paramref name="sources"/> and all targets t of σ_st(v) / σ_st (ordered pairs).</summary>
    public double Dependencies(int v, IEnumerable<int> sources)
    {
        var sum = 0.0;
        foreach (var s in sources)
        {
            for (var t = 0; t < _n; t++)
            {
                if (s != v && t != v && s != t && OnShortestPath(s, v, t))
                {
                    sum += _paths[s, v] * _paths[v, t] / _paths[s, t];
                }
            }
        }
        return sum;
    }

    public double Closeness(int v)
    {
        var reachable = Enumerable.Range(0, _n).Where(t => !double.IsPositiveInfinity(_distance[v, t])).ToList();
        var total = reachable.Sum(t => _distance[v, t]) / _unit;
        return total > 0 && _n > 1 ? (reachable.Count - 1) / total * (reachable.Count - 1) / (_n - 1) : 0;
    }

    private List<int> Neighbours(int v) => [.. Enumerable.Range(0, _n).Where(u => _adjacent[v, u])];

    /// <summary>Proportional tie strength with mutual weights a_ij + a_ji, as NetworkX's normalized_mutual_weight.</summary>
    private double P(int i, int j)
    {
        double Mutual(int a, int b) => (_adjacent[a, b] ? 1 : 0) + (_adjacent[b, a] ? 1 : 0);
        var scale = Neighbours(i).Sum(k => Mutual(i, k));
        return scale == 0 ? 0 : Mutual(i, j) / scale;
    }

    public double? Constraint(int v)
    {
        var neighbours = Neighbours(v);
        if (neighbours.Count == 0)
        {
            return null;
        }
        return neighbours.Sum(j =>
        {
            var local = P(v, j) + neighbours.Sum(q => P(v, q) * P(q, j));
            return local * local;
        });
    }

    /// <summary>Burt's effective size Σ_j (1 − Σ_q p_vq · m_jq), with m_jq the tie j–q over j's strongest tie.</summary>
    public double? EffectiveSize(int v)
    {
        var neighbours = Neighbours(v);
        if (neighbours.Count == 0)
        {
            return null;
        }
        return neighbours.Sum(j => 1 - neighbours.Where(q => q != j).Sum(q => P(v, q) * (_adjacent[j, q] ? 1.0 : 0.0)));
    }

    /// <summary>Every open two-path i → j → k (distinct actors, arcs i→j and j→k, no arc i→k), by brute force over triples.</summary>
    public static IEnumerable<(int I, int J, int K)> OpenTwoPaths(GraphSnapshot snapshot, bool directed)
    {
        var n = snapshot.ActorCount;
        var arc = new bool[n, n];
        for (var e = 0; e < snapshot.RelationshipCount; e++)
        {
            arc[snapshot.SourceOf(e), snapshot.TargetOf(e)] = true;
            if (!directed || !snapshot.Catalogue[snapshot.RelationshipAt(e).Type].Directed)
            {
                arc[snapshot.TargetOf(e), snapshot.SourceOf(e)] = true;
            }
        }
        for (var j = 0; j < n; j++)
        {
            for (var i = 0; i < n; i++)
            {
                for (var k = 0; k < n; k++)
                {
                    if (i != j && j != k && i != k && arc[i, j] && arc[j, k] && !arc[i, k])
                    {
                        yield return (i, j, k);
                    }
                }
            }
        }
    }

    /// <summary>Gould–Fernandez counts by classifying each open two-path from the role table.</summary>
    public static BrokerageRoles[] Brokerage(GraphSnapshot snapshot, ActorField partition, bool directed)
    {
        var n = snapshot.ActorCount;
        var group = Enumerable.Range(0, n).Select(v => ActorFields.GroupOf(snapshot.ActorAt(v), partition)).ToArray();
        var roles = new long[n, 5];
        foreach (var (i, j, k) in OpenTwoPaths(snapshot, directed))
        {
            var role = (group[i] == group[j], group[j] == group[k], group[i] == group[k]) switch
            {
                (true, true, _) => 0,      // coordinator A → A → A
                (false, false, true) => 1, // itinerant A → B → A
                (true, false, _) => 2,     // representative A → A → B
                (false, true, _) => 3,     // gatekeeper A → B → B
                _ => 4,                    // liaison A → B → C
            };
            roles[j, role]++;
        }
        return [.. Enumerable.Range(0, n).Select(v => new BrokerageRoles(roles[v, 0], roles[v, 1], roles[v, 2], roles[v, 3], roles[v, 4]))];
    }

    /// <summary>
    /// Gateway counts by exhaustive search: every simple path from each source to each target, the best chosen by
    /// (cost, hops, id sequence); its inner actors score one.
    /// </summary>
    public long[] Gateways(ActorFilter from, ActorFilter to, out long pairs)
    {
        var routes = new long[_n];
        pairs = 0;
        for (var s = 0; s < _n; s++)
        {
            if (!from.Matches(Snapshot.ActorAt(s)))
            {
                continue;
            }
            for (var t = 0; t < _n; t++)
            {
                if (t == s || !to.Matches(Snapshot.ActorAt(t)))
                {
                    continue;
                }
                var best = BestPath(s, t);
                if (best is null)
                {
                    continue;
                }
                pairs++;
                foreach (var inner in best.Skip(1).SkipLast(1))
                {
                    routes[inner]++;
                }
            }
        }
        return routes;
    }

    private List<int>? BestPath(int s, int t)
    {
        List<int>? best = null;
        var bestCost = double.PositiveInfinity;
        var path = new List<int> { s };
        var onPath = new bool[_n];
        onPath[s] = true;
        void Extend(int v, double cost)
        {
            if (v == t)
            {
                if (best is null || Better(cost, path, bestCost, best))
                {
                    best = [.. path];
                    bestCost = cost;
                }
                return;
            }
            for (var w = 0; w < _n; w++)
            {
                if (_adjacent[v, w] && !onPath[w])
                {
                    onPath[w] = true;
                    path.Add(w);
                    Extend(w, cost + _cost[v, w]);
                    path.RemoveAt(path.Count - 1);
                    onPath[w] = false;
                }
            }
        }
        Extend(s, 0);
        return best;
    }

    private static bool Better(double cost, List<int> path, double bestCost, List<int> best)
    {
        if (cost != bestCost)
        {
            return cost < bestCost;
        }
        if (path.Count != best.Count)
        {
            return path.Count < best.Count;
        }
        return path.Zip(best).Select(p => p.First.CompareTo(p.Second)).FirstOrDefault(c => c != 0) < 0;
    }
}
