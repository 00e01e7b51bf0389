using GraphApi.Http.Input;

namespace GraphApi.Workspaces;

/// <summary>The closed sets of visibility and analysis scope, and the per-request view of the graph.</summary>
public static class WorkspaceRegistration
{
    /// <summary>Whether a record is everyone's or the caller's workspace's.</summary>
    public const string Visibility = "visibility";

    public const string Public = "public";
    public const string Private = "private";

    /// <summary>What an analysis runs on: the public graph, or the public graph with the caller's workspace's records.</summary>
    public const string Scope = "analysis scope";

    public const string PublicScope = "public";
    public const string WorkspaceScope = "workspace";

    public static IServiceCollection AddWorkspaces(this IServiceCollection services) => services
        .AddHttpContextAccessor()
        .AddScoped<CallerGraph>()
        .AddClosedSet(Visibility, _ => [Public, Private])
        .AddClosedSet(Scope, _ => [PublicScope, WorkspaceScope]);
}
