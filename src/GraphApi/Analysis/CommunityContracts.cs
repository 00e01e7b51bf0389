namespace GraphApi.Analysis;

/// <summary>
/// One actor's community: <c>degree</c> distinct neighbours, <c>degreeInside</c> of them in its own community,
/// <c>communitiesReached</c> the communities its neighbours are in, and its participation coefficient.
/// </summary>
public sealed record CommunityMemberItem(
    string Actor, string Name, int Community, int Degree, int DegreeInside, int CommunitiesReached, double Participation);

/// <summary>An actor named in a community's summary, with its neighbours inside the community.</summary>
public sealed record CommunityMemberRef(string Actor, string Name, int DegreeInside);

/// <summary>A community, numbered by size (largest first): its size and its best-connected members.</summary>
public sealed record CommunityItem(int Community, int Size, IReadOnlyList<CommunityMemberRef> TopMembers);

/// <summary>
/// Communities of the graph and the actors bridging them. <c>items</c> is a page of actors (by community, then id);
/// <c>communities</c> and <c>bridges</c> list the first <c>top</c> of each.
/// </summary>
public sealed record CommunityPage(
    IReadOnlyList<CommunityMemberItem> Items, int Total, int Limit, int Offset, double Resolution, int Seed, double Modularity,
    int CommunityCount, IReadOnlyList<CommunityItem> Communities, int BridgeCount, IReadOnlyList<CommunityMemberItem> Bridges, long Version,
    string? AsOf = null);
