namespace GraphApi.Analysis;

/// <summary>One actor's raw Gould–Fernandez counts; <c>group</c> is the actor's group under the partition.</summary>
public sealed record BrokerageItem(
    string Actor, string Name, string Group, long Coordinator, long Itinerant, long Representative, long Gatekeeper, long Liaison, long Total);

/// <summary>A page of brokerage results, with the parameters and snapshot version they were computed on (<c>asOf</c> when the graph was taken as of a day).</summary>
public sealed record BrokeragePage(IReadOnlyList<BrokerageItem> Items, int Total, int Limit, int Offset, string Partition, bool Directed, long Version,
    string? AsOf = null);

/// <summary>
/// One actor's centrality. Measures that were not asked for are absent; so are constraint and effective size of an
/// isolate, where they are undefined. <c>component</c> numbers the actor's connected component.
/// </summary>
public sealed record CentralityItem(
    string Actor,
    string Name,
    int? Degree,
    double? Betweenness,
    double? BetweennessNormalized,
    double? Closeness,
    double? Constraint,
    double? EffectiveSize,
    int Component);

/// <summary>
/// A page of centrality results. <c>pivots</c> is set when betweenness was estimated from pivot sources,
/// <c>guarantee</c> when it was estimated from sampled paths with a stated error.
/// </summary>
public sealed record CentralityPage(
    IReadOnlyList<CentralityItem> Items, int Total, int Limit, int Offset, IReadOnlyList<string> Measures, bool Weighted, int? Pivots,
    BetweennessGuaranteeView? Guarantee, int Components, long Version, string? AsOf = null);

/// <summary>
/// What an (ε, δ) betweenness estimate met: with probability at least 1 − <c>delta</c>, every actor's
/// <c>betweenness</c> is within <c>betweennessError</c> (= ε·n(n−1)/2) of the exact value and its
/// <c>betweennessNormalized</c> within <c>normalizedError</c> (= ε·n/(n−2)). <c>samples</c> shortest paths were drawn
/// with <c>seed</c>; their number follows from ε, δ and <c>vertexDiameterBound</c> (most actors on any shortest path)
/// by Riondato and Kornaropoulos (2016), with constant <c>c</c>.
/// </summary>
public sealed record BetweennessGuaranteeView(
    double Epsilon, double Delta, int Samples, int VertexDiameterBound, int Seed, double C, double BetweennessError, double? NormalizedError, string Method);

/// <summary>
/// An actor on best introduction routes from one group to another: how many, and what share of all pairs with a route.
/// From a sample of sources, <c>standardError</c> and the 95 % interval <c>low</c>..<c>high</c> say how far the share may be off.
/// </summary>
public sealed record GatewayItem(string Actor, string Name, string Kind, string Country, long Routes, double Share,
    double? StandardError = null, double? Low = null, double? High = null);

/// <summary>A gateway ranking; <c>sampledSources</c> (with its <c>seed</c>) is set when only that many sources were searched.</summary>
public sealed record GatewayPage(IReadOnlyList<GatewayItem> Items, long Pairs, int Sources, int Targets, string From, string To, long Version,
    int? SampledSources = null, int? Seed = null, string? AsOf = null);
