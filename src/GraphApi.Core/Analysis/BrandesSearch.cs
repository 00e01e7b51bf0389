namespace GraphApi.Core.Analysis;

/// <summary>
/// One worker's reusable state for Brandes (2001): single-source shortest-path searches that count shortest paths
/// (σ), each followed by the dependency accumulation δ(v) = Σ over DAG successors w of σ(v)/σ(w) · (1 + δ(w)).
/// Works on the <see cref="PackedGraph"/> numbering and clears only what each search touched.
/// </summary>
internal abstract class BrandesSearch
{
    /// <summary>How many sources one <see cref="Run"/> takes at most.</summary>
    public abstract int BatchSize { get; }

    /// <summary>
    /// Searches from each of <paramref name="sources"/>; adds their dependencies to <paramref name="dependencies"/>
    /// when given (a source gets none from its own search), and writes per source how many nodes it reached (itself
    /// included) and the sum of its distances to them (hops, or route cost in nats), which closeness needs; pass
    /// empty spans when closeness is not wanted, and that summary is skipped.
    /// </summary>
    public abstract void Run(ReadOnlySpan<int> sources, double[]? dependencies, Span<int> reached, Span<double> distanceSums);

    public static BrandesSearch For(PackedGraph graph, bool weighted) =>
        weighted ? new DijkstraBrandes(graph) : BreadthFirstBrandes.For(graph);
}
