namespace GraphApi.Analysis;

/// <summary>
/// The explorer's whole-graph (or filtered) overview in a compact, column-wise form: node i is <c>Ids[i]</c> at
/// (<c>X[i]</c>, <c>Y[i]</c>); <c>Edges</c> is a flat list of node-index pairs (2k, 2k+1), one per tied pair.
/// </summary>
/// <param name="Version">The graph version it was laid out from.</param>
/// <param name="Matching">How many actors matched the filter.</param>
/// <param name="Limit">The most actors laid out.</param>
/// <param name="Truncated">True when more actors matched than limit allows.</param>
/// <param name="Nodes">The actors laid out, column-wise.</param>
/// <param name="Edges">Node-index pairs, flat: edge k joins nodes edges[2k] and edges[2k+1].</param>
/// <param name="PrivateNodes">Indices of the nodes that are the caller's workspace's private actors, ascending (empty for a caller without a workspace).</param>
/// <param name="PrivateEdges">Indices k of the edges that hold at least one of the caller's workspace's private ties, ascending (empty for a caller without a workspace).</param>
public sealed record OverviewResponse(
    long Version,
    int Matching,
    int Limit,
    bool Truncated,
    OverviewNodes Nodes,
    IReadOnlyList<int> Edges,
    IReadOnlyList<int> PrivateNodes,
    IReadOnlyList<int> PrivateEdges);

/// <summary>The overview's actors, column-wise: node i is ids[i].</summary>
/// <param name="Ids">The actors' ids.</param>
/// <param name="Names">Their names.</param>
/// <param name="Kinds">Their kinds.</param>
/// <param name="Regions">Their regions.</param>
/// <param name="X">Their x positions.</param>
/// <param name="Y">Their y positions.</param>
/// <param name="Degrees">Their ties to other laid-out actors.</param>
public sealed record OverviewNodes(
    IReadOnlyList<string> Ids,
    IReadOnlyList<string> Names,
    IReadOnlyList<string> Kinds,
    IReadOnlyList<string> Regions,
    IReadOnlyList<double> X,
    IReadOnlyList<double> Y,
    IReadOnlyList<int> Degrees);
