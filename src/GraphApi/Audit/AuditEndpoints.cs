using System.ComponentModel;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using GraphApi.Core.Domain;
using GraphApi.Core.Storage;
using GraphApi.Http;
using GraphApi.Http.Input;
using GraphApi.Workspaces;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GraphApi.Audit;

/// <summary>GET /api/audit: the audit trail (admin; access is decided by the path rules, <c>Security/AccessRules.cs</c>).</summary>
public static class AuditEndpoints
{
    public static RouteGroupBuilder MapAuditEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/audit").WithTags("Audit");
        group.MapGet("/", ReadAudit).WithName("ReadAudit")
            .WithSummary("The audit trail of every change (admin only)").WithDescription(AuditDocs.Read);
        return group;
    }

    private static async Task<Ok<AuditPage>> ReadAudit(
        IAuditLog log, CallerGraph caller, HttpRequest request,
        [Description("Only changes of this type of entity."), OneOf(AuditRegistration.EntityTypes)] string? entityType,
        [Description("Only changes of the entity with this id.")] string? entityId,
        [Description("Only changes made with the API key of this name.")] string? who,
        [Description("Only changes of this operation."), OneOf(AuditRegistration.Operations)] string? operation,
        [Description(AuditDocs.UpToParameter)] long? upTo,
        [AsParameters] PageQuery page, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var (take, skip) = page.Read(errors);
        if (upTo is < 1)
        {
            errors.Add("upTo", "must be an audit entry id (1 or more), as a page's next link gives it");
        }
        errors.ThrowIfAny();
        // An admin bound to a workspace reads the entries of their workspace's records only: totals and pages included.
        var filters = new AuditQuery(take, EntityId: entityId, Who: who, EntityKind: entityType, Operation: operation, Offset: skip, Workspace: caller.Workspace);
        var anchor = upTo ?? (await log.ReadAuditAsync(filters with { Limit = 1, Offset = 0 }, cancellationToken) is [var newestMatch, ..] ? newestMatch.Id : null);
        request.HttpContext.Response.Headers.ETag = ETagOf(request, anchor);
        if (anchor is not { } newest)
        {
            return TypedResults.Ok(new AuditPage([], 0, take, skip, null, null));
        }
        var anchored = filters with { Before = newest + 1 };
        var entries = await log.ReadAuditAsync(anchored, cancellationToken);
        var total = await log.CountAuditAsync(anchored, cancellationToken);
        var items = entries.Select(e => new AuditRecord(e.Id, e.At, e.Who, e.EntityKind, e.EntityId, e.Operation, Parse(e.Before), Parse(e.After))).ToList();
        var next = Paging.Next(request, take, skip, total, ("upTo", newest.ToString(CultureInfo.InvariantCulture)));
        return TypedResults.Ok(new AuditPage(items, total, take, skip, newest, next));
    }

    /// <summary>
    /// Entries never change once recorded, so an anchored page's content is fixed by its anchor and its question: that is
    /// its ETag (a request without <c>upTo</c> is anchored at the newest entry, so its tag moves when one is recorded).
    /// </summary>
    private static string ETagOf(HttpRequest request, long? anchor)
    {
        var question = string.Join('&', request.Query.Where(q => !string.Equals(q.Key, "upTo", StringComparison.OrdinalIgnoreCase))
            .OrderBy(q => q.Key, StringComparer.OrdinalIgnoreCase).Select(q => $"{q.Key.ToUpperInvariant()}={q.Value}"));
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes($"{question}#{CallerGraph.WorkspaceOf(request.HttpContext.User)}"));
        return $"\"a{anchor ?? 0}-{Convert.ToHexStringLower(digest.AsSpan(0, 8))}\"";
    }

    private static JsonNode? Parse(string? body) => body is null ? null : JsonNode.Parse(body);
}
