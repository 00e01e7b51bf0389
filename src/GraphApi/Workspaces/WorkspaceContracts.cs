namespace GraphApi.Workspaces;

/// <summary>A workspace to create: an organisation's private network on top of the public graph.</summary>
/// <param name="Id">Its id, a slug such as `pole-eau` (lower-case letters, digits and '-', 2-64 characters): API keys (`Security:Keys:N:Workspace`) and bearer tokens name it.</param>
/// <param name="Name">What it is called, shown to its members (at most 200 characters, the text rule).</param>
public sealed record WorkspaceInput(string? Id, string? Name);

/// <summary>A workspace's new name.</summary>
/// <param name="Name">What it is called from now on (at most 200 characters, the text rule).</param>
public sealed record WorkspaceRename(string? Name);

/// <summary>A workspace. The `ETag` header of a single one carries its revision (send it in If-Match to rename or delete it).</summary>
/// <param name="Id">Its id.</param>
/// <param name="Name">What it is called.</param>
public sealed record WorkspaceView(string Id, string Name);

/// <summary>The workspaces the caller may manage.</summary>
/// <param name="Items">The workspaces, in id order.</param>
public sealed record WorkspaceList(IReadOnlyList<WorkspaceView> Items);

/// <summary>The answer to deleting a workspace: its private records went with it.</summary>
/// <param name="Id">The deleted workspace's id.</param>
/// <param name="RemovedActors">How many of its private actors were deleted.</param>
/// <param name="RemovedRelationships">How many private relationships were deleted (its own, and any tie touching its actors).</param>
/// <param name="RemovedAsks">How many of its private asks for introductions were deleted from the ledger, with their events.</param>
public sealed record WorkspaceDeleted(string Id, int RemovedActors, int RemovedRelationships, int RemovedAsks = 0);

/// <summary>A record's new visibility.</summary>
/// <param name="Visibility">`public` (everyone's) or `private` (your workspace's only; needs a key bound to a workspace).</param>
public sealed record VisibilityInput([property: Http.Input.OneOf(WorkspaceRegistration.Visibility)] string? Visibility);
