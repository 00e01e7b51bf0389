using GraphApi.Core.Domain;
using GraphApi.Core.Storage;

namespace GraphApi.Workspaces;

/// <summary>
/// A record's <c>visibility</c> as callers send and read it: <c>public</c> (everyone's) or <c>private</c> (owned by
/// the caller's workspace). Only members of that workspace ever see a private record, so "private" always means "ours".
/// </summary>
public static class Visibility
{
    public static string Of(string? workspace) => workspace is null ? WorkspaceRegistration.Public : WorkspaceRegistration.Private;

    /// <summary>
    /// The workspace a new record belongs to, from the visibility sent: by default private for a member of a workspace
    /// (their contacts stay theirs unless they say otherwise) and public for callers of the public graph.
    /// </summary>
    public static string? OwnerOfNew(CallerGraph caller, string? visibility, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(errors);
        var wanted = visibility ?? (caller.Workspace is null ? WorkspaceRegistration.Public : WorkspaceRegistration.Private);
        if (wanted == WorkspaceRegistration.Private && caller.Workspace is null)
        {
            errors.Add("visibility", "'private' needs a key bound to a workspace: yours reaches the public graph only");
        }
        return wanted == WorkspaceRegistration.Private ? caller.Workspace : null;
    }

    /// <summary>The workspace a target visibility names for this caller (a visibility change), refusing 'private' without one.</summary>
    public static string? OwnerFor(CallerGraph caller, string? visibility)
    {
        var errors = new ValidationErrors();
        if (visibility is null)
        {
            errors.Add("visibility", "is required: 'public' or 'private'");
        }
        var owner = OwnerOfNew(caller, visibility, errors);
        errors.ThrowIfAny();
        return owner;
    }

    /// <summary>A replacement keeps the record's visibility: one sent that differs is refused, naming the write that changes it.</summary>
    public static void CheckUnchanged(string? sent, string? storedWorkspace, string changePath, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (sent is not null && sent != Of(storedWorkspace))
        {
            errors.Add("visibility", $"is '{Of(storedWorkspace)}'; changing it is a write of its own: POST {changePath}");
        }
    }

    /// <summary>The answer for a record this caller cannot see: the very one the store gives for an id that never existed.</summary>
    public static StoreNotFoundException NoActor(string id) => new($"no actor '{id}' exists");

    public static StoreNotFoundException NoRelationship(string id) => new($"no relationship '{id}' exists");
}
