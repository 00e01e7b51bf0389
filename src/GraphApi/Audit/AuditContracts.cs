using System.Text.Json.Nodes;
using GraphApi.Http;
using GraphApi.Http.Input;

namespace GraphApi.Audit;

/// <summary>One recorded change.</summary>
/// <param name="Id">The entry's id: ids grow in the order changes were committed.</param>
/// <param name="At">When the change was committed (UTC).</param>
/// <param name="Who">The name of the API key that made it; `system` for seeding and the command line.</param>
/// <param name="EntityType">What was changed: an actor, a relationship or an introduction (an ask of the ledger).</param>
/// <param name="EntityId">The id of what was changed.</param>
/// <param name="Operation">create, update or delete; merge for an actor merged into another (its `after` names that actor and what moved); event for an event recorded on an introduction.</param>
/// <param name="Before">The record's JSON before the change; absent for a create or an event.</param>
/// <param name="After">The record's JSON after the change; absent for a delete.</param>
public sealed record AuditRecord(
    long Id,
    DateTimeOffset At,
    string Who,
    [property: OneOf(AuditRegistration.EntityTypes)] string EntityType,
    string EntityId,
    [property: OneOf(AuditRegistration.Operations)] string Operation,
    JsonNode? Before,
    JsonNode? After);

/// <summary>A page of the audit trail, newest first.</summary>
/// <param name="Items">At most `limit` entries, newest first.</param>
/// <param name="Total">How many entries match, up to and including `upTo`.</param>
/// <param name="Limit">The page size asked for.</param>
/// <param name="Offset">How many matching entries come before this page.</param>
/// <param name="UpTo">The newest entry this walk reads (the anchor): entries recorded after it are not in it, so its pages never shift. Absent when nothing matches.</param>
/// <param name="Next">The next page's URL (with `upTo` pinned), also sent as a `Link` header; absent on the last page.</param>
public sealed record AuditPage(IReadOnlyList<AuditRecord> Items, long Total, int Limit, int Offset, long? UpTo, string? Next) : IPaged;
