using GraphApi.Http;

namespace GraphApi.Analysis;

/// <summary>One actor's community and how its ties spread over communities.</summary>
/// <param name="Actor">The actor's id.</param>
/// <param name="Name">The actor's name.</param>
/// <param name="Community">Its community's number (0 is the largest).</param>
/// <param name="Degree">Distinct neighbours.</param>
/// <param name="DegreeInside">Neighbours in its own community.</param>
/// <param name="CommunitiesReached">The communities its neighbours are in.</param>
/// <param name="Participation">Guimerà and Amaral's participation coefficient P = 1 − Σ_s (k_s/k)²: 0 when every tie stays in one community.</param>
public sealed record CommunityMemberItem(
    string Actor, string Name, int Community, int Degree, int DegreeInside, int CommunitiesReached, double Participation);

/// <summary>An actor named in a community's summary.</summary>
/// <param name="Actor">The actor's id.</param>
/// <param name="Name">The actor's name.</param>
/// <param name="DegreeInside">Its neighbours inside the community.</param>
public sealed record CommunityMemberRef(string Actor, string Name, int DegreeInside);

/// <summary>A community, numbered by size (largest first).</summary>
/// <param name="Community">Its number.</param>
/// <param name="Size">How many actors it has.</param>
/// <param name="TopMembers">Its best-connected members (most neighbours inside, then degree, then id; up to 5): its core.</param>
/// <param name="Stability">The share (0-1) of the stability runs in which its core stayed in one community; absent without runs.</param>
public sealed record CommunityItem(int Community, int Size, IReadOnlyList<CommunityMemberRef> TopMembers, double? Stability);

/// <summary>Communities of the graph and the actors bridging them; <c>items</c> is a page of actors (by community, then id).</summary>
/// <param name="Items">This page's actors, by community, then id.</param>
/// <param name="Total">How many actors the list has in all.</param>
/// <param name="Limit">The page size asked for.</param>
/// <param name="Offset">How many actors come before this page.</param>
/// <param name="Next">The next page's URL (the same question, offset moved on), absent on the last page; also sent as a Link header.</param>
/// <param name="Resolution">The resolution γ used.</param>
/// <param name="Seed">The seed of Leiden's random orders.</param>
/// <param name="StabilityRuns">How many runs with seeds seed+1 … measured each community's stability (0: none).</param>
/// <param name="Modularity">Q of the answer (0 for a graph without ties).</param>
/// <param name="CommunityCount">How many communities there are.</param>
/// <param name="Communities">The first top communities, largest first.</param>
/// <param name="BridgeCount">How many actors bridge communities (degree ≥ 2 and P greater than 0).</param>
/// <param name="Bridges">The first top bridges: by participation, then degree, descending, then id.</param>
/// <param name="Version">The graph version the communities were computed on.</param>
/// <param name="AsOf">The day the graph was taken as of (YYYY-MM-DD), absent for the whole graph.</param>
public sealed record CommunityPage(
    IReadOnlyList<CommunityMemberItem> Items, int Total, int Limit, int Offset, string? Next, double Resolution, int Seed, int StabilityRuns, double Modularity,
    int CommunityCount, IReadOnlyList<CommunityItem> Communities, int BridgeCount, IReadOnlyList<CommunityMemberItem> Bridges, long Version,
    string? AsOf) : IPaged;
