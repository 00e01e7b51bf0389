using GraphApi.Core.Domain;
using GraphApi.Core.Interchange;
using GraphApi.Core.Storage;
using GraphApi.Core.Telemetry;

namespace GraphApi.Core.Graph;

/// <summary>
/// The write path and the current snapshot. Every write is validated and its records' snapshot form derived (so what
/// the snapshot cannot take is refused before anything is stored), queued to a single writer, committed to the
/// store together with whatever other writes were waiting (group commit: one transaction, one fsync), and only
/// then published as a new snapshot — base plus a delta, in time proportional to the change — after which each
/// caller is answered. Catch-ups with other writers and merges of the delta into a fresh base go through the
/// same writer, so snapshots always follow the store's commit order and a reload never races a publish. A snapshot
/// that falls behind its store anyway refuses writes and reloads by itself (<see cref="Lag"/>).
/// </summary>
public sealed partial class GraphService : IDisposable
{
    /// <summary>Most writes committed in one store transaction.</summary>
    public const int MaxBatch = 256;

    private readonly IGraphStore _store;
    private readonly RelationshipTypeCatalogue _catalogue;
    private readonly Regions _regions;
    private readonly SnapshotRecords _records;
    private readonly int _mergeThreshold;
    private readonly WriterQueue _queue = new();
    private readonly Task _writer;
    private GraphSnapshot _snapshot;
    private int _merging;
    private bool _collectAfterLoad;

    /// <param name="mergeThreshold">Delta changes after which a background merge builds a fresh base.</param>
    /// <param name="snapshotFile">
    /// Where to save the snapshot between runs (after a full load and at shutdown), so a restart reads it and the
    /// changes since from the store's log instead of every stored body; null saves nothing.
    /// </param>
    /// <param name="metrics">Where the writer records its figures (the host's <see cref="GraphMetrics"/>); null records none.</param>
    public GraphService(IGraphStore store, RelationshipTypeCatalogue catalogue, Regions regions, int mergeThreshold = 4096, string? snapshotFile = null,
        GraphMetrics? metrics = null)
    {
        _metrics = metrics;
        ArgumentOutOfRangeException.ThrowIfLessThan(mergeThreshold, 1);
        _snapshotFile = snapshotFile;
        _store = store;
        _catalogue = catalogue;
        _regions = regions;
        _records = new SnapshotRecords(catalogue, regions);
        _mergeThreshold = mergeThreshold;
        _snapshot = GraphSnapshot.Empty(catalogue);
        // The writer outlives whatever request first asked for the service: it must not run in that request's
        // context (its span would parent every batch's, its caller's values would leak into every write).
        using (ExecutionContext.SuppressFlow())
        {
            _writer = Task.Run(RunWriterAsync);
        }
    }

    public GraphSnapshot Snapshot => Volatile.Read(ref _snapshot);

    public RelationshipTypeCatalogue Catalogue => _catalogue;

    public Regions Regions => _regions;

    public IGraphStore Store => _store;

    /// <summary>Raised when a background merge fails (the host logs it); the delta keeps serving and the next write retries.</summary>
    public event Action<Exception>? MergeFailed;

    /// <summary>Raised when the saved snapshot could not be read or written (the host logs it); the store is read instead.</summary>
    public event Action<Exception>? SnapshotFileFailed;

    /// <summary>
    /// Raised when a load or a catch-up read records whose stored text could not be read back as it is (bytes that are
    /// not UTF-8, an escaped unpaired surrogate, written around the service): they are served with U+FFFD in its place
    /// and the host names each one, so someone can correct it through the API.
    /// </summary>
    public event Action<IReadOnlyList<RepairedRecord>>? StoredTextRepaired;

    private void ReportRepaired(IReadOnlyList<RepairedRecord> repaired)
    {
        if (repaired.Count > 0)
        {
            StoredTextRepaired?.Invoke(repaired);
        }
    }

    /// <summary>Whether the last full load came from the saved snapshot (plus the store's change log) rather than from every stored body.</summary>
    public bool LoadedFromSnapshotFile { get; private set; }

    /// <summary>Catches up with the store if another writer (another replica, the CLI) moved its version.</summary>
    public Task<bool> RefreshIfStaleAsync(CancellationToken cancellationToken) => SubmitRefresh(full: false, cancellationToken);

    /// <summary>Reloads the whole snapshot from the store.</summary>
    public Task ReloadAsync(CancellationToken cancellationToken) => SubmitRefresh(full: true, cancellationToken);

    public Actor WithRegion(Actor actor) => actor with { Region = _regions.Of(actor.Country) };

