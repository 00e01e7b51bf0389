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

    private GraphSnapshot Apply(GraphSnapshot snapshot, StoreChanges changes) => snapshot.WithPrepared(changes.Version,
        changes.Actors.Select(a => new GraphChange.UpsertActor(_records.Entry(a))), changes.RemovedActorIds,
        changes.Relationships.Select(r => new GraphChange.UpsertRelationship(r, _records.FieldsButEnds(r))), changes.RemovedRelationshipIds);

    /// <param name="useSnapshotFile">False reads every stored body even when a saved snapshot could be used.</param>
    private async Task<GraphSnapshot> LoadAsync(bool useSnapshotFile = true)
    {
        if (_snapshotFile is not null && useSnapshotFile)
        {
            _storeIdentity ??= await _store.GetIdentityAsync(CancellationToken.None).ConfigureAwait(false);
            if (ReadSnapshotFile() is { } saved && await _store.ChangesSinceAsync(saved.Version, CancellationToken.None).ConfigureAwait(false) is { } changes)
            {
                LoadedFromSnapshotFile = true;
                Interlocked.Exchange(ref _savedVersion, saved.Version);
                ReportRepaired(changes.Repaired);
                return Apply(saved, changes);
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
    /// itself, all promoted to the oldest generation, where nothing would collect it soon: compact once, so the
    /// service gives that memory back to the OS. It runs a moment later on the thread pool, because until the
    /// load's own frames have unwound (the writer's included) they still reference the rows.
    /// </summary>
    private void CollectAfterLoad()
    {
        if (_collectAfterLoad)
        {
            _collectAfterLoad = false;
            _ = Task.Run(async () =>
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200)).ConfigureAwait(false);
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            });
        }
    }
}
