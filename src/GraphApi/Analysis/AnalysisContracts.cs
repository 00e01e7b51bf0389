using GraphApi.Http;
using GraphApi.Http.Input;

namespace GraphApi.Analysis;

/// <summary>One actor's raw Gould–Fernandez counts.</summary>
/// <param name="Actor">The actor's id.</param>
/// <param name="Name">The actor's name.</param>
/// <param name="Group">The actor's group under the partition (its region, country, kind or first sector).</param>
/// <param name="Coordinator">Two-paths A→A→A it brokers (w_I).</param>
/// <param name="Itinerant">Two-paths A→B→A it brokers (consultant, w_O).</param>
/// <param name="Representative">Two-paths A→A→B it brokers (b_IO).</param>
/// <param name="Gatekeeper">Two-paths A→B→B it brokers (b_OI).</param>
/// <param name="Liaison">Two-paths A→B→C it brokers (b_O).</param>
/// <param name="Total">The sum of the five roles.</param>
public sealed record BrokerageItem(
    string Actor, string Name, string Group, long Coordinator, long Itinerant, long Representative, long Gatekeeper, long Liaison, long Total);

/// <summary>A page of brokerage results, with the parameters and snapshot version they were computed on.</summary>
/// <param name="Items">This page's actors, in the order asked for.</param>
/// <param name="Total">How many actors the list has in all.</param>
/// <param name="Limit">The page size asked for.</param>
/// <param name="Offset">How many actors come before this page.</param>
/// <param name="Next">The next page's URL (the same question, offset moved on), absent on the last page; also sent as a Link header.</param>
/// <param name="Partition">The partition the groups come from.</param>
/// <param name="Directed">Whether directed types counted as one arc.</param>
/// <param name="Version">The graph version the counts were computed on.</param>
/// <param name="AsOf">The day the graph was taken as of (YYYY-MM-DD), absent for the whole graph.</param>
public sealed record BrokeragePage(IReadOnlyList<BrokerageItem> Items, int Total, int Limit, int Offset, string? Next,
    [property: OneOf(Sets.Partition)] string Partition, bool Directed, long Version, string? AsOf) : IPaged;

/// <summary>
/// One actor's centrality. Measures that were not asked for are absent; so are constraint and effective size of an
/// isolate, where they are undefined.
/// </summary>
/// <param name="Actor">The actor's id.</param>
/// <param name="Name">The actor's name.</param>
/// <param name="Degree">Distinct neighbours.</param>
/// <param name="Betweenness">Brandes betweenness, unnormalised (over unordered pairs).</param>
/// <param name="BetweennessNormalized">Betweenness × 2/((n−1)(n−2)).</param>
/// <param name="Closeness">Closeness with the Wasserman–Faust scaling for disconnected graphs.</param>
/// <param name="Constraint">Burt's constraint (absent for an isolate).</param>
/// <param name="EffectiveSize">Burt's effective size (absent for an isolate).</param>
/// <param name="Component">The number of the actor's connected component.</param>
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

/// <summary>A page of centrality results, with the parameters and snapshot version they were computed on.</summary>
/// <param name="Items">This page's actors, in the order asked for.</param>
/// <param name="Total">How many actors the list has in all.</param>
/// <param name="Limit">The page size asked for.</param>
/// <param name="Offset">How many actors come before this page.</param>
/// <param name="Next">The next page's URL (the same question, offset moved on), absent on the last page; also sent as a Link header.</param>
/// <param name="Measures">The measures computed.</param>
/// <param name="Weighted">Whether lengths were route costs rather than hops.</param>
/// <param name="Pivots">The pivot sources betweenness was estimated from, when sample was given.</param>
/// <param name="Guarantee">What an (ε, δ) estimate met, when epsilon was given.</param>
/// <param name="Components">How many connected components the graph has.</param>
/// <param name="Version">The graph version the measures were computed on.</param>
/// <param name="AsOf">The day the graph was taken as of (YYYY-MM-DD), absent for the whole graph.</param>
public sealed record CentralityPage(
    IReadOnlyList<CentralityItem> Items, int Total, int Limit, int Offset, string? Next,
    [property: OneOf(AnalysisSets.CentralityMeasure)] IReadOnlyList<string> Measures, bool Weighted, int? Pivots,
    BetweennessGuaranteeView? Guarantee, int Components, long Version, string? AsOf) : IPaged;

/// <summary>What an (ε, δ) betweenness estimate met (Riondato and Kornaropoulos 2016).</summary>
/// <param name="Epsilon">ε as asked.</param>
/// <param name="Delta">δ as asked (or its default).</param>
/// <param name="Samples">How many shortest paths were drawn.</param>
/// <param name="VertexDiameterBound">The bound on the actors on any shortest path the sample size follows from.</param>
/// <param name="Seed">The seed the paths were drawn with.</param>
/// <param name="C">The constant c of the sample-size bound.</param>
/// <param name="BetweennessError">With probability at least 1 − delta, every betweenness is within this of exact (ε·n(n−1)/2).</param>
/// <param name="NormalizedError">The same bound for betweennessNormalized (ε·n/(n−2)); absent below three actors.</param>
/// <param name="Method">How the paths were drawn.</param>
public sealed record BetweennessGuaranteeView(
    double Epsilon, double Delta, int Samples, int VertexDiameterBound, int Seed, double C, double BetweennessError, double? NormalizedError, string Method);

/// <summary>An actor on best introduction routes from one group to another.</summary>
/// <param name="Actor">The actor's id.</param>
/// <param name="Name">The actor's name.</param>
/// <param name="Kind">The actor's kind.</param>
/// <param name="Country">The actor's country.</param>
/// <param name="Routes">How many best routes it sits on as an intermediate.</param>
/// <param name="Share">routes / pairs (with a sample: the estimated share over all sources).</param>
/// <param name="StandardError">With a sample: the share's standard error.</param>
/// <param name="Low">With a sample: the 95 % interval's lower end.</param>
/// <param name="High">With a sample: the 95 % interval's upper end.</param>
public sealed record GatewayItem(string Actor, string Name, string Kind, string Country, long Routes, double Share,
    double? StandardError = null, double? Low = null, double? High = null);

/// <summary>A gateway ranking (capped by top, not paged).</summary>
/// <param name="Items">The gateways, most routes first (then id).</param>
/// <param name="Pairs">The (source, target) pairs with a route.</param>
/// <param name="Sources">How many actors the from group has.</param>
/// <param name="Targets">How many actors the to group has.</param>
/// <param name="From">The source group, as field:value.</param>
/// <param name="To">The target group, as field:value.</param>
/// <param name="Version">The graph version the routes were computed on.</param>
/// <param name="SampledSources">When sample was given: how many sources were searched.</param>
/// <param name="Seed">When sample was given: the seed they were drawn with.</param>
/// <param name="AsOf">The day the graph was taken as of (YYYY-MM-DD), absent for the whole graph.</param>
public sealed record GatewayPage(IReadOnlyList<GatewayItem> Items, long Pairs, int Sources, int Targets, string From, string To, long Version,
    int? SampledSources = null, int? Seed = null, string? AsOf = null);
