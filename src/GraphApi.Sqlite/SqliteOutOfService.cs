using GraphApi.Core.Storage;
using Microsoft.Data.Sqlite;

namespace GraphApi.Sqlite;

/// <summary>
/// SQLite errors that say the file cannot take writes for now — its disk is full, or the file or its file system is
/// read-only, or the disk failed a write — rather than that the write was wrong. They become
/// <see cref="StoreUnavailableException"/>s (503 with Retry-After): the write is not committed, nothing is published,
/// reads go on from the in-memory snapshot, and the next write tries the disk again, so the service recovers by
/// itself once space or write access returns.
/// </summary>
internal static class SqliteOutOfService
{
    private const int SqliteReadOnly = 8;   // SQLITE_READONLY (and its extended codes)
    private const int SqliteIoError = 10;   // SQLITE_IOERR
    private const int SqliteFull = 13;      // SQLITE_FULL
    private const int SqliteCantOpen = 14;  // SQLITE_CANTOPEN

    // Less than a few pages free counts as full: SQLite needs whole pages (and WAL frames) to commit anything.
    private const long MinimumFreeBytes = 64 * 1024;

    public static bool Matches(SqliteException exception) =>
        exception.SqliteErrorCode is SqliteReadOnly or SqliteIoError or SqliteFull or SqliteCantOpen;

    public static StoreUnavailableException Describe(SqliteException exception, string path) => new(exception.SqliteErrorCode switch
    {
        // A write that finds no space in the WAL or its index often surfaces as an I/O error, not SQLITE_FULL.
        SqliteFull or SqliteIoError when NoSpaceLeft(path) => $"the disk holding the store ({path}) is full: writes are refused until space is freed; reads are still served",
        SqliteReadOnly => $"the store ({path}) is read-only: writes are refused until it can be written again; reads are still served",
        SqliteCantOpen => $"the store ({path}) cannot be opened ({exception.Message}), e.g. its file system is read-only: writes are refused until it can; reads are still served",
        _ => $"the store ({path}) could not be written ({exception.Message}): writes are refused for now; reads are still served",
    }, exception);

    private static bool NoSpaceLeft(string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        // DriveInfo on Unix reads the free space of the file system holding any path given to it (statvfs).
        return folder is not null && new DriveInfo(folder).AvailableFreeSpace < MinimumFreeBytes;
    }
}
