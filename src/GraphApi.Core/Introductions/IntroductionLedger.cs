using System.Collections.Concurrent;
using System.Collections.Immutable;
using GraphApi.Core.Domain;
using GraphApi.Core.Storage;

namespace GraphApi.Core.Introductions;

/// <summary>
/// What an ask says when it is recorded (the route already checked against the caller's graph); <c>Workspace</c> owns
/// the ask when it is private, null for a public one.
/// </summary>
public sealed record NewIntroduction(string Requester, string Target, IReadOnlyList<string> Path, IReadOnlyList<string> Relationships, string? Note, DateOnly AskedOn,
    string? Workspace = null);

/// <summary>What an event says when it is recorded.</summary>
public sealed record NewIntroductionEvent(IntroductionEventKind Kind, int? Step, DateOnly Date, string? Evidence);

/// <summary>
/// The introduction ledger: the store's asks held in memory (a ledger is small: asks are made by people), the
/// state machine enforced on every event, read per caller through a <see cref="LedgerView"/> (the public asks plus the
/// caller's workspace's: lists, totals, ETags and learned strengths never count another workspace's). Writes go to the
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
            var changed = asks.Count != _ledger.ById.Count
                || asks.Any(a => _ledger.ById.GetValueOrDefault(a.Id) is not { } known || known.Events.Count != a.Events.Count);
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

    /// <summary>
    /// The ledger as a caller of <paramref name="workspace"/> may see it (null: a caller of the public graph only): built
    /// once per ledger state and workspace, and shared by every request of that caller's view until the next write.
    /// </summary>
    public LedgerView ViewFor(string? workspace) => _ledger.ViewFor(workspace);

    /// <summary>How many asks the ledger holds, of every workspace (for the service's own logs, never for an answer).</summary>
    public int Count => _ledger.ById.Count;

    public async Task<Introduction> AskAsync(NewIntroduction ask, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ask);
        var introduction = new Introduction(NewId(), ask.Requester, ask.Target, [.. ask.Path], [.. ask.Relationships], ask.Note,
            ask.AskedOn, ChangeAuthor.Name, clock.GetUtcNow(), []) { Workspace = ask.Workspace };
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

    /// <summary>
    /// Records the event on ask <paramref name="id"/> for a caller of <paramref name="workspace"/> (null: the public graph
    /// only) and returns the ask with it. A refused event changes nothing.
    /// </summary>
    /// <exception cref="NotFoundException">No such ask, or one of another workspace (the same answer).</exception>
    /// <exception cref="DomainValidationException">The event is bad input for this ask (a step not on its route, a step on an end event or none on a step event), per field.</exception>
    /// <exception cref="StoreConflictException">The ask's state does not allow the event (the state machine's table), or another process recorded an event first.</exception>
    public async Task<Introduction> RecordAsync(string? workspace, string id, NewIntroductionEvent e, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(e);
        await _writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var ask = _ledger.ViewFor(workspace).Get(id);
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

    /// <summary>
    /// Deletes the asks of a deleted workspace from the store and from memory, so a workspace made later under the same id
    /// starts with an empty ledger of its own. Returns how many asks went.
    /// </summary>
    public async Task<int> ForgetWorkspaceAsync(string workspace, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        await _writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await DeleteAsksOfAsync(workspace, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <summary>
    /// Deletes the asks left under <paramref name="workspace"/> when no such workspace exists: those of a deletion whose
    /// second write (the asks, after the workspace and its records) never ran, because the process stopped in between
    /// or the store failed, or of an ask that raced the deletion. They are nobody's: an ask is made for a workspace its
    /// caller belongs to, which exists when the request is let in, and recording it takes the same lock as this check,
    /// so an ask of a workspace made again meanwhile is recorded after it. A workspace made later under the same id
    /// starts with none of them. Returns how many went.
    /// </summary>
    /// <param name="exists">Whether the store holds the workspace now (read from the store, not a snapshot that may lag).</param>
    public async Task<int> ForgetLeftoversAsync(string workspace, Func<CancellationToken, Task<bool>> exists, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(exists);
        await _writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await exists(cancellationToken).ConfigureAwait(false) ? 0 : await DeleteAsksOfAsync(workspace, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <summary>The workspace's asks out of the store, then out of memory. Holding the writer's lock.</summary>
    private async Task<int> DeleteAsksOfAsync(string workspace, CancellationToken cancellationToken)
    {
        var deleted = await store.DeleteWorkspaceAsync(workspace, cancellationToken).ConfigureAwait(false);
        if (deleted.Count > 0 || _ledger.ById.Values.Any(a => a.Workspace == workspace))
        {
            _ledger = Ledger.Of(_ledger.ById.Values.Where(a => a.Workspace != workspace));
        }
        return deleted.Count;
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

    /// <summary>
    /// One immutable state of the ledger: readers take it whole, writers replace it. It holds every workspace's asks;
    /// callers only ever read a <see cref="LedgerView"/> of it, made on first use per workspace.
    /// </summary>
    private sealed record Ledger(ImmutableDictionary<string, Introduction> ById, IReadOnlyList<Introduction> Newest)
    {
        public static readonly Ledger Empty = Of([]);

        private readonly ConcurrentDictionary<string, LedgerView> _views = new(StringComparer.Ordinal);

        public static Ledger Of(IEnumerable<Introduction> asks)
        {
            var byId = asks.ToImmutableDictionary(a => a.Id, StringComparer.Ordinal);
            var newest = byId.Values.OrderByDescending(a => a.AskedOn).ThenByDescending(a => a.RecordedAt).ThenBy(a => a.Id, StringComparer.Ordinal).ToArray();
            return new Ledger(byId, newest);
        }

        // Workspace ids are slugs (2+ characters), so "" names the public view without meeting one.
        public LedgerView ViewFor(string? workspace) => _views.GetOrAdd(workspace ?? "", key => new LedgerView(key.Length == 0 ? null : key, Newest));

        public Ledger With(Introduction ask) => Of(ById.SetItem(ask.Id, ask).Values);
    }
}
