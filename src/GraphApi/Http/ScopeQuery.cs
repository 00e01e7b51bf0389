using System.ComponentModel;
using GraphApi.Core.Domain;
using GraphApi.Core.Graph;
using GraphApi.Http.Input;
using GraphApi.Workspaces;

namespace GraphApi.Http;

/// <summary>
/// The <c>scope</c> every analysis takes (bound with <c>[AsParameters]</c>): the public graph (the default, the same
/// for everyone), or the public graph with the caller's workspace's private records.
/// </summary>
public sealed record ScopeQuery([property: Description(ScopeQuery.Description), OneOf(WorkspaceRegistration.Scope)] string? Scope)
{
    public const string Description =
        "What to analyse: `public`, the public graph (the default, the same answer for everyone), or `workspace`, the public graph " +
        "with your workspace's private actors and relationships (needs a key bound to a workspace).";

    /// <summary>The caller's graph for this scope; <c>workspace</c> without a workspace is an error on <c>scope</c>.</summary>
    public GraphSnapshot Graph(CallerGraph caller, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(errors);
        if (Scope == WorkspaceRegistration.WorkspaceScope && caller.Workspace is null)
        {
            errors.Add("scope", "'workspace' needs a key bound to a workspace: yours reaches the public graph only");
        }
        return caller.ForScope(Scope);
    }
}
