using GraphApi.Core.Domain;
using GraphApi.Core.Storage;

namespace GraphApi.Core.Graph;

/// <summary>
/// A bulk upsert that the caller committed through its own store transaction (the CLI's streaming import,
/// <see cref="Interchange.GraphImport.StreamCsvAsync"/>) shown in this service's snapshot from the rows it wrote,
/// so that the snapshot file saved when the service is disposed is the store as the import left it, and the next
/// start reads that file instead of every stored body (issue 26: a start right after an import took 4.6 s).
/// </summary>
public sealed partial class GraphService
{
    /// <summary>Whether this service saves its snapshot to a file, the only reason to keep an import's rows for <see cref="ShowBulkUpsertAsync"/>.</summary>
    public bool SavesSnapshotFile => _snapshotFile is not null;

    /// <summary>
    /// Shows the rows of a bulk upsert committed at <paramref name="version"/> on top of <paramref name="before"/>, the
    /// snapshot the import checked its rows against, the same way the write path shows an upsert (revisions counted
    /// as the store counts them), or, into an empty store, built from them as a load of the store builds it. Only
    /// when nothing else moved the store in between (the import's version is the one after
    /// <paramref name="before"/>'s, and the snapshot is still <paramref name="before"/>); otherwise the snapshot
    /// stays as it is and whoever starts next reads the store.
    /// </summary>
    /// <returns>Whether the snapshot now shows the import.</returns>
    internal async Task<bool> ShowBulkUpsertAsync(GraphSnapshot before, long version, IReadOnlyList<Actor> actors, IReadOnlyList<Relationship> relationships)
    {
        if (before.ActorCount == 0 && before.RelationshipCount == 0 && !before.HasPrivateRecords)
        {
            // Into an empty store (the usual import): the rows are the whole graph, so build the base from them as a
            // load of the store does (they carry their regions and revisions), without the write path's per-row
            // change entries and the rebuild's copies (at 100k / 400k they took the import's peak from about 430 to 566 MB).
            var built = GraphSnapshot.Build(actors, relationships, version, _catalogue);
            return await PostAsync(new WriterWork.ShowBulkUpsert(before, version, _ => built)).ConfigureAwait(false);
        }
        PreparedWrite<Upserted> prepared;
        try
        {
            prepared = new StoreWrite.Upsert(actors, relationships).Prepare(_records);
        }
        catch (DomainValidationException)
        {
            // Rows the CSV checks let through but the snapshot cannot show as sent (they are stored all the same):
            // the store's own reading of them is the one to serve, so the next start loads the store.
            return false;
        }
        var upserted = new Upserted(actors.Count, relationships.Count);
        return await PostAsync(new WriterWork.ShowBulkUpsert(before, version, s => prepared.ShowIn(s, upserted, version))).ConfigureAwait(false);
    }

    private Task<bool> PostAsync(WriterWork.ShowBulkUpsert work)
    {
        _queue.Post(work);
        return work.Done.Task;
    }

    /// <summary>Writer thread only.</summary>
    private void ShowBulkUpsert(WriterWork.ShowBulkUpsert work)
    {
        try
        {
            var current = Snapshot;
            if (!ReferenceEquals(current, work.Before) || work.Version != current.Version + 1 || Lag is not null)
            {
                work.Done.TrySetResult(false);
                return;
            }
            PublishFromStore(work.Show(current));
            work.Done.TrySetResult(true);
        }
        catch (Exception ex)
        {
            work.Done.TrySetException(ex);
        }
    }
}
