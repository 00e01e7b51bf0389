namespace GraphApi.Core.Routing;

/// <summary>
/// What a search may not enter or take: the from actors (routes start there, never pass through), avoided actors
/// and brokers of earlier disjoint routes (for the whole query), Yen's root path and blocked steps (for one search).
/// Stamps in the workspace mark them, so clearing is a new generation, not a sweep.
/// </summary>
internal sealed partial class LabelSearch
{
    private readonly List<(int From, int To)> _blockedPairs = [];

    /// <summary>A caller's own actor: a route may start there but never pass through or end there.</summary>
    public void MarkFrom(int actor) => _ws.FromStamp[actor] = _query;

    public bool IsFrom(int actor) => _ws.FromStamp[actor] == _query;

    /// <summary>Whether the current search may not enter the actor: avoided, a broker of an earlier disjoint route, or on Yen's root path.</summary>
    public bool IsClosed(int actor) => _ws.BlockedStamp[actor] == _query || _ws.RootStamp[actor] == _search;

    /// <summary>
    /// Whether the current search may enter every actor but the from actors and take every step: nothing avoided,
    /// no broker of an earlier disjoint route, no Yen root path or blocked pair. Searches skip the per-arc
    /// <see cref="IsClosed"/> and <see cref="IsStepBlocked"/> tests then.
    /// </summary>
    public bool ClosesNothing => !_closesForQuery && !_closesForSearch;

    // Whether BlockForQuery was called in this query, and BlockForSearch or BlockPair since the last Begin.
    private bool _closesForQuery;
    private bool _closesForSearch;

    /// <summary>Whether the current search may not step from <paramref name="from"/> straight to <paramref name="to"/>.</summary>
    public bool IsStepBlocked(int from, int to) => _ws.PairStamp[from] == _search && IsPairBlocked(from, to);

    /// <summary>Never entered by any search of this query (avoided actors, brokers of earlier disjoint routes).</summary>
    public void BlockForQuery(int actor)
    {
        _ws.BlockedStamp[actor] = _query;
        _closesForQuery = true;
    }

    /// <summary>Stops the actor counting as a target for the rest of the query (it may still be passed through).</summary>
    public void ExcludeTarget(int actor) => _ws.ExcludedTargetStamp[actor] = _query;

    private bool IsPairBlocked(int from, int to)
    {
        foreach (var (f, t) in _blockedPairs)
        {
            if (f == from && t == to)
            {
                return true;
            }
        }
        return false;
    }
}