    public async Task<Actor> CreateActorAsync(Actor actor, CancellationToken cancellationToken)
    {
        var errors = ActorRules.Validate(actor);
        IdNamespaces.Check(errors, "id", actor.Id, actor.Workspace);
        ThrowIfInvalid(errors);
        await ThrowIfNoWorkspaceAsync(actor.Workspace, cancellationToken).ConfigureAwait(false);
        actor = ActorRules.Normalised(actor); // the text rule: stored text is NFC and trimmed
        return WithRegion((await CommitAsync(new StoreWrite.CreateActor(actor), cancellationToken).ConfigureAwait(false)).Value);
    }

    public async Task<Actor> UpdateActorAsync(Actor actor, long? expectedRevision, CancellationToken cancellationToken)
    {
        ThrowIfInvalid(ActorRules.Validate(actor));
        actor = ActorRules.Normalised(actor); // the text rule: stored text is NFC and trimmed
        return WithRegion((await CommitAsync(new StoreWrite.UpdateActor(actor, expectedRevision), cancellationToken).ConfigureAwait(false)).Value);
    }

    public async Task<ActorDeletion> DeleteActorAsync(string id, long? expectedRevision, CancellationToken cancellationToken) =>
        (await CommitAsync(new StoreWrite.DeleteActor(id, expectedRevision), cancellationToken).ConfigureAwait(false)).Value;

    public async Task<Relationship> CreateRelationshipAsync(Relationship relationship, CancellationToken cancellationToken)
    {
        var errors = ValidateRelationship(relationship);
        IdNamespaces.Check(errors, "id", relationship.Id, relationship.Workspace);
        ThrowIfInvalid(errors);
        await ThrowIfNoWorkspaceAsync(relationship.Workspace, cancellationToken).ConfigureAwait(false);
        relationship = RelationshipRules.Normalised(relationship); // the text rule: stored text is NFC and trimmed
        return (await CommitAsync(new StoreWrite.CreateRelationship(relationship), cancellationToken).ConfigureAwait(false)).Value;
    }

    public async Task<Relationship> UpdateRelationshipAsync(Relationship relationship, long? expectedRevision, CancellationToken cancellationToken)
    {
        ThrowIfInvalid(ValidateRelationship(relationship));
        relationship = RelationshipRules.Normalised(relationship); // the text rule: stored text is NFC and trimmed
        return (await CommitAsync(new StoreWrite.UpdateRelationship(relationship, expectedRevision), cancellationToken).ConfigureAwait(false)).Value;
    }

    /// <returns>The snapshot version that shows the deletion.</returns>
    public async Task<long> DeleteRelationshipAsync(string id, long? expectedRevision, CancellationToken cancellationToken)
    {
        return (await CommitAsync(new StoreWrite.DeleteRelationship(id, expectedRevision), cancellationToken).ConfigureAwait(false)).Version;
    }

    /// <summary>
    /// Upserts a batch atomically and republishes the snapshot. Items are expected to be validated by the caller
    /// (imports report errors by file and line); what the current graph decides is checked here: every
    /// relationship end is in the batch or in the graph (the store's foreign keys catch a delete that races it).
    /// </summary>
    /// <returns>The snapshot version that shows the batch.</returns>
    public async Task<long> UpsertAsync(IReadOnlyList<Actor> actors, IReadOnlyList<Relationship> relationships, CancellationToken cancellationToken)
    {
        ThrowIfInvalid(DanglingEnds(Snapshot, actors, relationships));
        ThrowIfInvalid(RefusedIds(Snapshot, actors, relationships));
        foreach (var workspace in actors.Select(a => a.Workspace).Concat(relationships.Select(r => r.Workspace)).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            await ThrowIfNoWorkspaceAsync(workspace, cancellationToken).ConfigureAwait(false);
        }
        return (await CommitAsync(new StoreWrite.Upsert(actors, relationships), cancellationToken).ConfigureAwait(false)).Version;
    }

    /// <summary>
    /// Relationship rules plus the graph's own: both ends must exist where the relationship lives (a public one joins
    /// public actors; a private one, public actors or its workspace's own).
    /// </summary>
    public ValidationErrors ValidateRelationship(Relationship relationship)
    {
        ArgumentNullException.ThrowIfNull(relationship);
        var errors = RelationshipRules.Validate(relationship, _catalogue);
        var snapshot = Snapshot.ForWorkspace(relationship.Workspace);
        if (Ids.IsValid(relationship.Source) && snapshot.FindActor(relationship.Source) is null)
        {
            errors.Add("source", $"no actor '{relationship.Source}' exists");
        }
        if (Ids.IsValid(relationship.Target) && snapshot.FindActor(relationship.Target) is null)
        {
            errors.Add("target", $"no actor '{relationship.Target}' exists");
        }
        return errors;
    }

