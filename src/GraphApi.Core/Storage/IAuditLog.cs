namespace GraphApi.Core.Storage;

/// <summary>One recorded change: who, when, which entity, what it was before and after (JSON bodies; null when absent).</summary>
public sealed record AuditEntry(
    long Id, DateTimeOffset At, string Who, string EntityKind, string EntityId, string Operation, string? Before, string? After);

/// <summary>Filters for reading the audit trail, newest first. <see cref="Before"/> is the cursor: entries with a smaller id.</summary>
public sealed record AuditQuery(int Limit, long? Before = null, string? EntityId = null, string? Who = null);

/// <summary>
/// The read side of the audit trail. Entries are written by the store itself in the transaction of each change
/// (see <see cref="ChangeAuthor"/>), so the log cannot miss a committed change or record one that rolled back.
/// </summary>
public interface IAuditLog
{
    Task<IReadOnlyList<AuditEntry>> ReadAsync(AuditQuery query, CancellationToken cancellationToken);
}
