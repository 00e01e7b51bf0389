namespace GraphApi.Security;

/// <summary>
/// The claims every way of signing in (API key, bearer token) puts on the caller, so that the rest of the service reads
/// one shape: the name for the audit log (<see cref="System.Security.Claims.ClaimTypes.Name"/>), the roles
/// (<see cref="System.Security.Claims.ClaimTypes.Role"/>, each implied role included) and the workspace.
/// </summary>
public static class CallerClaims
{
    /// <summary>The id of the one workspace the caller belongs to; absent for callers of the public graph only.</summary>
    public const string Workspace = "graphapi:workspace";
}
