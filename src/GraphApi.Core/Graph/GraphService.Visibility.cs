using GraphApi.Core.Domain;
using GraphApi.Core.Storage;

namespace GraphApi.Core.Graph;

/// <summary>
/// Changing a record's visibility: an explicit write of its own (stored, audited and shown like any update), so no
/// replacement ever moves a record between the public graph and a workspace by accident. Each record is looked up in
/// the caller's view: another workspace's record answers exactly as an id that never existed. Setting the visibility
/// a record already has is a write all the same (its revision moves), so every such request is stored and audited alike.
/// </summary>
public sealed partial class GraphService
{
    /// <summary>
    /// Publishes a private actor (<paramref name="toWorkspace"/> null). A public actor stays public: other workspaces
    /// may have tied their private records to it, and they would lose them without being asked.
    /// </summary>
    public async Task<Actor> SetActorVisibilityAsync(string id, string? toWorkspace, string? callerWorkspace, long? expectedRevision,
        CancellationToken cancellationToken)
    {
        var actor = Snapshot.ForWorkspace(callerWorkspace).FindActor(id) ?? throw new StoreNotFoundException($"no actor '{id}' exists");
        if (actor.Workspace is null && toWorkspace is not null)
        {
            ThrowIfInvalid(VisibilityError("a public actor stays public (other workspaces may tie to it); create a private actor for your own contact instead"));
        }
        return WithRegion((await CommitAsync(new StoreWrite.UpdateActor(actor with { Workspace = toWorkspace }, expectedRevision), cancellationToken)
            .ConfigureAwait(false)).Value);
    }

    /// <summary>
    /// Moves a relationship between the public graph (<paramref name="toWorkspace"/> null: both its ends must be public)
    /// and the caller's workspace.
    /// </summary>
    public async Task<Relationship> SetRelationshipVisibilityAsync(string id, string? toWorkspace, string? callerWorkspace, long? expectedRevision,
        CancellationToken cancellationToken)
    {
        var snapshot = Snapshot;
        var relationship = snapshot.ForWorkspace(callerWorkspace).FindRelationship(id) ?? throw new StoreNotFoundException($"no relationship '{id}' exists");
        if (toWorkspace is null && new[] { relationship.Source, relationship.Target }.FirstOrDefault(end => snapshot.FindActor(end) is null) is { } privateEnd)
        {
            ThrowIfInvalid(VisibilityError($"it joins your private actor '{privateEnd}': a public relationship joins public actors (publish the actor first)"));
        }
        if (relationship.Workspace is null && toWorkspace is not null && !IdNamespaces.IsIn(id, toWorkspace))
        {
            // Its id would stay taken for everyone else while nobody else could see it: only a record published from
            // the workspace (its id in the workspace's space) can be taken back.
            ThrowIfInvalid(VisibilityError($"only a relationship whose id starts with '{IdNamespaces.PrefixOf(toWorkspace)}' (published from your workspace) can become private again; record your own tie as a new private relationship instead"));
        }
        return (await CommitAsync(new StoreWrite.UpdateRelationship(relationship with { Workspace = toWorkspace }, expectedRevision), cancellationToken)
            .ConfigureAwait(false)).Value;
    }

    private static ValidationErrors VisibilityError(string message)
    {
        var errors = new ValidationErrors();
        errors.Add("visibility", message);
        return errors;
    }
}
