namespace GraphApi.Core.Graph;

/// <summary>The saved snapshot (<see cref="SnapshotFile"/>): read at a full load, written after one and at shutdown.</summary>
public sealed partial class GraphService
{
    private readonly string? _snapshotFile;
    private readonly Lock _saveLock = new();
    private string? _storeIdentity;
    private long _savedVersion = -1;
    private Task? _pendingSave;

    /// <summary>The saved snapshot if it is this store's and can be read whole; a damaged or foreign file is reported and ignored.</summary>
    private GraphSnapshot? ReadSnapshotFile()
    {
        if (_storeIdentity is null)
        {
            return null;
        }
        try
        {
            return SnapshotFile.Read(_snapshotFile!, _storeIdentity, _catalogue);
        }
        catch (Exception ex)
        {
            // Whatever a damaged file makes the reader throw, the store still has everything: say so and load it.
            SnapshotFileFailed?.Invoke(ex);
            return null;
        }
    }

    private void SaveSnapshotFile(GraphSnapshot snapshot)
    {
        if (_snapshotFile is null || _storeIdentity is null || snapshot.Version == Interlocked.Read(ref _savedVersion))
        {
            return;
        }
        try
        {
            lock (_saveLock)
            {
                if (snapshot.Version < Interlocked.Read(ref _savedVersion))
                {
                    return; // a newer file is there already (a pause's save overtook a merge's)
                }
                SnapshotFile.Write(_snapshotFile, _storeIdentity, snapshot.Compacted());
                Interlocked.Exchange(ref _savedVersion, snapshot.Version);
                Volatile.Write(ref _fileSavedAt, System.Diagnostics.Stopwatch.GetTimestamp());
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            SnapshotFileFailed?.Invoke(ex);
        }
    }
}
