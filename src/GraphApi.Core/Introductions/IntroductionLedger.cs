using System.Collections.Immutable;
using GraphApi.Core.Domain;
using GraphApi.Core.Graph;
using GraphApi.Core.Routing;
using GraphApi.Core.Storage;

namespace GraphApi.Core.Introductions;

/// <summary>What an ask says when it is recorded (the route already checked against the graph).</summary>
public sealed record NewIntroduction(string Requester, string Target, IReadOnlyList<string> Path, IReadOnlyList<string> Relationships, string? Note, DateOnly AskedOn);

/// <summary>What an event says when it is recorded.</summary>
public sealed record NewIntroductionEvent(IntroductionEventKind Kind, int? Step, DateOnly Date, string? Evidence);

/// <summary>
/// The introduction ledger: the store's asks held in memory (a ledger is small: asks are made by people), the
/// state machine enforced on every event, and the trial counts the learned strengths come from. Writes go to the
/// store first and are applied here only once it committed them, one at a time (each rebuilds the small in-memory
/// view), so the state an event was checked
/// against is the state it is appended to (the store's sequence check covers other processes).
/// </summary>
public sealed class IntroductionLedger(IIntroductionStore store, TimeProvider clock) : IDisposable
{
    private readonly SemaphoreSlim _writer = new(1, 1);
    private volatile Ledger _ledger = Ledger.Empty;

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        await store.InitializeAsync(cancellationToken).ConfigureAwait(false);
        var asks = await store.LoadAsync(cancellationToken).ConfigureAwait(false);
        _ledger = Ledger.Of(asks);
    }

    /// <summary>
    /// Reads the whole ledger again, for asks and events other processes (replicas, on the same store) recorded.
    /// Returns whether anything changed. Runs between this process's own writes, so none of them is lost.
    /// </summary>
    public async Task<bool> ReloadAsync(CancellationToken cancellationToken)
    {
        await _writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var asks = await store.LoadAsync(cancellationToken).ConfigureAwait(false);
            var changed = asks.Count != _ledger.ById.Count || asks.Any(a => Find(a.Id) is not { } known || known.Events.Count != a.Events.Count);
            if (changed)
            {
                _ledger = Ledger.Of(asks);
            }
            return changed;
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <summary>Every ask, newest first: by the day it was asked, then the time it was recorded, then id.</summary>
    public IReadOnlyList<Introduction> All => _ledger.Newest;

    /// <summary>
    /// Names the ledger's current state, for HTTP caching: the number of writes it holds (asks and events; the ledger
    /// only grows) and a digest of every ask's id and event count, so two replicas that hold different writes never
    /// name their states alike. The graph's version does not move when the ledger is written.
    /// </summary>
    public string Revision => _ledger.Revision;

    public Introduction? Find(string id) => _ledger.ById.GetValueOrDefault(id);

    /// <summary>The ask, or <see cref="NotFoundException"/> naming the id.</summary>
    public Introduction Get(string id) => Find(id) ?? throw NoSuchAsk(id);

    /// <summary>
    /// The agreement an ask reached, to be turned into a relationship. <see cref="NotFoundException"/> for an unknown
    /// ask; <see cref="StoreConflictException"/> when its status is not agreement (yet).
    /// </summary>
    public IntroductionEvent AgreementOf(string id)
    {
        var ask = Get(id);
        return ask.Events.LastOrDefault(e => e.Kind == IntroductionEventKind.Agreement)
            ?? throw new StoreConflictException($"introduction '{id}' has not reached an agreement (status {IntroductionNames.Of(ask.State.Status)})");
    }

    private static NotFoundException NoSuchAsk(string id) => new($"no introduction '{id}'");

    /// <summary>Trials per relationship id over every ask (see <see cref="LearnedStrength"/>).</summary>
    public IReadOnlyDictionary<string, TrialCount> Trials => _ledger.Trials;

    /// <summary>
    /// The learned strength of every relationship of <paramref name="graph"/> the ledger has tried, resolved for the
    /// router; built once per (snapshot, ledger state) and shared by the queries on them.
    /// </summary>
    public StrengthOverrides LearnedStrengths(GraphSnapshot graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var ledger = _ledger;
        if (_learned is { } cached && ReferenceEquals(cached.Ledger, ledger) && ReferenceEquals(cached.Overrides.Snapshot, graph))
        {
            return cached.Overrides;
        }
        var learned = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (id, trials) in ledger.Trials)
        {
            if (graph.RelationshipSlotOf(id) is var slot and >= 0)
            {
                learned[id] = LearnedStrength.Estimate(graph.BaseStrength(slot), trials);
            }
        }
        var overrides = new StrengthOverrides(graph, learned);
        _learned = new LearnedCache(ledger, overrides);
        return overrides;
    }

    private sealed record LearnedCache(Ledger Ledger, StrengthOverrides Overrides);

    private volatile LearnedCache? _learned;

    public async Task<Introduction> AskAsync(NewIntroduction ask, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ask);
        var introduction = new Introduction(NewId(), ask.Requester, ask.Target, [.. ask.Path], [.. ask.Relationships], ask.Note,
            ask.AskedOn, ChangeAuthor.Name, clock.GetUtcNow(), []);
        await _writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await store.CreateAsync(introduction, cancellationToken).ConfigureAwait(false);
            _ledger = _ledger.With(introduction);
            return introduction;
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <summary>Records the event and returns the ask with it. A refused event changes nothing.</summary>
    /// <exception cref="NotFoundException">No such ask.</exception>
    /// <exception cref="DomainValidationException">The event is bad input for this ask (a step not on its route, a step on an end event or none on a step event), per field.</exception>
    /// <exception cref="StoreConflictException">The ask's state does not allow the event (the state machine's table), or another process recorded an event first.</exception>
    public async Task<Introduction> RecordAsync(string id, NewIntroductionEvent e, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(e);
        await _writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var ask = Get(id);
            if (IntroductionStateMachine.Check(ask, e.Kind, e.Step, e.Date) is { } refusal)
            {
                throw Refused(refusal);
            }
            var recorded = new IntroductionEvent(ask.Events.Count + 1, e.Kind, e.Step, e.Date, e.Evidence, ChangeAuthor.Name, clock.GetUtcNow());
            await store.AppendEventAsync(id, recorded, cancellationToken).ConfigureAwait(false);
            var updated = ask with { Events = [.. ask.Events, recorded] };
            _ledger = _ledger.With(updated);
            return updated;
        }
        finally
        {
            _writer.Release();
        }
    }

    public void Dispose() => _writer.Dispose();

    /// <summary>A refusal of the state machine as the exception every write reports it by: 400 per field, or 409.</summary>
    private static Exception Refused(IntroductionRefusal refusal)
    {
        if (refusal.IsConflict)
        {
            return new StoreConflictException(refusal.Message);
        }
        var errors = new ValidationErrors();
        errors.Add(refusal.Field, refusal.Message);
        return new DomainValidationException(errors);
    }

    private static string NewId() => "intro-" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>One immutable state of the ledger: readers take it whole, writers replace it.</summary>
    private sealed record Ledger(ImmutableDictionary<string, Introduction> ById, IReadOnlyList<Introduction> Newest, IReadOnlyDictionary<string, TrialCount> Trials,
        string Revision)
    {
        public static readonly Ledger Empty = Of([]);

        public static Ledger Of(IEnumerable<Introduction> asks)
        {
            var byId = asks.ToImmutableDictionary(a => a.Id, StringComparer.Ordinal);
            var newest = byId.Values.OrderByDescending(a => a.AskedOn).ThenByDescending(a => a.RecordedAt).ThenBy(a => a.Id, StringComparer.Ordinal).ToArray();
            return new Ledger(byId, newest, LearnedStrength.Tally(newest), RevisionOf(newest));
        }

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

        public Ledger With(Introduction ask) => Of(ById.SetItem(ask.Id, ask).Values);
    }
}
