namespace GraphApi.Analysis;

/// <summary>
/// The explorer's whole-graph (or filtered) overview in a compact, column-wise form: node i is <c>Ids[i]</c> at
/// (<c>X[i]</c>, <c>Y[i]</c>); <c>Edges</c> is a flat list of node-index pairs (2k, 2k+1), one per tied pair.
/// </summary>
public sealed record OverviewResponse(
    long Version,
    int Matching,
    int Limit,
    bool Truncated,
    OverviewNodes Nodes,
    IReadOnlyList<int> Edges);

public sealed record OverviewNodes(
    IReadOnlyList<string> Ids,
    IReadOnlyList<string> Names,
    IReadOnlyList<string> Kinds,
    IReadOnlyList<string> Regions,
    IReadOnlyList<double> X,
    IReadOnlyList<double> Y,
    IReadOnlyList<int> Degrees);
