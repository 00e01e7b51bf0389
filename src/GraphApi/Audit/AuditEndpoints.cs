using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.Json.Nodes;
using GraphApi.Core.Domain;
using GraphApi.Core.Storage;
using GraphApi.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GraphApi.Audit;

/// <summary>One change as the API shows it: the stored bodies parsed back into JSON.</summary>
public sealed record AuditRecord(long Id, DateTimeOffset At, string Who, string Entity, string EntityId, string Operation, JsonNode? Before, JsonNode? After);

/// <summary>A page of the audit trail, newest first; pass <c>nextCursor</c> back as <c>cursor</c> for older entries.</summary>
public sealed record AuditPage(IReadOnlyList<AuditRecord> Items, string? NextCursor);

public static class AuditEndpoints
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;

    public static RouteGroupBuilder MapAuditEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/audit").WithTags("Audit").RequireAuthorization(Roles.Admin);
        group.MapGet("/", ReadAudit).WithName("ReadAudit")
            .WithSummary("The audit trail of every change (admin only)")
            .WithDescription("Newest first. Each entry says who (the key's name), when, which entity (actor, relationship or introduction, and its id), " +
                "the operation (create, update, delete; an introduction's events are `event`; merge for an actor merged into another, whose after names it and what moved) and the entity's JSON before and after. `entity` filters by entity id, `actor` by " +
                $"who made the change; `limit` 1-{MaxLimit} (default {DefaultLimit}); `cursor` is the `nextCursor` of the previous page.");
        return group;
    }

    private static async Task<Results<Ok<AuditPage>, ValidationProblem>> ReadAudit(
        IAuditLog log, [Range(1, MaxLimit)] int? limit, string? cursor, string? entity, string? actor, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (limit is < 1 or > MaxLimit)
        {
            errors.Add("limit", $"must be between 1 and {MaxLimit}");
        }
        long? before = null;
        if (cursor is not null)
        {
            if (long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed > 0)
            {
                before = parsed;
            }
            else
            {
                errors.Add("cursor", "must be the nextCursor of a previous page");
            }
        }
        if (!errors.IsEmpty)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        var take = limit ?? DefaultLimit;
        var entries = await log.ReadAuditAsync(new AuditQuery(take, before, entity, actor), cancellationToken);
        var items = entries.Select(e => new AuditRecord(e.Id, e.At, e.Who, e.EntityKind, e.EntityId, e.Operation, Parse(e.Before), Parse(e.After))).ToList();
        var next = items.Count == take ? items[^1].Id.ToString(CultureInfo.InvariantCulture) : null;
        return TypedResults.Ok(new AuditPage(items, next));
    }

    private static JsonNode? Parse(string? body) => body is null ? null : JsonNode.Parse(body);
}
