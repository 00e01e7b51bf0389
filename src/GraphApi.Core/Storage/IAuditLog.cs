namespace GraphApi.Core.Storage;

/// <summary>One recorded change: who, when, which entity, what it was before and after (JSON bodies; null when absent).</summary>
public sealed record AuditEntry(
    long Id, DateTimeOffset At, string Who, string EntityKind, string EntityId, string Operation, string? Before, string? After);

/// <summary>
/// Filters for reading the audit trail, newest first: <see cref="Limit"/> entries after skipping <see cref="Offset"/>, among
/// those with an id below <see cref="Before"/> (an anchor: entries appended later have larger ids, so pages read against
/// one anchor never shift) that match every filter given. <see cref="Workspace"/> keeps the entries of records that
/// workspace owned before or after the change (what its admins may read).
/// </summary>
public sealed record AuditQuery(
    int Limit, long? Before = null, string? EntityId = null, string? Who = null, string? EntityKind = null, string? Operation = null, int Offset = 0,
    string? Workspace = null);

/// <summary>
/// The read side of the audit trail, part of every store (<see cref="IGraphStore"/> extends it). Entries are written
/// by the store itself in the transaction of each change (see <see cref="ChangeAuthor"/>), so the log cannot miss a
/// committed change or record one that rolled back. Each create, update and delete of an actor or relationship,
/// cascades and bulk upserts included, is one entry: <c>entity</c> is actor or relationship, <c>operation</c> is
/// create, update or delete, and the bodies are <see cref="RecordJson"/>.
/// </summary>
public interface IAuditLog
{
    Task<IReadOnlyList<AuditEntry>> ReadAuditAsync(AuditQuery query, CancellationToken cancellationToken);

    /// <summary>How many entries match <paramref name="query"/>'s anchor and filters (its limit and offset aside).</summary>
    Task<long> CountAuditAsync(AuditQuery query, CancellationToken cancellationToken);
}
