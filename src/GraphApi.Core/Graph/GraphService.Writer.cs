using GraphApi.Core.Storage;

namespace GraphApi.Core.Graph;

public sealed partial class GraphService
{
    private async Task RunWriterAsync()
    {
        while (await _queue.NextAsync(MaxBatch).ConfigureAwait(false) is var (writes, other))
        {
            if (writes.Count > 0)
            {
                await CommitBatchAsync(writes).ConfigureAwait(false);
                StartMergeIfDue();
            }
            else if (other is WriterWork.Refresh refresh)
            {
                await RefreshAsync(refresh).ConfigureAwait(false);
            }
            else if (other is WriterWork.CatchUpAfterLag catchUp)
            {
                await CatchUpAfterLagAsync(catchUp).ConfigureAwait(false);
            }
            else if (other is WriterWork.Merge merge)
            {
                try
                {
                    SwapInMerge(merge);
                }
                catch (Exception ex)
                {
                    // The writer must outlive a failed merge: the delta keeps serving, and the next write starts another.
                    Volatile.Write(ref _merging, 0);
                    MergeFailed?.Invoke(ex);
                }
            }
            CollectAfterLoad();
        }
    }

    private async Task CommitBatchAsync(List<PendingWrite> writes)
    {
        if (Lag is { } lag)
        {
            // Queued before the snapshot fell behind: committing now would store what the service cannot show.
            foreach (var write in writes)
            {
                write.Fail(SnapshotBehindException.NothingStored(lag));
            }
            return;
        }
        var before = Snapshot;
        StoreBatch batch;
        try
        {
            // The batch belongs to many callers, so no one caller's token may cut it short.
            batch = await _store.CommitBatchAsync(async into =>
            {
                foreach (var write in writes)
                {
                    await write.RunAsync(into).ConfigureAwait(false);
                }
            }, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            foreach (var write in writes)
            {
                write.Fail(ex);
            }
            return;
        }
        var published = before.Version;
        try
        {
            if (writes.Exists(w => w.Stored))
            {
                PublishFromStore(batch.VersionBefore >= 0 && batch.VersionBefore == before.Version
                    ? ShowInOrder(before, writes, batch.Version)
                    : await CatchUpAsync(before).ConfigureAwait(false));
                published = Snapshot.Version;
            }
        }
        catch (Exception ex)
        {
            // Committed but not shown (a bug in applying it, or the store went away while we read it back): the
            // snapshot is behind the store until a reload catches up, and the callers hear exactly that.
            AnswerCommittedButNotShown(writes, ex);
            return;
        }
        foreach (var write in writes)
        {
            write.Answer(published);
        }
    }

    /// <summary>
    /// Our batch was the store's next version, so showing its writes in order is exact. Each write's records were
    /// derived before the commit (<see cref="SnapshotRecords"/>): here they are only placed.
    /// </summary>
    private static GraphSnapshot ShowInOrder(GraphSnapshot snapshot, List<PendingWrite> writes, long version)
    {
        foreach (var write in writes)
        {
            snapshot = write.ShowIn(snapshot, version);
        }
        return snapshot.WithVersion(version);
    }

    private async Task RefreshAsync(WriterWork.Refresh refresh)
    {
        try
        {
            var before = Snapshot;
            if (refresh.Full)
            {
                PublishFromStore(await LoadAsync().ConfigureAwait(false));
                refresh.Done.TrySetResult(true);
                return;
            }
            if (await _store.GetVersionAsync(CancellationToken.None).ConfigureAwait(false) == before.Version)
            {
                refresh.Done.TrySetResult(false);
                return;
            }
            PublishFromStore(await CatchUpAsync(before).ConfigureAwait(false));
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

    /// <summary>Another writer committed since <paramref name="snapshot"/>: apply what the change log says moved, or reload.</summary>
    private async Task<GraphSnapshot> CatchUpAsync(GraphSnapshot snapshot)
    {
        var changes = await _store.ChangesSinceAsync(snapshot.Version, CancellationToken.None).ConfigureAwait(false);
        if (changes is null)
        {
            return await LoadAsync().ConfigureAwait(false);
        }
        ReportRepaired(changes.Repaired);
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

    private void Publish(GraphSnapshot snapshot) => Volatile.Write(ref _snapshot, snapshot);

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

    /// <summary>
    /// When the delta has grown past the threshold, merges it into a fresh base on another thread; the writer goes
    /// on meanwhile, and swaps the result in (replaying what it committed since) when it is ready.
    /// </summary>
    private void StartMergeIfDue()
    {
        var snapshot = Snapshot;
        if (snapshot.PendingChanges < _mergeThreshold || Interlocked.CompareExchange(ref _merging, 1, 0) != 0)
        {
            return;
        }
        _ = Task.Run(() =>
        {
            try
            {
                _queue.Post(new WriterWork.Merge(snapshot, snapshot.Compacted()));
            }
            catch (Exception ex)
            {
                Volatile.Write(ref _merging, 0);
                MergeFailed?.Invoke(ex);
            }
        });
    }

    private void SwapInMerge(WriterWork.Merge merge)
    {
        var current = Snapshot;
        // A reload in between replaced the base the merge started from: its result is stale, drop it.
        if (ReferenceEquals(current.Base, merge.From.Base))
        {
            Publish(merge.Merged.Apply(current.Version, current.ChangesSinceBase.Skip(merge.From.PendingChanges)));
        }
        Volatile.Write(ref _merging, 0);
    }
}
