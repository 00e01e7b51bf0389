namespace GraphApi.Core.Analysis;

/// <summary>
/// One single-source shortest-path search per source, each followed by Brandes' (2001) dependency accumulation
/// when betweenness is wanted, and by the source's closeness when that is wanted (a source's own distances are
/// all closeness needs on an undirected graph). Unweighted searches are BFS; weighted ones are Dijkstra on the
/// edge costs, counting paths whose lengths agree within <see cref="RouteCost.Equal"/> as equally short.
/// <para>
/// Sources are split into a fixed number of contiguous chunks, whatever the core count; each chunk sums its own
/// dependencies in source order and the chunks are added in chunk order, so the floating-point result is the same
/// on every run and every machine. Workspaces (the per-search arrays) are pooled so each worker thread reuses one.
/// </para>
/// </summary>
internal static class ShortestPathPass
{
    private const int ChunkCount = 16;

    public sealed record Result(double[]? DependencySums, double[]? Closeness);

    public static Result Run(SimpleGraph graph, int[] sources, bool weighted, bool betweenness, bool closeness, CancellationToken cancellationToken)
    {
        var n = graph.NodeCount;
        var chunks = Math.Min(ChunkCount, Math.Max(1, sources.Length));
        var sums = betweenness ? new double[chunks][] : null;
        var closenessValues = closeness ? new double[n] : null;
        var pool = new System.Collections.Concurrent.ConcurrentBag<Workspace>();
        var options = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount };
        Parallel.For(0, chunks, options, chunk =>
        {
            var workspace = pool.TryTake(out var pooled) ? pooled : new Workspace(n, 2 * graph.EdgeCount);
            var accumulator = betweenness ? new double[n] : null;
            var end = (int)((long)sources.Length * (chunk + 1) / chunks);
            for (var index = (int)((long)sources.Length * chunk / chunks); index < end; index++)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    // Abandon the workspace (it may be mid-search); Parallel.For reports the cancellation.
                    return;
                }
                var source = sources[index];
                var reached = weighted ? workspace.Dijkstra(graph, source) : workspace.Bfs(graph, source);
                if (closenessValues is not null)
                {
                    closenessValues[source] = Closeness(n, reached, workspace.DistanceSum(reached, weighted));
                }
                if (accumulator is not null)
                {
                    workspace.Accumulate(reached, weighted, accumulator);
                }
                workspace.Reset(reached);
            }
            if (sums is not null)
            {
                sums[chunk] = accumulator!;
            }
            pool.Add(workspace);
        });
        cancellationToken.ThrowIfCancellationRequested();
        return new Result(sums is null ? null : Add(sums, n), closenessValues);
    }

    /// <summary>
    /// NetworkX's closeness_centrality with wf_improved: (r − 1) / Σd scaled by (r − 1) / (n − 1), where r counts
    /// the nodes the source reaches (itself included) — Wasserman and Faust's correction for disconnected graphs.
    /// </summary>
    private static double Closeness(int n, int reached, double distanceSum) =>
        distanceSum > 0 && n > 1 ? (reached - 1) / distanceSum * ((reached - 1) / (double)(n - 1)) : 0.0;

    private static double[] Add(double[][] chunks, int n)
    {
        var total = new double[n];
        foreach (var chunk in chunks)
        {
            for (var v = 0; v < n; v++)
            {
                total[v] += chunk[v];
            }
        }
        return total;
    }

    /// <summary>Per-search state, reset after each source by touching only the nodes that search reached.</summary>
    private sealed class Workspace
    {
        private readonly int[] _order;
        // Hop count, path count and dependency of a node sit together: each arc the searches scan touches one cache line.
        private readonly NodeState[] _state;
        private readonly double[] _distance;
        private readonly bool[] _settled;
        private readonly int[] _predecessorHead;
        private readonly int[] _predecessorNext;
        private readonly int[] _predecessorNode;
        // BFS successors (DAG arcs v → w with w one hop further), grouped by v's position in the visit order.
        private readonly int[] _successors;
        private readonly int[] _successorStart;
        private readonly PriorityQueue<int, double> _heap = new();
        private int _predecessorCount;

        public Workspace(int n, int arcs)
        {
            _order = new int[n];
            _state = new NodeState[n];
            _distance = new double[n];
            _settled = new bool[n];
            _predecessorHead = new int[n];
            _predecessorNext = new int[arcs];
            _predecessorNode = new int[arcs];
            _successors = new int[arcs];
            _successorStart = new int[n + 1];
            Array.Fill(_state, new NodeState { Hops = -1 });
            Array.Fill(_distance, double.PositiveInfinity);
            Array.Fill(_predecessorHead, -1);
        }

        /// <summary>BFS from <paramref name="source"/>; fills the visit order and path counts; returns how many nodes it reached.</summary>
        public int Bfs(SimpleGraph graph, int source)
        {
            _state[source].Hops = 0;
            _state[source].Sigma = 1;
            _order[0] = source;
            int head = 0, tail = 1, successors = 0;
            while (head < tail)
            {
                _successorStart[head] = successors;
                var v = _order[head++];
                var next = _state[v].Hops + 1;
                var paths = _state[v].Sigma;
                foreach (var w in graph.Neighbours(v))
                {
                    ref var target = ref _state[w];
                    if (target.Hops < 0)
                    {
                        target.Hops = next;
                        _order[tail++] = w;
                    }
                    // Branch-free on purpose: whether an arc leads one level down is a coin toss the CPU cannot predict.
                    var isSuccessor = target.Hops == next ? 1 : 0;
                    target.Sigma += paths * isSuccessor;
                    _successors[successors] = w;
                    successors += isSuccessor;
                }
            }
            _successorStart[tail] = successors;
            return tail;
        }

        /// <summary>Dijkstra from <paramref name="source"/> on edge costs, recording every equally short predecessor.</summary>
        public int Dijkstra(SimpleGraph graph, int source)
        {
            var settledCount = 0;
            _distance[source] = 0;
            _state[source].Sigma = 1;
            _heap.Enqueue(source, 0);
            while (_heap.TryDequeue(out var v, out _))
            {
                if (_settled[v])
                {
                    continue;
                }
                _settled[v] = true;
                _order[settledCount++] = v;
                var neighbours = graph.Neighbours(v);
                var costs = graph.Costs(v);
                for (var a = 0; a < neighbours.Length; a++)
                {
                    var w = neighbours[a];
                    if (_settled[w])
                    {
                        continue;
                    }
                    var candidate = _distance[v] + costs[a];
                    if (double.IsPositiveInfinity(_distance[w]) || RouteCost.Less(candidate, _distance[w]))
                    {
                        _distance[w] = candidate;
                        _state[w].Sigma = _state[v].Sigma;
                        _predecessorHead[w] = -1;
                        AddPredecessor(w, v);
                        _heap.Enqueue(w, candidate);
                    }
                    else if (RouteCost.Equal(candidate, _distance[w]))
                    {
                        _state[w].Sigma += _state[v].Sigma;
                        AddPredecessor(w, v);
                    }
                }
            }
            return settledCount;
        }

        public double DistanceSum(int reached, bool weighted)
        {
            var sum = 0.0;
            for (var i = 0; i < reached; i++)
            {
                sum += weighted ? _distance[_order[i]] : _state[_order[i]].Hops;
            }
            return sum;
        }

        /// <summary>
        /// Brandes' back-propagation in reverse visit order, δ(v) = Σ over successors w of σ(v)/σ(w) · (1 + δ(w)).
        /// The source (first in visit order) gets no credit for its own paths.
        /// </summary>
        public void Accumulate(int reached, bool weighted, double[] accumulator)
        {
            if (weighted)
            {
                AccumulateOverPredecessors(reached, accumulator);
                return;
            }
            // Unweighted: walk each node's recorded successors, which are contiguous, without branches. Delta holds
            // the coefficient (1 + δ(w)) / σ(w) once w is done, which is all its predecessors need.
            for (var i = reached - 1; i >= 0; i--)
            {
                var sum = 0.0;
                for (var p = _successorStart[i]; p < _successorStart[i + 1]; p++)
                {
                    sum += _state[_successors[p]].Delta;
                }
                ref var node = ref _state[_order[i]];
                var delta = node.Sigma * sum;
                if (i > 0)
                {
                    accumulator[_order[i]] += delta;
                }
                node.Delta = (1 + delta) / node.Sigma;
            }
        }

        private void AccumulateOverPredecessors(int reached, double[] accumulator)
        {
            for (var i = reached - 1; i > 0; i--)
            {
                var w = _order[i];
                var share = (1 + _state[w].Delta) / _state[w].Sigma;
                for (var p = _predecessorHead[w]; p >= 0; p = _predecessorNext[p])
                {
                    ref var predecessor = ref _state[_predecessorNode[p]];
                    predecessor.Delta += predecessor.Sigma * share;
                }
                accumulator[w] += _state[w].Delta;
            }
        }

        public void Reset(int reached)
        {
            for (var i = 0; i < reached; i++)
            {
                var v = _order[i];
                _state[v] = new NodeState { Hops = -1 };
                _distance[v] = double.PositiveInfinity;
                _settled[v] = false;
                _predecessorHead[v] = -1;
            }
            _predecessorCount = 0;
        }

        private struct NodeState
        {
            public double Sigma;
            public double Delta;
            public int Hops;
        }

        private void AddPredecessor(int node, int predecessor)
        {
            _predecessorNode[_predecessorCount] = predecessor;
            _predecessorNext[_predecessorCount] = _predecessorHead[node];
            _predecessorHead[node] = _predecessorCount++;
        }
    }
}
