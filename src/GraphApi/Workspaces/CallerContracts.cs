namespace GraphApi.Workspaces;

/// <summary>
/// Who the caller is to this service: what the API key or bearer token sent with the request grants. An anonymous caller
/// (nothing sent) is told only that.
/// </summary>
/// <param name="Anonymous">True when the request carried no key and no token: the public graph, read as everyone reads it.</param>
/// <param name="Roles">The caller's roles, lowest first, each implied one included (`reader`, `editor`, `admin`); empty for anonymous callers and for a token with no mapped role.</param>
/// <param name="Workspace">The workspace the key or token belongs to, whose private records the caller sees beside the public graph; absent for callers of the public graph only (and for a key still bound to a deleted workspace).</param>
public sealed record CallerView(bool Anonymous, IReadOnlyList<string> Roles, CallerWorkspaceView? Workspace);

/// <summary>The caller's own workspace.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Name">What it is called, to show to its members.</param>
public sealed record CallerWorkspaceView(string Id, string Name);
