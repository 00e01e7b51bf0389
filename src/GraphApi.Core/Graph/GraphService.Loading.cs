using GraphApi.Core.Storage;

namespace GraphApi.Core.Graph;

/// <summary>
/// Loading the snapshot from the store (every stored body, or the saved snapshot plus the change log) and catching
/// up with another writer's commits, always on the single writer.
/// </summary>
public sealed partial class GraphService
{
    private async Task RefreshAsync(WriterWork.Refresh refresh)
    {
        try
        {
            var before = Snapshot;
            if (refresh.Full)
            {
                await PublishFromStoreAsync("reload", () => LoadAsync()).ConfigureAwait(false);
                refresh.Done.TrySetResult(true);
                return;
            }
            var storeVersion = await _store.GetVersionAsync(CancellationToken.None).ConfigureAwait(false);
            SawStoreVersion(storeVersion);
            if (storeVersion == before.Version)
            {
                refresh.Done.TrySetResult(false);
                return;
            }
            await PublishFromStoreAsync("catch_up", () => CatchUpAsync(before)).ConfigureAwait(false);
            refresh.Done.TrySetResult(true);
        }
        catch (Exception ex)
        {
            // An outage is the store's (readiness says so and the next refresh retries); anything else leaves the
            // snapshot behind a store that answers, which only a reload mends. A failed first load fails the start.
            if (_loadedOnce && ex is not StoreUnavailableException)
            {
                FallBehind("catching up with the store's changes failed", ex);
            }
            refresh.Done.TrySetException(ex);
        }
    }

    /// <summary>
    /// Another writer committed since <paramref name="snapshot"/>: apply what the change log says moved, or reload
    /// (GraphService.CatchUps.cs counts which, and says when it had to reload).
    /// </summary>
    private async Task<GraphSnapshot> CatchUpAsync(GraphSnapshot snapshot)
    {
        var changes = await _store.ChangesSinceAsync(snapshot.Version, CancellationToken.None).ConfigureAwait(false);
        if (changes is null)
        {
            var loaded = await LoadAsync().ConfigureAwait(false);
            ReportCaughtUpByReloading(snapshot.Version, loaded.Version);
            return loaded;
        }
        ReportRepaired(changes.Repaired);
        CountCatchUpFromLog();
        return Apply(snapshot, changes);
    }

    private GraphSnapshot Apply(GraphSnapshot snapshot, StoreChanges changes) => Apply(snapshot, Prepared(changes));

    private static GraphSnapshot Apply(GraphSnapshot snapshot, PreparedChanges changes) => snapshot.WithPrepared(changes.Version,
        changes.Actors, changes.RemovedActorIds, changes.Relationships, changes.RemovedRelationshipIds);

    /// <summary>The change log's records as the snapshot holds them (search text, packed fields): nothing here needs the snapshot.</summary>
    private PreparedChanges Prepared(StoreChanges changes) => new(changes.Version,
        [.. changes.Actors.Select(a => new GraphChange.UpsertActor(_records.Entry(a)))], changes.RemovedActorIds,
        [.. changes.Relationships.Select(r => new GraphChange.UpsertRelationship(r, _records.FieldsButEnds(r)))], changes.RemovedRelationshipIds);

    private async Task<LoggedChanges?> ChangesSinceAsync(long version) =>
        await _store.ChangesSinceAsync(version, CancellationToken.None).ConfigureAwait(false) is { } changes
            ? new LoggedChanges(changes.Repaired, Prepared(changes))
            : null;

    /// <summary>The change log since a version (null when it does not reach back), prepared, with the records read with U+FFFD.</summary>
    private sealed record LoggedChanges(IReadOnlyList<RepairedRecord> Repaired, PreparedChanges Prepared);

    private sealed record PreparedChanges(
        long Version,
        IReadOnlyList<GraphChange.UpsertActor> Actors,
        IReadOnlyList<string> RemovedActorIds,
        IReadOnlyList<GraphChange.UpsertRelationship> Relationships,
        IReadOnlyList<string> RemovedRelationshipIds);

    /// <param name="useSnapshotFile">False reads every stored body even when a saved snapshot could be used.</param>
    private async Task<GraphSnapshot> LoadAsync(bool useSnapshotFile = true)
    {
        if (_snapshotFile is not null && useSnapshotFile)
        {
            _storeIdentity ??= await _store.GetIdentityAsync(CancellationToken.None).ConfigureAwait(false);
            // The file is read on another thread while this one reads and prepares the change log since the version
            // its header names (after a crash, tens of thousands of rows): the two take about as long on one core.
            var reading = Task.Run(ReadSnapshotFile);
            var headerVersion = _storeIdentity is null ? null : SnapshotFile.SavedVersion(_snapshotFile, _storeIdentity, _catalogue);
            LoggedChanges? early = null;
            try
            {
                early = headerVersion is { } since ? await ChangesSinceAsync(since).ConfigureAwait(false) : null;
            }
            finally
            {
                // No read outlives the load; it never throws (ReadSnapshotFile reports a bad file and answers null).
                await reading.ConfigureAwait(false);
            }
            if (await reading.ConfigureAwait(false) is { } saved
                && (saved.Version == headerVersion ? early : await ChangesSinceAsync(saved.Version).ConfigureAwait(false)) is { } changes)
            {
                LoadedFromSnapshotFile = true;
                _collectAfterLoad = true;
                Interlocked.Exchange(ref _savedVersion, saved.Version);
                ReportRepaired(changes.Repaired);
                return Apply(saved, changes.Prepared);
            }
        }
        var data = await _store.LoadAsync(CancellationToken.None).ConfigureAwait(false);
        CountFullLoad();
        ReportRepaired(data.Repaired);
        var snapshot = BuildSnapshot(data);
        LoadedFromSnapshotFile = false;
        _collectAfterLoad = true;
        if (_snapshotFile is not null)
        {
            _pendingSave = Task.Run(() => SaveSnapshotFile(snapshot));
        }
        return snapshot;
    }

    private GraphSnapshot BuildSnapshot(GraphData data)
    {
        var interner = new RecordInterner();
        var actors = data.Actors.Select(a => interner.Intern(WithRegion(a))).ToArray();
        return GraphSnapshot.Build(actors, data.Relationships.Select(interner.Intern), data.Version, _catalogue);
    }

    /// <summary>
    /// A full load leaves the store's row objects and strings behind as garbage, about as much again as the graph
    /// itself, all promoted to the oldest generation, where nothing would collect it soon; a load from the snapshot
    /// file leaves its graph spread over a heap the read grew (318 MB resident at 100k / 400k against 275 MB after
    /// this). Compact once, so the service gives that memory back to the OS. It runs a second later on the thread
    /// pool: until the load's own frames have unwound (the writer's included) they still reference the rows, and the
    /// collection stops every thread for 0.2–0.3 s, which should not fall on the start's readiness.
    /// </summary>
    private void CollectAfterLoad()
    {
        if (_collectAfterLoad)
        {
            _collectAfterLoad = false;
            _ = Task.Run(async () =>
            {
                await Task.Delay(TimeSpan.FromSeconds(1)).ConfigureAwait(false);
                GiveMemoryBack();
            });
        }
    }
}