    private static ValidationErrors DanglingEnds(GraphSnapshot snapshot, IReadOnlyList<Actor> actors, IReadOnlyList<Relationship> relationships)
    {
        var errors = new ValidationErrors();
        var batch = actors.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < relationships.Count; i++)
        {
            // A public row reads the public graph as it is; a private one its workspace's view (built once, cached).
            var view = relationships[i].Workspace is { } workspace ? snapshot.ForWorkspace(workspace) : snapshot;
            foreach (var (field, end) in new[] { ("source", relationships[i].Source), ("target", relationships[i].Target) })
            {
                if (!batch.Contains(end) && view.FindActor(end) is null)
                {
                    errors.Add($"relationships[{i}].{field}", $"no actor '{end}' exists (it may have been deleted meanwhile)");
                }
            }
        }
        return errors;
    }

    /// <summary>
    /// Rows whose id they may not take: a new row (no record its owner can see has the id) whose id lies outside its
    /// owner's space (<see cref="IdNamespaces"/>), checked first, so a row naming another workspace's private id is
    /// refused exactly as one naming an id nobody holds; then a row whose id another owner holds, since an upsert
    /// replaces rows and could otherwise take over (or move between public and private) a record it was never meant
    /// to touch. A visibility changes by its own write only.
    /// </summary>
    private static ValidationErrors RefusedIds(GraphSnapshot snapshot, IReadOnlyList<Actor> actors, IReadOnlyList<Relationship> relationships)
    {
        var errors = new ValidationErrors();
        for (var i = 0; i < actors.Count; i++)
        {
            if (WhyIdRefused(snapshot, BatchPart.Actors, actors[i].Id, actors[i].Workspace) is { } message)
            {
                errors.Add($"actors[{i}].id", message);
            }
        }
        for (var i = 0; i < relationships.Count; i++)
        {
            if (WhyIdRefused(snapshot, BatchPart.Relationships, relationships[i].Id, relationships[i].Workspace) is { } message)
            {
                errors.Add($"relationships[{i}].id", message);
            }
        }
        return errors;
    }

    /// <summary>Why an upserted row of <paramref name="workspace"/> (null: public) may not take <paramref name="id"/>; null when it may. See <see cref="RefusedIds"/>.</summary>
    internal static string? WhyIdRefused(GraphSnapshot snapshot, BatchPart part, string id, string? workspace)
    {
        var isPublic = part == BatchPart.Actors ? snapshot.FindActor(id) is not null : snapshot.FindRelationship(id) is not null;
        var owner = part == BatchPart.Actors ? snapshot.PrivateOwnerOfActor(id) : snapshot.PrivateOwnerOfRelationship(id);
        if (!isPublic && (workspace is null || owner != workspace))
        {
            if (IdNamespaces.Refusal(id, workspace) is { } outside)
            {
                return outside;
            }
        }
        return (owner is not null ? owner != workspace : workspace is not null && isPublic)
            ? $"'{id}' is taken by a record this import may not replace (a visibility changes by its own write)"
            : null;
    }

    private static void ThrowIfInvalid(ValidationErrors errors)
    {
        if (!errors.IsEmpty)
        {
            throw new DomainValidationException(errors);
        }
    }

    /// <summary>
    /// Works out what the write's records become in the snapshot (a record it cannot take is refused here, with
    /// nothing stored), queues the write and waits until its batch is committed and published. Once queued a write
    /// runs to the end whatever the caller's token says: it may already be durable, and the caller's next read must
    /// see it. Internal rather than private so tests can send a write the way the store sees it, past every record rule.
    /// </summary>
    internal Task<CommittedWrite<TOutcome>> CommitAsync<TOutcome>(StoreWrite<TOutcome> write, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var prepared = write.Prepare(_records);
        ThrowIfBehind();
        var pending = new PendingWrite<TOutcome>(write, prepared);
        _queue.Post(pending);
        return pending.Done.Task;
    }

    private async Task<bool> SubmitRefresh(bool full, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var work = new WriterWork.Refresh(full);
        _queue.Post(work);
        return await work.Done.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _queue.Complete();
        _writer.Wait(TimeSpan.FromSeconds(30));
        // The writer has stopped: let a save still running finish, then save what this run ends with, so the next
        // one starts from here (and nothing writes beside the store once we return).
        _pendingSave?.Wait(TimeSpan.FromSeconds(30));
        SaveSnapshotFile(Snapshot);
        _afterWrites?.Dispose();
    }
}
