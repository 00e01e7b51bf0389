using System.Collections.Frozen;
using GraphApi.Core.Domain;
using GraphApi.Core.Graph;
using GraphApi.Core.Routing;
using GraphApi.Core.Storage;

namespace GraphApi.Core.Introductions;

/// <summary>
/// The ledger as one caller may see it: the public asks plus those of the caller's workspace, and nothing of any other
/// workspace. Every read of the ledger goes through a view (<see cref="IntroductionLedger.ViewFor"/>), so lists, totals,
/// the revision (ETags), trials and learned strengths are all made of the same visible asks, and another workspace's
/// ask id is exactly an id that never existed. A view belongs to one state of the ledger and never changes.
/// </summary>
public sealed class LedgerView
{
    private readonly FrozenDictionary<string, Introduction> _byId;
    private volatile LearnedCache? _learned;

    internal LedgerView(string? workspace, IEnumerable<Introduction> newestOfAll)
    {
        Workspace = workspace;
        All = [.. newestOfAll.Where(a => a.IsVisibleTo(workspace))];
        _byId = All.ToFrozenDictionary(a => a.Id, StringComparer.Ordinal);
        Trials = LearnedStrength.Tally(All);
        Revision = RevisionOf(All);
    }

    /// <summary>The caller's workspace (null: the public ledger only).</summary>
    public string? Workspace { get; }

    /// <summary>Every visible ask, newest first: by the day it was asked, then the time it was recorded, then id.</summary>
    public IReadOnlyList<Introduction> All { get; }

    /// <summary>
    /// Names this view's state, for HTTP caching: the number of writes its asks hold (asks and events; an ask only gains
    /// events, and leaves only with its workspace) and a digest of every visible ask's id and event count, so two replicas
    /// holding different writes never name their states alike, and another workspace's asks move no tag. The graph's
    /// version does not move with the ledger.
    /// </summary>
    public string Revision { get; }

    /// <summary>Trials per relationship id over the visible asks (see <see cref="LearnedStrength"/>).</summary>
    public IReadOnlyDictionary<string, TrialCount> Trials { get; }

    public Introduction? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>The ask, or <see cref="NotFoundException"/> naming the id: the same for an ask this caller may not see.</summary>
    public Introduction Get(string id) => Find(id) ?? throw NoSuchAsk(id);

    /// <summary>
    /// The agreement an ask reached, to be turned into a relationship. <see cref="NotFoundException"/> for an unknown
    /// (or invisible) ask; <see cref="StoreConflictException"/> when its status is not agreement (yet).
    /// </summary>
    public IntroductionEvent AgreementOf(string id)
    {
        var ask = Get(id);
        return ask.Events.LastOrDefault(e => e.Kind == IntroductionEventKind.Agreement)
            ?? throw new StoreConflictException($"introduction '{id}' has not reached an agreement (status {IntroductionNames.Of(ask.State.Status)})");
    }

    internal static NotFoundException NoSuchAsk(string id) => new($"no introduction '{id}'");

    /// <summary>
    /// The learned strength of every relationship of <paramref name="graph"/> (the caller's view of the graph) that the
    /// visible asks tried, resolved for the router; built once per (snapshot, view) and shared by the queries on them.
    /// </summary>
    public StrengthOverrides LearnedStrengths(GraphSnapshot graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        if (_learned is { } cached && ReferenceEquals(cached.Overrides.Snapshot, graph))
        {
            return cached.Overrides;
        }
        var learned = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (id, trials) in Trials)
        {
            if (graph.RelationshipSlotOf(id) is var slot and >= 0)
            {
                learned[id] = LearnedStrength.Estimate(graph.BaseStrength(slot), trials);
            }
        }
        var overrides = new StrengthOverrides(graph, learned);
        _learned = new LearnedCache(overrides);
        return overrides;
    }

    private sealed record LearnedCache(StrengthOverrides Overrides);

    /// <summary>Writes held, and an order-free digest (XOR) of each ask's id and event count: an ask changes only by gaining events.</summary>
    private static string RevisionOf(IReadOnlyList<Introduction> asks)
    {
        var writes = 0L;
        var digest = 0UL;
        foreach (var ask in asks)
        {
            writes += 1 + ask.Events.Count;
            digest ^= Fnv1a($"{ask.Id}:{ask.Events.Count}");
        }
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{writes}-{digest:x16}");
    }

    private static ulong Fnv1a(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }
        return hash;
    }
}
