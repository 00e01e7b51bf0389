using System.Security.Claims;
using GraphApi.Core.Graph;
using GraphApi.Security;

namespace GraphApi.Workspaces;

/// <summary>
/// The graph as this request's caller may see it, taken once per request: the public graph, plus the private records
/// of the caller's workspace (<see cref="CallerClaims.Workspace"/>) when they belong to one. Read endpoints answer from
/// <see cref="Snapshot"/>, never from the service's own snapshot, so an answer holds nothing of another workspace.
/// </summary>
public sealed class CallerGraph(GraphService graph, IHttpContextAccessor http)
{
    private GraphSnapshot? _snapshot;
    private GraphSnapshot? _public;

    /// <summary>The caller's workspace id, or null for callers of the public graph only (anonymous ones included).</summary>
    public string? Workspace { get; } = WorkspaceOf(http.HttpContext?.User);

    /// <summary>The public graph plus the caller's workspace's records.</summary>
    public GraphSnapshot Snapshot => _snapshot ??= graph.Snapshot.ForWorkspace(Workspace);

    /// <summary>The public graph alone, as anonymous callers see it (analyses by default).</summary>
    public GraphSnapshot Public => _public ??= Workspace is null ? Snapshot : graph.Snapshot.PublicView();

    /// <summary>The graph an analysis runs on: the public one, or with the caller's records for <c>scope=workspace</c>.</summary>
    public GraphSnapshot ForScope(string? scope) => string.Equals(scope, WorkspaceRegistration.WorkspaceScope, StringComparison.Ordinal) ? Snapshot : Public;

    public static string? WorkspaceOf(ClaimsPrincipal? user) => user?.FindFirst(CallerClaims.Workspace)?.Value is { Length: > 0 } workspace ? workspace : null;
}
