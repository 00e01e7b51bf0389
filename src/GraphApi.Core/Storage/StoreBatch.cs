namespace GraphApi.Core.Storage;

/// <summary>
/// A committed batch. <see cref="VersionBefore"/> is the store version the batch started from (−1 when the store
/// cannot tell, e.g. other writers interleaved): a snapshot at exactly that version may show the batch's writes in
/// order to reach <see cref="Version"/>; any other must catch up from the change log.
/// </summary>
public sealed record StoreBatch(long VersionBefore, long Version);
