using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GraphApi.Core.Graph;
using GraphApi.Http.Caching;
using GraphApi.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GraphApi.Workspaces;

/// <summary>
/// GET /api/me: the caller's roles and workspace, so a client (the explorer) can say whose network it shows and offer
/// what members may do. Public whatever the read policy (<c>Security/AccessRules.cs</c>): it tells the caller only about
/// the credentials they sent themselves, and an anonymous caller only that they are anonymous.
/// </summary>
public static class CallerEndpoints
{
    public const string Path = "/api/me";

    public static RouteHandlerBuilder MapCallerEndpoints(this IEndpointRouteBuilder routes) =>
        routes.MapGet(Path, GetCaller).WithTags("Workspaces").WithName("GetCaller")
            .WithSummary("Who am I: the caller's roles and workspace").WithDescription(WorkspaceDocs.Caller);

    private static async Task<Ok<CallerView>> GetCaller(GraphService graph, CallerGraph caller, ClaimsPrincipal user, HttpContext http, CancellationToken cancellationToken)
    {
        var view = await ViewAsync(graph, caller, user, cancellationToken);
        // Fixed by the credentials and the workspace's name, not by the graph: tagged by its content (and, as every tag, the caller).
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(view)));
        http.Response.Headers.ETag = ConditionalGets.ForState(http, $"m{Convert.ToHexStringLower(hash.AsSpan(0, 8))}");
        http.Response.Headers.CacheControl = "private, no-cache";
        return TypedResults.Ok(view);
    }

    private static async Task<CallerView> ViewAsync(GraphService graph, CallerGraph caller, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return new CallerView(Anonymous: true, [], null);
        }
        var roles = Roles.Ordered.Where(user.IsInRole).ToList();
        // A key bound to a workspace an admin has since deleted reaches the public graph only: no workspace to name.
        var workspace = caller.Workspace is { } id && await graph.FindWorkspaceAsync(id, cancellationToken) is { } found
            ? new CallerWorkspaceView(found.Id, found.Name)
            : null;
        return new CallerView(Anonymous: false, roles, workspace);
    }
}
