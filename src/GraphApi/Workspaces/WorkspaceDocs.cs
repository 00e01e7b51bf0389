namespace GraphApi.Workspaces;

/// <summary>Long descriptions of the workspace operations.</summary>
public static class WorkspaceDocs
{
    public const string IdParameter = "The workspace's id.";

    public const string Caller =
        "Who the key or token sent with this request belongs to: its roles (lowest first, each implied one included) and, for a member " +
        "of a workspace, the workspace's id and name, whose private records the caller sees beside the public graph and may analyse " +
        "with `scope=workspace`. Without a key or token the answer is only `anonymous`. Needs no key, even where reads do: it tells " +
        "callers about their own credentials only (an unknown key or a refused token is still a 401).";

    public const string List =
        "Every workspace (admin). An admin whose key is bound to a workspace sees only that one; the others do not exist for them.";

    public const string Create =
        "Creates a workspace (admin whose key is bound to no workspace): an organisation's private network. Keys bound to it " +
        "(`Security:Keys:N:Workspace`) and tokens mapped to it see the public graph plus its private records, and their role " +
        "(reader, editor) applies inside it as on the public graph. 409 when the id is taken.";

    public const string Rename = "Renames a workspace (admin; a bound admin, only their own). Send the ETag of a GET in If-Match to rename only the version you read.";

    public const string Delete =
        "Deletes a workspace and every private record it owns (its actors, its relationships, and any tie touching its actors), " +
        "in one write (admin bound to no workspace), then its private asks of the introduction ledger with their events. Keys still bound to it then reach the public graph only.";
}

/// <summary>Descriptions of the visibility changes.</summary>
public static class VisibilityDocs
{
    public const string Actor =
        "Publishes one of your workspace's private actors (`public`), as a write of its own, audited like any change. A public actor " +
        "stays public (other workspaces may tie their private records to it): 400. An actor you cannot see answers 404 like one " +
        "that never existed. Send the ETag of a GET in If-Match to change only the version you read.";

    public const string Relationship =
        "Moves a relationship between the public graph (`public`: both its ends must be public) and your workspace (`private`), as " +
        "a write of its own, audited like any change. A relationship you cannot see answers 404 like one that never existed. Send " +
        "the ETag of a GET in If-Match to change only the version you read.";
}
