namespace GraphApi.Core.Storage;

/// <summary>One recorded change: who, when, which entity, what it was before and after (JSON bodies; null when absent).</summary>
public sealed record AuditEntry(
    long Id, DateTimeOffset At, string Who, string EntityKind, string EntityId, string Operation, string? Before, string? After);

/// <summary>Filters for reading the audit trail, newest first. <see cref="Before"/> is the cursor: entries with a smaller id.</summary>
public sealed record AuditQuery(int Limit, long? Before = null, string? EntityId = null, string? Who = null);

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
}
