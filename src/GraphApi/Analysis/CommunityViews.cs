using GraphApi.Core.Analysis.Communities;
using GraphApi.Http;

namespace GraphApi.Analysis;

/// <summary>Turns a community result (indexed by actor) into the API's page.</summary>
public static class CommunityViews
{
    public static CommunityPage Page(CommunityResult result, IReadOnlyList<string>? actors, int top, (int Limit, int Offset) page, DateOnly? asOf,
        HttpRequest request)
    {
        var (limit, offset) = page;
        ArgumentNullException.ThrowIfNull(result);
        var snapshot = result.Snapshot;
        var selected = actors is null ? Enumerable.Range(0, snapshot.ActorCount) : actors.Select(snapshot.IndexOf);
        // Actor indices are in id order, so ordering by community alone (stable) leaves each community's actors by id.
        var items = selected.Order().OrderBy(v => result.Community[v]).ToList();
        var communities = result.Communities.Take(top).Select(c => new CommunityItem(c.Number, c.Size,
            [.. c.TopMembers.Select(v => new CommunityMemberRef(snapshot.ActorAt(v).Id, snapshot.ActorAt(v).Name, result.DegreeInside[v]))], c.Stability));
        return new CommunityPage([.. items.Skip(offset).Take(limit).Select(v => Member(result, v))], items.Count, limit, offset,
            Paging.Next(request, limit, offset, items.Count), result.Options.Resolution, result.Options.Seed, result.Options.StabilityRuns, result.Modularity, result.Communities.Count,
            [.. communities], result.Bridges.Count, [.. result.Bridges.Take(top).Select(v => Member(result, v))], snapshot.Version, AsOfQuery.Echo(asOf));
    }

    private static CommunityMemberItem Member(CommunityResult result, int v)
    {
        var actor = result.Snapshot.ActorAt(v);
        return new CommunityMemberItem(actor.Id, actor.Name, result.Community[v], result.Degree[v], result.DegreeInside[v],
            result.CommunitiesReached[v], result.Participation[v]);
    }
}
