namespace GraphApi.Contracts;

/// <summary>One actor's raw Gould–Fernandez counts; <c>group</c> is the actor's group under the partition.</summary>
public sealed record BrokerageItem(
    string Actor, string Name, string Group, long Coordinator, long Itinerant, long Representative, long Gatekeeper, long Liaison, long Total);

/// <summary>A page of brokerage results, with the parameters and snapshot version they were computed on.</summary>
public sealed record BrokeragePage(IReadOnlyList<BrokerageItem> Items, int Total, int Limit, int Offset, string Partition, bool Directed, long Version);

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

/// <summary>A page of centrality results. <c>pivots</c> is set when betweenness was estimated from a sample.</summary>
public sealed record CentralityPage(
    IReadOnlyList<CentralityItem> Items, int Total, int Limit, int Offset, IReadOnlyList<string> Measures, bool Weighted, int? Pivots, int Components, long Version);

/// <summary>
/// An actor on best introduction routes from one group to another: how many, and what share of all pairs with a route.
/// From a sample of sources, <c>standardError</c> and the 95 % interval <c>low</c>..<c>high</c> say how far the share may be off.
/// </summary>
public sealed record GatewayItem(string Actor, string Name, string Kind, string Country, long Routes, double Share,
    double? StandardError = null, double? Low = null, double? High = null);

/// <summary>A gateway ranking; <c>sampledSources</c> (with its <c>seed</c>) is set when only that many sources were searched.</summary>
public sealed record GatewayPage(IReadOnlyList<GatewayItem> Items, long Pairs, int Sources, int Targets, string From, string To, long Version,
    int? SampledSources = null, int? Seed = null);
